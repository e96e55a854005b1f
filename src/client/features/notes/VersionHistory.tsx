import { useTranslation } from '../../i18n';
import type { DocState } from '../../../domain/project';
import { asNoteBody } from './note-body';
import { NoteFields, VersionByline } from './NoteText';

/** Every version ever written, oldest first, folded away: the audit trail, not the daily view. */
export function VersionHistory({ doc }: { doc: DocState }) {
  const { t } = useTranslation();
  if (doc.history.length < 2) return null;
  return (
    <details className="history">
      <summary className="history-summary">{t('notes.history', { count: doc.history.length })}</summary>
      <ol className="history-list">
        {doc.history.map((v, i) => {
          const body = asNoteBody(v.body);
          return (
            <li key={v.entryId} className="history-item">
              <h4 className="history-title">
                {t('notes.version', { n: i + 1 })} — {t(`notes.kind.${v.kind}`)} — {body.target}
              </h4>
              <VersionByline version={v} />
              <NoteFields body={body} writtenAt={v.createdAt} />
            </li>
          );
        })}
      </ol>
    </details>
  );
}
