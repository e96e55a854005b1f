// Migration 009: feed and his_journal rebuilt without AUTOINCREMENT, on a real SQLite file holding
// the seeded demo hospital (entries, feed rows, journalled HIS messages). Every row keeps its seq,
// the indexes and the deferred foreign key are back, new rows carry on after the largest seq, and
// an HIS message's commit no longer writes the sqlite_sequence page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Hl7Message } from '@medplum/core';
import { Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterEach, describe, expect, it } from 'vitest';
import { ReleveSqliteDialect } from '../../src/server/store/dialect';
import { MIGRATIONS } from '../../src/server/store/migrations';
import { DB_FILE_NAME, openStore, type Store } from '../../src/server/store/open-store';
import type { ReleveDatabase } from '../../src/server/store/schema';
import { seedDemoHospital } from '../../src/server/seed/seed-demo-hospital';
import { FeedQueue } from '../../src/server/interface/feed-queue';
import { interfaceWriter, MLLP_DEVICE_ID } from '../../src/server/interface/start';
import { readMessage } from '../../src/server/interface/hl7/read-message';
import { readFeed } from '../../src/server/store/feed';
import type { Receipt } from '../../src/server/interface/receive';
import { admit } from './hl7-fixtures';
import { SEED_NOW, tempDir } from './helpers';

let store: Store | undefined;
afterEach(async () => store?.close());

/** The demo hospital seeded on a database migrated only up to 008, as a hospital's file was. */
async function seededAt008(dir: string): Promise<void> {
  const sqlite = new Database(join(dir, DB_FILE_NAME));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<ReleveDatabase>({ dialect: new ReleveSqliteDialect(sqlite) });
  const done = await new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } }).migrateTo('008_leaner_indexes');
  expect(done.error).toBeUndefined();
  const old: Store = { db, sqlite, file: '', serverId: '', close: () => db.destroy() };
  await seedDemoHospital(old, SEED_NOW);
  for (let i = 1; i <= 6; i++) expect((await admitted(old, `P${i}`, `OLD-${i}`)).ack).toBe('AA');
  await db.destroy();
}

/** An A01 for a MED patient, through the feed's queue as the MLLP listener sends it. */
async function admitted(s: Store, ipp: string, controlId: string): Promise<Receipt> {
  const raw = admit({ ipp, birthName: 'APRES', given: 'Migration', birth: '19800101', sex: 'F' }, { ward: 'MED', room: '101' }, { controlId });
  const read = readMessage(Hl7Message.parse(raw), raw.length);
  const queue = new FeedQueue(s, await interfaceWriter(s, MLLP_DEVICE_ID));
  return queue.submit({ controlId: read.controlId, messageType: read.type, source: 'mllp', raw, events: [read.event] });
}

const dump = (sqlite: Database.Database, table: string) => sqlite.prepare(`select * from ${table} order by seq`).all() as { seq: number }[];
/** The two tables' indexes, their SQL without quotes (Kysely quotes names, the rebuild does not). */
const schemaOf = (sqlite: Database.Database) =>
  sqlite.prepare(`select name, replace(sql, '"', '') as sql from sqlite_master where tbl_name in ('feed', 'his_journal') and type = 'index' order by name`).all();

/** Page numbers of the frames in the WAL file. */
function walPages(file: string): number[] {
  const wal = readFileSync(`${file}-wal`);
  const pages: number[] = [];
  for (let at = 32; at + 24 <= wal.length; at += 4096 + 24) pages.push(wal.readUInt32BE(at));
  return pages;
}

describe('migration 009_plain_seqs', () => {
  it('keeps every feed and journal row with its seq, drops AUTOINCREMENT, and a message no longer writes sqlite_sequence', async () => {
    const dir = tempDir();
    await seededAt008(dir);
    const old = new Database(join(dir, DB_FILE_NAME));
    const [feedBefore, journalBefore, indexesBefore] = [dump(old, 'feed'), dump(old, 'his_journal'), schemaOf(old)];
    expect(old.prepare('select name from sqlite_sequence order by name').pluck().all()).toEqual(expect.arrayContaining(['feed', 'his_journal']));
    old.close();
    expect(feedBefore.length).toBeGreaterThan(50);
    expect(journalBefore.length).toBe(6);

    store = await openStore({ dataDir: dir });
    const sqlite = store.sqlite;
    expect(dump(sqlite, 'feed')).toEqual(feedBefore);
    expect(dump(sqlite, 'his_journal')).toEqual(journalBefore);
    expect(schemaOf(sqlite)).toEqual(indexesBefore);
    const tables = sqlite.prepare("select sql from sqlite_master where name in ('feed', 'his_journal')").pluck().all() as string[];
    for (const t of tables) expect(t).not.toMatch(/autoincrement/i);
    expect(sqlite.prepare("select name from sqlite_sequence where name in ('feed', 'his_journal')").all()).toEqual([]);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    // The deferred foreign key is still there: a feed row for no entry is refused at commit.
    expect(() => sqlite.transaction(() => sqlite.prepare("insert into feed (entry_id, scope) values ('nobody', 'unit:MED')").run())()).toThrow(/FOREIGN KEY/);

    // One admission after the migration: its rows follow the largest seqs, a MED nurse's pull reads
    // it, and its commit writes no sqlite_sequence page.
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect((await admitted(store, 'M009', 'M009-1')).ack).toBe('AA');
    const pages = walPages(store.file);
    const sequencePage = sqlite.prepare("select pageno from dbstat where name = 'sqlite_sequence'").pluck().get();
    expect(pages.length).toBeGreaterThan(5);
    expect(pages).not.toContain(sequencePage);

    const lastFeed = feedBefore[feedBefore.length - 1]!.seq;
    const newFeed = dump(sqlite, 'feed').filter((r) => r.seq > lastFeed);
    expect(newFeed.map((r) => r.seq)).toEqual(newFeed.map((_, i) => lastFeed + 1 + i));
    expect(dump(sqlite, 'his_journal').at(-1)).toMatchObject({ seq: journalBefore.at(-1)!.seq + 1, control_id: 'M009-1' });
    const page = await readFeed(store.db, ['unit:MED'], lastFeed, 100);
    expect(page.entries.some((e) => (e.body as { ipp?: string }).ipp === 'M009')).toBe(true);
  });
});
