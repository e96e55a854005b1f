// `backup <file>`: a consistent copy of the live database, taken while the server runs (SQLite's
// online backup API). A plain copy of releve.sqlite is not one: recent commits live in the WAL
// file beside it. Restore: stop the server, put the copy in place as releve.sqlite, run
// `after-restore`, start the server.
import { chmodSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { audit } from '../store/audit';
import { UsageError, type Command } from './command';

export const backup: Command = {
  name: 'backup',
  usage: '<file>',
  summary: 'a consistent copy of the database, safe while the server runs (restore, then after-restore)',
  positionals: 1,
  run: async ({ store, positionals }) => {
    const target = positionals[0];
    if (!target) throw new UsageError('usage: backup <file>');
    const file = resolve(target);
    if (existsSync(file)) throw new UsageError(`${file} exists: choose a new file name`);
    const started = Date.now();
    await store.sqlite.backup(file);
    chmodSync(file, 0o600); // patient data: readable by the server's account only
    await audit(store.db, { event: 'backup', details: { file } });
    return `backup written to ${file} in ${Date.now() - started} ms`;
  },
};
