// Migration 009 (issue 13): feed.seq and his_journal.seq lose AUTOINCREMENT. Every commit that
// inserted into either table also rewrote sqlite_sequence, one more page written to the WAL and
// synced before an HIS message's ACK (bench/RESULTS.md, "HIS feed": 18 pages for an admission).
//
// Without AUTOINCREMENT a new row takes the largest seq + 1. That differs only after the row with
// the largest seq is deleted, and neither table ever deletes a row: the feed and the journal are
// append-only (safety rule 2), so a seq a tablet has pulled is never given again. A rolled back
// insert gave its seq back before too (sqlite_sequence is rolled back with it).
//
// SQLite cannot drop AUTOINCREMENT in place: each table is rebuilt as its documented procedure
// says (https://www.sqlite.org/lang_altertable.html#otheralter), rows copied with their seqs,
// in one transaction with foreign keys off, then checked. Dropping a table removes its
// sqlite_sequence row. The copy reads and writes every row once: on a hospital's database of a
// million feed rows, a few seconds at the first start of this release.
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

const FEED = `create table feed_new (seq integer primary key, entry_id text not null, scope text not null,
  constraint feed_entry_fk foreign key (entry_id) references entries (id) deferrable initially deferred)`;
const FEED_INDEXES = ['create index feed_scope_seq on feed (scope, seq)', 'create index feed_entry on feed (entry_id)'];

const JOURNAL = `create table his_journal_new (seq integer primary key, control_id text not null unique, source text not null,
  message_type text not null, received_at text not null, raw text not null, status text not null, detail text, ipp text, unit_code text)`;
const JOURNAL_INDEXES = [
  'create index his_journal_unit on his_journal (unit_code, received_at)',
  "create index his_journal_unmapped on his_journal (seq) where status = 'unmapped'",
];

async function rebuild(trx: Kysely<unknown>, table: string, create: string, columns: string, indexes: string[]): Promise<void> {
  const before = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(trx);
  await sql.raw(create).execute(trx);
  await sql.raw(`insert into ${table}_new (${columns}) select ${columns} from ${table} order by seq`).execute(trx);
  await sql.raw(`drop table ${table}`).execute(trx);
  await sql.raw(`alter table ${table}_new rename to ${table}`).execute(trx);
  for (const index of indexes) await sql.raw(index).execute(trx);
  const after = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(trx);
  if (after.rows[0]!.n !== before.rows[0]!.n) throw new Error(`${table} rebuild: ${before.rows[0]!.n} rows before, ${after.rows[0]!.n} after`);
}

export const m009_plain_seqs: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`pragma foreign_keys = off`.execute(db);
    try {
      await db.transaction().execute(async (trx) => {
        await rebuild(trx, 'feed', FEED, 'seq, entry_id, scope', FEED_INDEXES);
        const journalColumns = 'seq, control_id, source, message_type, received_at, raw, status, detail, ipp, unit_code';
        await rebuild(trx, 'his_journal', JOURNAL, journalColumns, JOURNAL_INDEXES);
        const broken = await sql`pragma foreign_key_check`.execute(trx);
        if (broken.rows.length > 0) throw new Error('feed rebuild broke a foreign key');
      });
    } finally {
      await sql`pragma foreign_keys = on`.execute(db);
    }
  },
};
