// The notes of one patient, oldest first, and the "new note" form. A new-note draft left on the
// device reopens the form by itself after a reload.
import { useState } from 'react';
import { useTranslation } from '../../i18n';
import type { NoteBody } from '../../../domain/schemas';
import { useDraft, useNotes, useNoteTargets, writeNote } from '../../data';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { useFlash } from '../../ui/useFlash';
import { EMPTY_NOTE } from './note-body';
import { NoteCard } from './NoteCard';
import { NoteEditor } from './NoteEditor';

const newNoteDraftKey = (patientId: string) => `note:new:${patientId}`;

export function NotesSection({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const notes = useNotes(patientId);
  const targets = useNoteTargets(patientId);
  const draft = useDraft<unknown>(newNoteDraftKey(patientId));
  // null: follow the draft (open if one exists); true/false: what the nurse chose.
  const [chosen, setChosen] = useState<boolean | null>(null);
  const [startFrom, setStartFrom] = useState<NoteBody>(EMPTY_NOTE);
  const [flash, showFlash] = useFlash();
  const open = chosen ?? draft.value !== undefined;

  function openNew(from: NoteBody) {
    // Observed now unless the note it starts from says when (a rejected note copied to a new one).
    setStartFrom({ ...from, observedAt: from.observedAt ?? new Date().toISOString() });
    setChosen(true);
    showFlash(null);
  }

  return (
    <section className="notes" aria-labelledby="notes-title">
      <div className="section-header">
        <h2 id="notes-title">{t('notes.title')}</h2>
        {!open && (
          <button type="button" className="button button--primary" onClick={() => openNew(EMPTY_NOTE)}>
            {t('notes.newNote')}
          </button>
        )}
      </div>

      {flash && <Notice kind="success">{flash}</Notice>}

      {open && (
        <NoteEditor
          title={t('noteForm.newTitle')}
          draftKey={newNoteDraftKey(patientId)}
          initial={startFrom}
          targets={targets}
          onSave={(body) => writeNote(patientId, body)}
          onDone={(outcome) => {
            setChosen(false);
            setStartFrom(EMPTY_NOTE);
            showFlash(outcome === 'saved' ? t('noteForm.saved') : null);
          }}
        />
      )}

      {notes === undefined ? (
        <Loading />
      ) : notes.length === 0 ? (
        <p className="empty">{t('notes.none')}</p>
      ) : (
        <ol className="note-list">
          {notes.map((view) => (
            <li key={view.doc.docId}>
              <NoteCard view={view} onCopyToNew={open ? undefined : openNew} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
