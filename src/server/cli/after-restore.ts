// Run once after restoring the database from a backup. It gives the database a new identity,
// so every tablet notices on its next sync and sends again what it wrote: whatever the backup
// predates comes back from the tablets (DESIGN.md safety rule 1, across a restore).
import { newId } from '../../domain/entry';
import type { Store } from '../store/open-store';
import type { Command } from './command';

export const afterRestore: Command = {
  name: 'after-restore',
  usage: '',
  summary: 'after restoring a backup: tablets re-send what they wrote',
  run: ({ store }) => newServerIdentity(store),
};

async function newServerIdentity(store: Store): Promise<string> {
  const id = newId();
  await store.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('server_identity').execute();
    await trx.insertInto('server_identity').values({ id, created_at: new Date().toISOString() }).execute();
  });
  return `new server identity ${id}: tablets will send their entries again on their next sync`;
}
