// Labelled inputs. Every input has a visible label; a hint and an error are tied to it with
// aria-describedby so a screen reader reads them with the field.
import { useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { SearchIcon } from './icons';

interface Common {
  label: string;
  hint?: string | undefined;
  error?: string | null | undefined;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function Extras({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | null | undefined }) {
  return (
    <>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

/** The frame every labelled input shares: label, hint, error, then the control itself. */
function Field({ id, label, hint, error, children }: Common & { id: string; children: ReactNode }) {
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <Extras id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}

/** The attributes that tie a control to its label, hint and error. */
function controlProps(id: string, hint: unknown, error: unknown) {
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(id, hint, error) };
}

export function TextField({ label, hint, error, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input className="input" {...controlProps(id, hint, error)} {...input} />
    </Field>
  );
}

export function TextArea({ label, hint, error, ...area }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <textarea className="input textarea" {...controlProps(id, hint, error)} {...area} />
    </Field>
  );
}

/** The search box at the head of a filtered list (directory, procedures): it filters as you type. */
export function SearchField({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <div className="search filters-search">
      <label htmlFor={id} className="field-label">{label}</label>
      <div className="search-box">
        <SearchIcon />
        <input id={id} className="input" type="search" autoComplete="off" spellCheck={false} enterKeyHint="search"
          value={value} onChange={(e) => onChange(e.target.value)} />
      </div>
    </div>
  );
}

/** After a failed submit: focus the first field marked invalid, so the nurse lands on the problem. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  // After React has rendered the error state.
  setTimeout(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
}
