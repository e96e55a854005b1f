// Each unlock retries the migration of clear rows until it has succeeded once (migrate.ts).
import type { Dexie } from 'dexie';
import { onDataKeyChange } from './data-key';
import { sealClearRows } from './migrate';

export function sealOnUnlock(db: Dexie): () => void {
  return onDataKeyChange((present) => {
    if (present) void sealClearRows(db).catch((err: unknown) => console.error('Vault migration failed; retried at next unlock', err));
  });
}
