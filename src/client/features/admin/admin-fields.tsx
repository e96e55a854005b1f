// Inputs of the admin editors that the shared ui/fields do not cover: a select, a checkbox,
// and the move/remove buttons of a list item.
import { useId, type ReactNode } from 'react';
import { useTranslation } from '../../i18n';

export function SelectField({ label, value, onChange, error, children }: {
  label: string; value: string; onChange: (v: string) => void; error?: string | undefined; children: ReactNode;
}) {
  const id = useId();
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field-label" htmlFor={id}>{label}</label>
      {error && <p className="field-error" id={`${id}-error`}>{error}</p>}
      <select id={id} className="input" value={value} onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        {children}
      </select>
    </div>
  );
}

export function Checkbox({ label, checked, onChange }: { label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="choice-option">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

/** Move up, move down, remove: each button names the item, for a screen reader in a long list. */
export function ItemTools<T>({ items, index, set, name }: { items: T[]; index: number; set: (next: T[]) => void; name: string }) {
  const { t } = useTranslation();
  const move = (to: number) => {
    const next = [...items];
    const [item] = next.splice(index, 1);
    next.splice(to, 0, item!);
    set(next);
  };
  return (
    <div className="button-row button-row--tight">
      <button type="button" className="button button--quiet" disabled={index === 0} onClick={() => move(index - 1)}
        aria-label={t('admin.moveUp', { name })}>↑</button>
      <button type="button" className="button button--quiet" disabled={index === items.length - 1} onClick={() => move(index + 1)}
        aria-label={t('admin.moveDown', { name })}>↓</button>
      <button type="button" className="button button--danger-quiet" disabled={items.length === 1}
        onClick={() => set(items.filter((_, i) => i !== index))}>{t('admin.remove', { name })}</button>
    </div>
  );
}

/** Replaces one item of a list, for the editors' onChange handlers. */
export function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((x, i) => (i === index ? item : x));
}

/** An optional English form beside the French source: an emptied field removes it rather than saving "". */
export function withEnglish<T extends object, K extends keyof T & string>(value: T, key: K, typed: string): T {
  const { [key]: _, ...rest } = value;
  return (typed === '' ? rest : { ...rest, [key]: typed }) as T;
}
