// One focused note with everything the ward must see about it: its text, who wrote and changed
// it, whether it has reached the server, its addenda, and "entered in error" (struck, never hidden).
import { useState } from 'react';
import { useAuthorName } from '../../ui/author-name';
import { useTranslation } from '../../i18n';
import type { DocState, Version } from '../../../domain/project';
import type { NoteBody } from '../../../domain/schemas';
import { careAddenda } from '../../../domain/recovery/back-entry';
import { amendNote, useDraft, type NoteView } from '../../data';
import { ConflictIcon, UploadIcon, WarningIcon } from '../../ui/icons';
import { Notice } from '../../ui/Notice';
import { useFormat } from '../../i18n';
import { useFlash } from '../../ui/useFlash';
import { Addenda } from './Addenda';
import { AddendumForm, addendumDraftKey } from '../editing/AddendumForm';
import { ConflictedNote, resolveDraftKey } from './ConflictedNote';
import { sameHeads } from '../../../domain/editing';
import { asNoteBody, editableNote } from './note-body';
import { NoteEditor } from './NoteEditor';
import { NoteFields, VersionByline } from './NoteText';
import { RetractForm } from '../editing/RetractForm';
import { VersionHistory } from './VersionHistory';
import { rejectedReasonText } from '../../ui/rejected-reason';
import { retractReason } from '../../../domain/schemas/annotation';

const amendDraftKey = (docId: string) => `note:amend:${docId}`;

type Mode = 'none' | 'amend' | 'addendum' | 'retract' | 'resolve';

interface Props {
  view: NoteView;
  /** Offered on a rejected note: start a new note from its text. Absent when not possible. */
  onCopyToNew?: ((body: NoteBody) => void) | undefined;
}

export function NoteCard({ view, onCopyToNew }: Props) {
  const { t } = useTranslation();
  const { doc, pending, rejectedReason } = view;
  const { mode, choose, hasResolveDraft } = useNoteMode(doc.docId);
  const [flash, showFlash] = useFlash();

  function done(savedMessage: string) {
    return (outcome: 'saved' | 'discarded') => {
      choose('none');
      showFlash(outcome === 'saved' ? savedMessage : null);
    };
  }

  const conflicted = doc.status === 'conflicted';
  const body = asNoteBody(doc.body);
  const canEdit = !conflicted && !doc.retracted && rejectedReason === null;
  const classes = ['note', conflicted && 'note--conflicted', doc.retracted && 'note--retracted', pending && 'note--pending']
    .filter(Boolean)
    .join(' ');

  return (
    <article className={classes} aria-labelledby={`note-${doc.docId}`}>
      <header className="note-header">
        <h3 className="note-target" id={`note-${doc.docId}`}>
          {conflicted ? (
            <>
              <ConflictIcon /> {t('notes.conflicted', { count: doc.headVersions.length })}
            </>
          ) : (
            body.target
          )}
        </h3>
        <NoteMarkers pending={pending} />
      </header>
      {rejectedReason !== null && (
        <RejectedNotice reason={rejectedReason} onCopyToNew={onCopyToNew && !conflicted ? () => onCopyToNew(body) : undefined} />
      )}
      <Retractions doc={doc} />
      <div className={doc.retracted ? 'note-content note-content--struck' : 'note-content'}>
        {!conflicted && <CurrentNote doc={doc} />}
        {(conflicted || mode === 'resolve') && (
          // Also when a resolve draft outlived the conflict (another tablet resolved it first):
          // the editor comes back with a warning rather than vanishing with the nurse's text.
          <ConflictedNote
            doc={doc}
            resolving={mode === 'resolve'}
            hasDraft={hasResolveDraft}
            onResolve={() => choose('resolve')}
            onDone={done(t('noteForm.saved'))}
          />
        )}
      </div>
      <Addenda addenda={careAddenda(doc)} />
      <VersionHistory doc={doc} />
      {flash && <Notice kind="success">{flash}</Notice>}
      {mode === 'none' && canEdit && <NoteActions choose={choose} />}
      {mode === 'amend' && <AmendEditor doc={doc} onDone={done(t('noteForm.saved'))} />}
      {mode === 'addendum' && <AddendumForm doc={doc} onDone={done(t('addendum.saved'))} />}
      {mode === 'retract' && <RetractForm doc={doc} onDone={done(t('retract.saved'))} />}
    </article>
  );
}

/** Which form is open under the note. A draft left on the device reopens its form, so a reload or a crash returns the nurse to it. */
function useNoteMode(docId: string) {
  const amendDraft = useDraft<unknown>(amendDraftKey(docId));
  const resolveDraft = useDraft<unknown>(resolveDraftKey(docId));
  const addendumDraft = useDraft<unknown>(addendumDraftKey(docId));
  const [chosen, choose] = useState<Mode | null>(null);
  const fromDraft: Mode =
    amendDraft.value !== undefined ? 'amend' : resolveDraft.value !== undefined ? 'resolve' : addendumDraft.value !== undefined ? 'addendum' : 'none';
  return { mode: chosen ?? fromDraft, choose, hasResolveDraft: resolveDraft.value !== undefined };
}

function CurrentNote({ doc }: { doc: DocState }) {
  const creator = doc.history.find((v) => v.kind === 'create') ?? doc.history[0];
  const latest: Version | undefined = doc.headVersions[0];
  return (
    <>
      <NoteFields body={asNoteBody(doc.body)} writtenAt={doc.firstAt} />
      {creator && <VersionByline version={creator} />}
      {latest && creator && latest.entryId !== creator.entryId && <VersionByline version={latest} />}
    </>
  );
}

function RejectedNotice({ reason, onCopyToNew }: { reason: string; onCopyToNew: (() => void) | undefined }) {
  const { t } = useTranslation();
  return (
    <Notice kind="error" live={false}>
      <strong>{t('notes.rejected', { reason: rejectedReasonText(reason, t) })}</strong>
      <br />
      {t('notes.rejectedHelp')}
      {onCopyToNew && (
        <div className="button-row">
          <button type="button" className="button" onClick={onCopyToNew}>
            {t('notes.copyToNew')}
          </button>
        </div>
      )}
    </Notice>
  );
}

/** "Entered in error": struck, never hidden, with who said so and why. */
function Retractions({ doc }: { doc: DocState }) {
  const { t } = useTranslation();
  const nameOf = useAuthorName();
  const f = useFormat();
  return doc.retractions.map((r) => (
    <div key={r.entryId} className="retraction" role="note">
      <WarningIcon />
      <div>
        <strong>{t('notes.retracted', { reason: retractReason(r.body) })}</strong>
        <p className="byline">{t('notes.retractedBy', { name: nameOf(r.author), time: f.dateTime(r.createdAt) })}</p>
      </div>
    </div>
  ));
}

function NoteActions({ choose }: { choose: (mode: Mode) => void }) {
  const { t } = useTranslation();
  return (
    <div className="button-row note-actions">
      <button type="button" className="button" onClick={() => choose('amend')}>
        {t('notes.amend')}
      </button>
      <button type="button" className="button" onClick={() => choose('addendum')}>
        {t('notes.addAddendum')}
      </button>
      <button type="button" className="button button--danger-quiet" onClick={() => choose('retract')}>
        {t('notes.retract')}
      </button>
    </div>
  );
}

function NoteMarkers({ pending }: { pending: boolean }) {
  const { t } = useTranslation();
  if (!pending) return null;
  return (
    <span className="badge badge--pending">
      <UploadIcon />
      {t('notes.pending')}
    </span>
  );
}

/** Amend starts from the current text and remembers the version it started from (see amendDoc). */
function AmendEditor({ doc, onDone }: { doc: DocState; onDone: (o: 'saved' | 'discarded') => void }) {
  const { t } = useTranslation();
  return (
    <NoteEditor
      title={t('noteForm.amendTitle')}
      draftKey={amendDraftKey(doc.docId)}
      initial={editableNote(doc.body, doc.firstAt)}
      baseHeads={[...doc.heads]}
      warning={(heads) =>
        heads && !sameHeads(heads, doc.heads) ? <Notice kind="warning">{t('noteForm.changedElsewhere')}</Notice> : null
      }
      onSave={(body, heads) => amendNote(doc.docId, heads ?? doc.heads, body)}
      onDone={onDone}
    />
  );
}
