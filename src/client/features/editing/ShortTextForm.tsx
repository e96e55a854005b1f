// One short free text under a document, autosaved as a draft: an addendum under a note, a
// receiving nurse's synthesis of a handover. The two differ only in their words and in what
// saving does, so the typing, the autosave, the required check and the buttons live here once.
import { useRef, useState, type FormEvent } from 'react';
import type { TranslationKey } from '../../i18n';
import { useTranslation } from '../../i18n';
import { focusFirstInvalid, TextArea } from '../../ui/fields';
import { Notice } from '../../ui/Notice';
import { useDraftedEditor } from './useDraftedEditor';
import { WithDraft } from './WithDraft';

/** The catalog keys of the form's words. */
export type ShortTextWords = Record<'title' | 'label' | 'hint' | 'required' | 'save' | 'saving' | 'cancel', TranslationKey>;

interface Props {
  draftKey: string;
  /** The draft's field that holds the text: drafts already on tablets keep their shape. */
  draftField: string;
  words: ShortTextWords;
  className?: string;
  /** Its heading's level where it stands (under a note's h3: 4). */
  headingLevel: 3 | 4;
  /** Saves the typed text (trimmed, never empty). */
  commit: (text: string) => Promise<void>;
  onDone: (outcome: 'saved' | 'discarded') => void;
}

export function ShortTextForm(props: Props) {
  return (
    <WithDraft<Record<string, string>> draftKey={props.draftKey}>
      {(restored) => <Form {...props} restored={restored?.[props.draftField]} />}
    </WithDraft>
  );
}

function Form({ draftKey, draftField, words, className, headingLevel, commit, onDone, restored }: Props & { restored: string | undefined }) {
  const { t } = useTranslation();
  const editor = useDraftedEditor<string>({
    draftKey,
    restored: restored === undefined ? undefined : { value: restored },
    initial: '',
    toDraft: (text) => ({ [draftField]: text }),
    onDone,
  });
  const { value: text, save } = editor;
  const [error, setError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const Heading = headingLevel === 3 ? 'h3' : 'h4';

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) {
      setError(t(words.required));
      return focusFirstInvalid(formRef.current);
    }
    await editor.commit((typed) => commit(typed.trim()));
  }

  return (
    <form ref={formRef} className={`inline-form ${className ?? ''}`} onSubmit={submit} noValidate aria-label={t(words.title)}>
      <Heading className="inline-form-title">{t(words.title)}</Heading>
      {editor.wasRestored && <Notice kind="info">{t('noteForm.draftRestored')}</Notice>}
      <fieldset disabled={save.busy}>
        <legend className="visually-hidden">{t(words.title)}</legend>
        <TextArea
          label={t(words.label)}
          hint={t(words.hint)}
          error={error}
          value={text}
          maxLength={4000}
          rows={3}
          onChange={(e) => {
            setError(null);
            editor.change(e.target.value);
          }}
        />
      </fieldset>
      {save.error && <Notice kind="error">{save.error}</Notice>}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={save.busy}>
          {save.busy ? t(words.saving) : t(words.save)}
        </button>
        <button type="button" className="button" disabled={save.busy} onClick={() => void editor.discard()}>
          {t(words.cancel)}
        </button>
      </div>
    </form>
  );
}
