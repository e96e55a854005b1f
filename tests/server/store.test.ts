import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore, type Store } from '../../src/server/store/open-store';
import { docStatusOf, entriesOfDoc, insertEntry } from '../../src/server/store/entries';
import { projectDocument } from '../../src/domain/project';
import type { Entry } from '../../src/domain/entry';
import { tempDir } from './helpers';

describe('the store', () => {
  let store: Store | undefined;
  afterEach(async () => store?.close());

  it('opens its file with WAL and synchronous=FULL, so an accepted entry survives a crash', async () => {
    store = await openStore({ dataDir: tempDir() });
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(store.file.endsWith('releve.sqlite')).toBe(true);
  });

  it('creates the data directory and every table, and reopening migrates nothing twice', async () => {
    const dir = `${tempDir()}/nested/data`;
    store = await openStore({ dataDir: dir });
    await store.close();
    store = await openStore({ dataDir: dir });
    const tables = (store.sqlite.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['users', 'user_units', 'devices', 'tokens', 'entries', 'feed']));
    const indexes = (store.sqlite.prepare("select name from sqlite_master where type = 'index'").all() as { name: string }[]).map((t) => t.name);
    expect(indexes).toEqual(expect.arrayContaining(['feed_scope_seq', 'entries_doc']));
  });

  it('uses RELEVE_DATA_DIR when no directory is given', async () => {
    const dir = tempDir();
    const before = process.env.RELEVE_DATA_DIR;
    process.env.RELEVE_DATA_DIR = dir;
    try {
      store = await openStore();
      expect(store.file).toBe(`${dir}/releve.sqlite`);
    } finally {
      if (before === undefined) delete process.env.RELEVE_DATA_DIR;
      else process.env.RELEVE_DATA_DIR = before;
    }
  });

  it('prepares a query once and keeps it, inside transactions too, and still sees schema changes', async () => {
    store = await openStore({ dataDir: tempDir() });
    const db = store.db;
    const work = async () => {
      await db.selectFrom('feed').selectAll().execute();
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('feed').values({ entry_id: 'e1', scope: 'unit:MED' }).execute();
        await trx.deleteFrom('feed').execute(); // the deferred foreign key would refuse the commit
      });
    };
    await work();
    const prepare = vi.spyOn(store.sqlite, 'prepare');
    await work();
    expect(prepare).not.toHaveBeenCalled();
    // SQLite prepares a kept statement again by itself when the schema changes under it.
    store.sqlite.exec('alter table feed add column note text');
    store.sqlite.exec("insert into entries (id, doc_id, doc_type, kind, scope, hash, device_id, device_seq, server_seq, received_at, json) values ('e2', 'e2', 'note', 'create', 'unit:MED', 'h', 'd', 1, 1, 'now', '{}')");
    store.sqlite.exec("insert into feed (entry_id, scope, note) values ('e2', 'unit:MED', 'x')");
    expect(await db.selectFrom('feed').selectAll().execute()).toEqual([expect.objectContaining({ entry_id: 'e2', note: 'x' })]);
    expect(prepare).not.toHaveBeenCalled();
  });

  it('answers a document status from its versions alone that agrees with the projection, flowsheet rows left out', async () => {
    store = await openStore({ dataDir: tempDir() });
    const db = store.db;
    let seq = 0;
    const entry = (id: string, kind: Entry['kind'], parents: string[], body: unknown): Entry => ({
      id, docId: 'form1', docType: 'form', kind, scope: 'unit:MED', parents, body, hash: `h-${id}`, deviceId: 'd', deviceSeq: ++seq,
      author: { userId: 'u', name: 'N', role: 'nurse' }, createdAt: '2026-03-02T08:00:00.000Z',
    });
    const row = { flowsheetRow: { linkId: 'vitals', item: [] } };
    const agree = async () => {
      const status = await docStatusOf(db, 'form1');
      expect(status).toBe(projectDocument(await entriesOfDoc(db, 'form1')).status);
      return status;
    };
    await db.transaction().execute(async (trx) => {
      await insertEntry(trx, entry('a1', 'create', [], { v: 1 }), 'now');
      await insertEntry(trx, entry('a2', 'addendum', ['a1'], row), 'now');
      await insertEntry(trx, entry('a3', 'amend', ['a2'], row), 'now'); // a row corrected: not a version
    });
    expect(await agree()).toBe('ok');
    await db.transaction().execute(async (trx) => {
      await insertEntry(trx, entry('a4', 'amend', ['a1'], { v: 2 }), 'now');
      await insertEntry(trx, entry('a5', 'amend', ['a1'], { v: 3 }), 'now'); // two edits of one version
    });
    expect(await agree()).toBe('conflicted');
    await db.transaction().execute((trx) => insertEntry(trx, entry('a6', 'resolve', ['a4', 'a5'], { v: 4 }), 'now'));
    expect(await agree()).toBe('ok');
  });
});
