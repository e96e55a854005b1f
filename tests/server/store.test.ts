import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/server/store/open-store';
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
});
