// The entry log. Rows are only ever inserted: nothing clinical is updated or deleted (safety rule 2).
import type { Kysely } from 'kysely';
import type { Entry, EntryFlag } from '../../domain/entry';
import type { EntryRow, ReleveDatabase } from './schema';

type Db = Kysely<ReleveDatabase>;

/** The entry a client sent, without what the server adds. */
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
 * Appends one entry and its first feed row, in the caller's transaction. The serverSeq is the
 * feed seq, so the cursor a client pulls with and the seq push answers are the same numbers.
 */
export async function insertEntry(db: Db, e: Entry, receivedAt: string, flags: readonly EntryFlag[] = []): Promise<number> {
  const { seq } = await db
    .insertInto('feed')
    .values({ entry_id: e.id, scope: e.scope })
    .returning('seq')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('entries')
    .values({
      id: e.id,
      doc_id: e.docId,
      doc_type: e.docType,
      kind: e.kind,
      scope: e.scope,
      patient_id: e.patientId ?? null,
      hash: e.hash,
      device_id: e.deviceId,
      device_seq: e.deviceSeq,
      server_seq: seq,
      received_at: receivedAt,
      flags: flags.length > 0 ? JSON.stringify(flags) : null,
      json: storedJson(e),
    })
    .execute();
  return seq;
}

export async function findEntryHash(
  db: Db,
  id: string,
): Promise<{ hash: string; serverSeq: number; docId: string } | undefined> {
  const row = await db.selectFrom('entries').select(['hash', 'server_seq', 'doc_id']).where('id', '=', id).executeTakeFirst();
  return row && { hash: row.hash, serverSeq: row.server_seq, docId: row.doc_id };
}

/** docId of each known id; unknown ids are simply absent from the map. */
export async function docsOfEntries(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('entries').select(['id', 'doc_id']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.doc_id]));
}

export interface DocIdentity {
  docType: string;
  scope: string;
  patientId: string | null;
}

/** What the document's create said it is; undefined when the document has no create yet. */
export async function findDocCreate(db: Db, docId: string): Promise<DocIdentity | undefined> {
  const row = await db
    .selectFrom('entries')
    .select(['doc_type', 'scope', 'patient_id'])
    .where('doc_id', '=', docId)
    .where('kind', '=', 'create')
    .executeTakeFirst();
  return row && { docType: row.doc_type, scope: row.scope, patientId: row.patient_id };
}

export async function entriesOfDoc(db: Db, docId: string): Promise<Entry[]> {
  const rows = await db
    .selectFrom('entries')
    .select(['json', 'server_seq', 'received_at', 'flags'])
    .where('doc_id', '=', docId)
    .orderBy('server_seq')
    .execute();
  return rows.map(rowToEntry);
}

/** Every entry of some scopes, in server order: what the recovery export reads. */
export async function entriesInScopes(db: Db, scopes: readonly string[]): Promise<Entry[]> {
  if (scopes.length === 0) return [];
  const rows = await db.selectFrom('entries').select(['json', 'server_seq', 'received_at', 'flags']).where('scope', 'in', scopes).orderBy('server_seq').execute();
  return rows.map(rowToEntry);
}
