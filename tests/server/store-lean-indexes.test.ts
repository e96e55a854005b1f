// Migration 008: two indexes no query needed any more are gone (each was one more page written,
// and synced, for every HIS message), and the lookups they served still use an index.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReleveSqliteDialect } from '../../src/server/store/dialect';
import { MIGRATIONS } from '../../src/server/store/migrations';
import { DB_FILE_NAME, openStore, type Store } from '../../src/server/store/open-store';
import { unmappedMessages } from '../../src/server/interface/store/journal';
import { docsOfPatient } from '../../src/server/interface/store/patients';
import { tempDir } from './helpers';

let store: Store | undefined;
afterEach(async () => store?.close());

/** SQLite's plan for each statement `work` prepares, with the parameters it ran with. */
async function plansOf(s: Store, work: () => Promise<unknown>): Promise<string[]> {
  const texts: string[] = [];
  const original = s.sqlite.prepare.bind(s.sqlite);
  const prepare = vi.spyOn(s.sqlite, 'prepare').mockImplementation((text: string) => {
    texts.push(text);
    return original(text);
  });
  try {
    await work();
  } finally {
    prepare.mockRestore();
  }
  return texts.filter((t) => /^\s*select/i.test(t)).map((text) => {
    const count = (text.match(/\?/g) ?? []).length;
    const rows = s.sqlite.prepare(`explain query plan ${text}`).all(...Array<null>(count).fill(null)) as { detail: string }[];
    return rows.map((r) => r.detail).join('; ');
  });
}

async function migratedTo(dir: string, last: string): Promise<void> {
  const sqlite = new Database(join(dir, DB_FILE_NAME));
  const db = new Kysely<unknown>({ dialect: new ReleveSqliteDialect(sqlite) });
  const done = await new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } }).migrateTo(last);
  expect(done.error).toBeUndefined();
  const at = '2026-03-02T08:00:00.000Z';
  const insert = sqlite.prepare("insert into his_journal (control_id, source, message_type, received_at, raw, status) values (?, 'mllp', 'ADT^A01', ?, 'MSH|...', ?)");
  insert.run('K1', at, 'unmapped');
  insert.run('A1', at, 'applied');
  await db.destroy();
}

describe('migration 008_leaner_indexes', () => {
  it('drops entries_patient and his_journal_status, keeps unmapped messages listed, through an index', async () => {
    const dir = tempDir();
    await migratedTo(dir, '007_provisional_accounts');
    store = await openStore({ dataDir: dir });
    const indexes = (store.sqlite.prepare("select name from sqlite_master where type = 'index'").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).not.toContain('entries_patient');
    expect(indexes).not.toContain('his_journal_status');
    expect(indexes).toEqual(expect.arrayContaining(['entries_patient_type', 'his_journal_unmapped']));

    const s = store;
    const [unmappedPlan] = await plansOf(s, async () => expect((await unmappedMessages(s.db)).map((m) => m.controlId)).toEqual(['K1']));
    expect(unmappedPlan).toMatch(/his_journal_unmapped/);
    // Documents hanging off a patient: the prefix of entries_patient_type, not a scan of every entry.
    const [docsPlan] = await plansOf(s, () => docsOfPatient(s.db, 'p1', 'result'));
    expect(docsPlan).toMatch(/USING (COVERING )?INDEX entries_patient_type/);
  });
});
