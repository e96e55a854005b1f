// A note two tablets changed at the same time. Both versions are shown side by side, each with
// its author, tablet and time; the nurse picks one to start from, corrects it, and saves a
// resolve that names every version she saw. Nothing chooses for her.
import { useState } from 'react';
import { useTranslation } from '../../i18n';
import type { DocState } from '../../../domain/project';
import type { NoteBody } from '../../../domain/schemas';
import { resolveNote } from '../../data';
import { Notice } from '../../ui/Notice';
import { sameHeads } from '../../../domain/editing';
import { asNoteBody, editableNote } from './note-body';
import { NoteEditor } from './NoteEditor';
import { NoteFields, VersionByline } from './NoteText';

export const resolveDraftKey = (docId: string) => `note:resolve:${docId}`;

interface Props {
  doc: DocState;
  /** The nurse asked to resolve, or a resolve draft exists. */
  resolving: boolean;
  /** A resolve draft is on the device: its editor opens straight away. */
  hasDraft: boolean;
  onResolve: () => void;
  onDone: (outcome: 'saved' | 'discarded') => void;
}

export function ConflictedNote({ doc, resolving, hasDraft, onResolve, onDone }: Props) {
  const { t } = useTranslation();
  const [start, setStart] = useState<{ body: NoteBody; heads: string[]; entryId: string } | null>(null);
  const versions = doc.headVersions;
  const editing = resolving && (start !== null || hasDraft);

  return (
    <div className="conflict">
      {doc.status === 'conflicted' && (
        <>
          <p className="conflict-help">{t('notes.conflictHelp')}</p>
          {resolving && !editing && <Notice kind="info">{t('noteForm.resolveIntro')}</Notice>}
          <div className="versions">
            {versions.map((v, i) => {
              const body = asNoteBody(v.body);
              const chosen = start?.entryId === v.entryId;
              return (
                <section key={v.entryId} className={chosen ? 'version version--chosen' : 'version'}>
                  <p className="version-label">
                    {t('notes.version', { n: i + 1 })}
                    {chosen && <strong> — {t('noteForm.chosenVersion')}</strong>}
                  </p>
                  <h4 className="version-target">{body.target}</h4>
                  <NoteFields body={body} writtenAt={v.createdAt} />
                  <VersionByline version={v} />
                  {resolving && !editing && (
                    <button
                      type="button"
                      className="button button--primary"
                      onClick={() => setStart({ body: editableNote(v.body, doc.firstAt), heads: [...doc.heads], entryId: v.entryId })}
                    >
                      {t('noteForm.chooseVersion')}
                    </button>
                  )}
                </section>
              );
            })}
          </div>
          {!resolving && (
            <div className="button-row">
              <button type="button" className="button button--primary" onClick={onResolve}>
                {t('notes.resolve')}
              </button>
            </div>
          )}
          {resolving && !editing && (
            <div className="button-row">
              <button type="button" className="button" onClick={() => onDone('discarded')}>
                {t('confirm.cancel')}
              </button>
            </div>
          )}
        </>
      )}
      {editing && (
        // When a draft exists NoteEditor restores it and ignores `initial` and `baseHeads`.
        <NoteEditor
          title={t('noteForm.resolveTitle')}
          draftKey={resolveDraftKey(doc.docId)}
          initial={start?.body ?? asNoteBody(null)}
          baseHeads={start?.heads ?? [...doc.heads]}
          saveLabel={t('noteForm.resolveSave')}
          warning={(heads) =>
            heads && !sameHeads(heads, doc.heads) ? <Notice kind="warning">{t('noteForm.changedElsewhere')}</Notice> : null
          }
          onSave={(body, heads) => resolveNote(doc.docId, heads ?? doc.heads, body)}
          onDone={(outcome) => {
            setStart(null);
            onDone(outcome);
          }}
        />
      )}
    </div>
  );
}

