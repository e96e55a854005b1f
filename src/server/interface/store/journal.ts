// The journal: every message from the HIS, raw, with its control id and arrival time, written in
// the same transaction as what it changed, and committed before the ACK leaves.
import { sql, type Kysely } from 'kysely';
import { rows, type Reader } from '../../store/entries';
import type { ReleveDatabase } from '../../store/schema';

type Db = Kysely<ReleveDatabase>;

export interface JournalRecord {
  controlId: string;
  source: 'mllp' | 'fhir' | 'file';
  messageType: string;
  receivedAt: string;
  raw: string;
  status: 'applied' | 'superseded' | 'unmapped' | 'unchanged';
  detail?: string;
  ipp?: string;
  unitCode?: string;
}

// Every message runs these two: written once as SQL, kept prepared (see store/entries.ts, rows).
const JOURNALLED = 'select 1 from his_journal where control_id = ?';
const INSERT_JOURNAL = `insert into his_journal (control_id, source, message_type, received_at, raw, status, detail, ipp, unit_code)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export async function isJournalled(db: Reader, controlId: string): Promise<boolean> {
  return (await rows(db, JOURNALLED, [controlId])).length > 0;
}

export async function journal(db: Reader, r: JournalRecord): Promise<void> {
  await rows(db, INSERT_JOURNAL, [r.controlId, r.source, r.messageType, r.receivedAt, r.raw, r.status, r.detail ?? null, r.ipp ?? null, r.unitCode ?? null]);
}

/** When the HIS last told Relève something about each of these wards. */
export async function lastMessageAt(db: Db, units: readonly string[]): Promise<Record<string, string>> {
  if (units.length === 0) return {};
  const rows = await db
    .selectFrom('his_journal')
    .select(['unit_code', (eb) => eb.fn.max('received_at').as('at')])
    .where('unit_code', 'in', units)
    .groupBy('unit_code')
    .execute();
  return Object.fromEntries(rows.filter((r) => r.unit_code && r.at).map((r) => [r.unit_code!, String(r.at)]));
}

export interface UnmappedMessage {
  seq: number;
  controlId: string;
  messageType: string;
  receivedAt: string;
  detail: string | null;
  ipp: string | null;
  source: JournalRecord['source'];
  raw: string;
}

/** Messages kept because their ward is not in the table: an admin maps the ward and replays them. */
export async function unmappedMessages(db: Db, limit = 200): Promise<UnmappedMessage[]> {
  const rows = await db
    .selectFrom('his_journal')
    .select(['seq', 'control_id', 'message_type', 'received_at', 'detail', 'ipp', 'source', 'raw'])
    // Written in the text, not bound: only then can SQLite use the partial index his_journal_unmapped.
    .where(sql<boolean>`status = 'unmapped'`)
    // A kept message replayed since (replay.ts) is done: its replay row names it.
    .where(sql<boolean>`not exists (select 1 from his_journal r where r.control_id = 'replay:' || his_journal.seq)`)
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ seq: r.seq, controlId: r.control_id, messageType: r.message_type, receivedAt: r.received_at, detail: r.detail, ipp: r.ipp, source: r.source as JournalRecord['source'], raw: r.raw }));
}
