// Each unlock retries the migration of clear rows until it has succeeded once (migrate.ts), then
// the upgrade of documents to their stored form (doc-shape.ts), then the ward board's note
// summaries and patients' wards (note-summary.ts): each needs the key to read rows.
import type { Dexie } from 'dexie';
import { hasDataKey, onDataKeyChange } from './data-key';
import { sealClearRows } from './migrate';
import { packStoredDocs } from '../doc-shape';
import { buildBoardIndex } from '../note-summary';

export function sealOnUnlock(db: Dexie): () => void {
  const run = () =>
    void sealClearRows(db)
      .then(() => packStoredDocs(db))
      .then(() => buildBoardIndex(db))
      .catch((err: unknown) => console.error('Upgrade at unlock failed; retried at next unlock', err));
  if (hasDataKey()) run(); // unlocked before the database was first used (a resumed session)
  return onDataKeyChange((present) => {
    if (present) run();
  });
}
