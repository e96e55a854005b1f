// Each unlock retries the migration of clear rows until it has succeeded once (migrate.ts).
import type { Dexie } from 'dexie';
import { hasDataKey, onDataKeyChange } from './data-key';
import { sealClearRows } from './migrate';

export function sealOnUnlock(db: Dexie): () => void {
  const run = () => void sealClearRows(db).catch((err: unknown) => console.error('Vault migration failed; retried at next unlock', err));
  if (hasDataKey()) run(); // unlocked before the database was first used (a resumed session)
  return onDataKeyChange((present) => {
    if (present) run();
  });
}
