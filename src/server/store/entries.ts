// The entry log. Rows are only ever inserted: nothing clinical is updated or deleted (safety rule 2).
import { CompiledQuery, type Kysely } from 'kysely';
import type { Entry, EntryFlag } from '../../domain/entry';
import { headsOf, statusOfHeads, type DocStatus } from '../../domain/project';
import type { EntryRow, ReleveDatabase } from './schema';
import { SyncSql } from './dialect';

type Db = Kysely<ReleveDatabase>;
/** Where the fixed statements below run: through Kysely, or synchronously inside a push's transaction. */
export type Reader = Db | SyncSql;

/** The entry a client sent, without what the server adds: a row's json. */
function storedJson(e: Entry): string {
  const { serverSeq: _s, receivedAt: _r, flags: _f, ...rest } = e;
  return JSON.stringify(rest);
}

export function rowToEntry(row: Pick<EntryRow, 'json' | 'server_seq' | 'received_at' | 'flags'>): Entry {
  const e: Entry = { ...(JSON.parse(row.json) as Entry), serverSeq: row.server_seq, receivedAt: row.received_at };
  if (row.flags) e.flags = JSON.parse(row.flags) as EntryFlag[];
  return e;
}

/**
 * The push path's statements, written once as SQL rather than built by Kysely on every call:
 * a push runs about ten of them per entry, and building and compiling them cost more than
 * running them (the dialect keeps each prepared statement). They still run through Kysely, on
 * the caller's connection and inside its transaction, or on its SyncSql (dialect.ts).
 */
export async function rows<R>(db: Reader, text: string, params: readonly unknown[]): Promise<R[]> {
  if (db instanceof SyncSql) return db.query<R>(text, params);
  return (await db.executeQuery<R>(CompiledQuery.raw(text, [...params]))).rows;
}

const INSERT_FEED = 'insert into feed (entry_id, scope) values (?, ?)';
const INSERT_ENTRY = `insert into entries (id, doc_id, doc_type, kind, scope, patient_id, hash, device_id, device_seq,
  server_seq, received_at, flags, json) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

async function insertedRowid(db: Reader, text: string, params: readonly unknown[]): Promise<number> {
  if (db instanceof SyncSql) return db.insert(text, params);
  return Number((await db.executeQuery(CompiledQuery.raw(text, [...params]))).insertId);
}

/**
 * Appends one entry and its first feed row, in the caller's transaction. The serverSeq is the
 * feed seq, so the cursor a client pulls with and the seq push answers are the same numbers.
 * `json`: the row's json when the caller already has it (append-entries.ts: the hashed text).
 */
export async function insertEntry(db: Reader, e: Entry, receivedAt: string, flags: readonly EntryFlag[] = [], json = storedJson(e)): Promise<number> {
  const seq = await insertedRowid(db, INSERT_FEED, [e.id, e.scope]);
  await rows(db, INSERT_ENTRY, [
    e.id, e.docId, e.docType, e.kind, e.scope, e.patientId ?? null, e.hash, e.deviceId, e.deviceSeq,
    seq, receivedAt, flags.length > 0 ? JSON.stringify(flags) : null, json,
  ]);
  return seq;
}

export interface StoredHash {
  hash: string;
  serverSeq: number;
  docId: string;
}

/**
 * In one read, what a pushed entry meets first: the entry already stored under its id (a retried
 * push), and its document's create (what placement checks it against).
 */
export async function findEntryAndCreate(db: Reader, id: string, docId: string): Promise<{ known?: StoredHash; create?: DocIdentity }> {
  const sqlText = `select k.hash, k.server_seq, k.doc_id, c.doc_type, c.scope, c.patient_id from (select 1)
    left join entries k on k.id = ? left join entries c on c.doc_id = ? and c.kind = 'create' limit 1`;
  type Row = { hash: string | null; server_seq: number; doc_id: string; doc_type: string | null; scope: string; patient_id: string | null };
  const [row] = await rows<Row>(db, sqlText, [id, docId]);
  return {
    known: row?.hash == null ? undefined : { hash: row.hash, serverSeq: row.server_seq, docId: row.doc_id },
    create: row?.doc_type == null ? undefined : { docType: row.doc_type, scope: row.scope, patientId: row.patient_id },
  };
}

/** docId of each known id; unknown ids are simply absent from the map. */
export async function docsOfEntries(db: Reader, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const found = await rows<{ id: string; doc_id: string }>(db, `select id, doc_id from entries where id in (${ids.map(() => '?').join(', ')})`, ids);
  return new Map(found.map((r) => [r.id, r.doc_id]));
}

/** Whether the document has an entry of this kind (a retract, say). */
/** Whether a version (create, amend, resolve) of the document was ever written in this scope. */
export async function docHadVersionIn(db: Reader, docId: string, scope: string): Promise<boolean> {
  const sqlText = "select 1 from entries where doc_id = ? and kind in ('create', 'amend', 'resolve') and scope = ? limit 1";
  return (await rows(db, sqlText, [docId, scope])).length > 0;
}

/**
 * What a clinical entry's patientId names, in one read: the document's create (its type and the
 * scope it was made in) and where the record stands now: the scope and status of its latest
 * version (server order), and whether it was retracted. What the entry is checked and flagged by.
 */
export interface PatientRecord {
  docType: string;
  scope: string;
  nowScope: string;
  status: string | null;
  retracted: boolean;
}

export async function patientRecord(db: Reader, patientId: string): Promise<PatientRecord | undefined> {
  const sqlText = `select c.doc_type, c.scope, v.scope as now_scope, json_extract(v.json, '$.body.status') as status,
    exists(select 1 from entries r where r.doc_id = c.doc_id and r.kind = 'retract') as retracted
    from entries c join entries v on v.id = (select id from entries where doc_id = c.doc_id
      and kind in ('create', 'amend', 'resolve') order by server_seq desc limit 1)
    where c.doc_id = ? and c.kind = 'create' limit 1`;
  type Row = { doc_type: string; scope: string; now_scope: string; status: string | null; retracted: number };
  const [row] = await rows<Row>(db, sqlText, [patientId]);
  return row && { docType: row.doc_type, scope: row.scope, nowScope: row.now_scope, status: row.status, retracted: row.retracted === 1 };
}

/**
 * Whether the document has one current version or several (conflicted), from its versions'
 * ids and parents alone: what a push answers, without projecting the whole document.
 */
export async function docStatusOf(db: Reader, docId: string): Promise<DocStatus> {
  // Most documents have one version (a note and its addenda): counted on the index alone, without
  // reading a row's json. One version, or none, is one head at most.
  const [count] = await rows<{ n: number }>(db, "select count(*) as n from entries where doc_id = ? and kind in ('create', 'amend', 'resolve')", [docId]);
  if (count!.n <= 1) return 'ok';
  // Flowsheet rows (and their amends) are not versions of the document (domain/project.ts).
  const sqlText = `select id, json_extract(json, '$.parents') as parents from entries where doc_id = ?
    and kind in ('create', 'amend', 'resolve') and json_type(json, '$.body.flowsheetRow') is null`;
  const versions = await rows<{ id: string; parents: string }>(db, sqlText, [docId]);
  return statusOfHeads(headsOf(versions.map((v) => ({ id: v.id, parents: JSON.parse(v.parents) as string[] }))));
}

export interface DocIdentity {
  docType: string;
  scope: string;
  patientId: string | null;
}

/** What the document's create said it is; undefined when the document has no create yet. */
export async function findDocCreate(db: Reader, docId: string): Promise<DocIdentity | undefined> {
  const sqlText = "select doc_type, scope, patient_id from entries where doc_id = ? and kind = 'create' limit 1";
  const [row] = await rows<{ doc_type: string; scope: string; patient_id: string | null }>(db, sqlText, [docId]);
  return row && { docType: row.doc_type, scope: row.scope, patientId: row.patient_id };
}

export async function entriesOfDoc(db: Reader, docId: string): Promise<Entry[]> {
  const sqlText = 'select json, server_seq, received_at, flags from entries where doc_id = ? order by server_seq';
  return (await rows<Pick<EntryRow, 'json' | 'server_seq' | 'received_at' | 'flags'>>(db, sqlText, [docId])).map(rowToEntry);
}

/** Every entry of some scopes, in server order: what the recovery export reads. */
export async function entriesInScopes(db: Db, scopes: readonly string[]): Promise<Entry[]> {
  if (scopes.length === 0) return [];
  const rows = await db.selectFrom('entries').select(['json', 'server_seq', 'received_at', 'flags']).where('scope', 'in', scopes).orderBy('server_seq').execute();
  return rows.map(rowToEntry);
}
