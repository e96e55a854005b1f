// The one write path of the server: a pushed batch (or the seed) becomes log entries.
//
// The whole batch is one write transaction, answered only after it commits, so `accepted`
// means durably on disk (safety rule 1) and later entries may name earlier ones as parents.
// Each entry is judged on its own: a bad entry is rejected with its reason, and even an
// unexpected exception in one entry's checks rejects that entry alone (and is logged), never
// the batch (writeBatch: then each entry is stored inside its own savepoint). Only a full disk or a lost lock fails the whole push,
// because then nothing of it can be trusted to be on disk.
import type { Kysely } from 'kysely';
import type { Entry } from '../../domain/entry';
import type { PushResult } from '../../domain/protocol';
import type { Store } from '../store/open-store';
import type { ReleveDatabase } from '../store/schema';
import { touchDevice } from '../store/devices';
import { docStatusOf, findEntryAndCreate, insertEntry } from '../store/entries';
import { syncSqlOf, type SyncSql } from '../store/dialect';
import { isStorageFull } from '../store/storage-full';
import { recordEnrolment } from '../store/enrolments';
import { ENROLMENT_DOC_TYPE } from '../../domain/provisional';
import { entryVerdict, parseEntry, type ParsedEntry, type Writer } from './check-entry';
import { runWriteChecks, type CheckSwitches } from './entry-checks';
import { patientRecordsOf, type PatientRecords } from './patient-records';

/** Where an unexpected exception in one entry's checks is reported (the request's logger). */
type CheckErrorLog = (err: unknown, entryId: string) => void;

export interface BatchOptions extends CheckSwitches {
  logError?: CheckErrorLog;
}

export interface PreparedBatch {
  writer: Writer;
  parsed: ParsedEntry[];
  /** Outcome of the database-free checks, per entry (null: none found). */
  problems: (string | null)[];
  /** Each entry's row json when its hash check made it (check-entry.ts), else undefined. */
  json: (string | undefined)[];
}

const CHECK_FAILED = 'the server could not check this entry (the error is logged): send it again later or tell IT';

const SAVEPOINT = 'savepoint entry';
const RELEASE = 'release entry';
const ROLLBACK_TO = 'rollback to entry';
const BATCH_SAVEPOINT = 'savepoint batch';
const BATCH_RELEASE = 'release batch';
const BATCH_ROLLBACK_TO = 'rollback to batch';

/** Errors that mean the transaction itself is gone: the whole push fails and is retried. */
function isFatal(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return isStorageFull(err) || code === 'SQLITE_BUSY' || code === 'SQLITE_IOERR' || code === 'SQLITE_CORRUPT';
}

/** The async, database-free part, done before the write lock is taken. */
export async function prepareBatch(raw: readonly unknown[], writer: Writer, opts: BatchOptions = {}): Promise<PreparedBatch> {
  const parsed = raw.map((r, i) => parseEntry(r, i, opts));
  const json: (string | undefined)[] = [];
  const problems = await Promise.all(
    parsed.map(async (p, i) => {
      if (!p.ok) return null;
      try {
        const verdict = await entryVerdict(p.entry, writer, opts);
        if (verdict.problem === null) json[i] = verdict.json;
        return verdict.problem;
      } catch (err) {
        if (opts.off?.has('isolation')) throw err;
        opts.logError?.(err, p.entry.id);
        return CHECK_FAILED;
      }
    }),
  );
  return { writer, parsed, problems, json };
}

/** What a batch reads through: its transaction, as Kysely and as SyncSql, and the patients it names. */
interface BatchReaders {
  trx: Kysely<ReleveDatabase>;
  sql: SyncSql;
  patients: PatientRecords;
}

/** Everything one entry reads and writes goes through `sql`, the transaction's own connection. */
async function judgeAndStore({ trx, sql, patients }: BatchReaders, i: number, e: Entry, batch: PreparedBatch, now: Date, opts: BatchOptions): Promise<PushResult> {
  // Identity before content: a retried push must come back `duplicate`, whatever else changed.
  // The feed's entries carry ids this server drew a moment ago (feed-write.ts), which no stored
  // entry holds; if one did, the primary key would refuse the insert and the message with it.
  // The same read finds the document's create, which placement checks the entry against.
  const found = opts.sealedHere ? undefined : await findEntryAndCreate(sql, e.id, e.docId);
  const known = found?.known;
  if (known) {
    if (known.hash !== e.hash) return { id: e.id, status: 'rejected', reason: 'id reused with different content' };
    if (opts.wholeMessage) return { id: e.id, status: 'duplicate', serverSeq: known.serverSeq };
    return { id: e.id, status: 'duplicate', serverSeq: known.serverSeq, docStatus: await docStatusOf(sql, known.docId) };
  }
  const pre = batch.problems[i];
  if (pre) return { id: e.id, status: 'rejected', reason: pre };
  const docCreate = found && (found.create ?? null);
  const verdict = await runWriteChecks(e, { db: trx, sql, patients, writer: batch.writer, now, docCreate }, opts);
  if ('reject' in verdict) return { id: e.id, status: 'rejected', reason: verdict.reject };
  const serverSeq = await insertEntry(sql, e, now.toISOString(), verdict.flags, batch.json[i]);
  if (e.docType === ENROLMENT_DOC_TYPE && e.kind === 'create') await recordEnrolment(trx, e, now);
  // An accepted create is its document's first entry (placement refuses any other entry before
  // it, and a second create), so the document is its one version: nothing to read back.
  const firstEntry = e.kind === 'create' && !opts.off?.has('placement');
  const result: PushResult = { id: e.id, status: 'accepted', serverSeq };
  if (!opts.wholeMessage) result.docStatus = firstEntry ? 'ok' : await docStatusOf(sql, e.docId);
  if (verdict.flags.length > 0) result.flags = verdict.flags;
  return result;
}

/** One pass over the batch; `isolate`: each entry inside its own savepoint (the careful pass). */
async function storeEach(trx: Kysely<ReleveDatabase>, sql: SyncSql, batch: PreparedBatch, now: Date, opts: BatchOptions, isolate: boolean): Promise<PushResult[]> {
  const results: PushResult[] = [];
  let highestDeviceSeq = 0;
  const readers: BatchReaders = { trx, sql, patients: patientRecordsOf(sql) };
  for (const [i, p] of batch.parsed.entries()) {
    if (!p.ok) {
      results.push({ id: p.id, status: 'rejected', reason: p.reason });
      continue;
    }
    if (isolate) sql.query(SAVEPOINT);
    try {
      const result = await judgeAndStore(readers, i, p.entry, batch, now, opts);
      if (isolate) sql.query(RELEASE);
      if (result.status === 'accepted') {
        highestDeviceSeq = Math.max(highestDeviceSeq, p.entry.deviceSeq);
        readers.patients.written(p.entry.docId);
      }
      results.push(result);
    } catch (err) {
      if (!isolate || isFatal(err)) throw err;
      // Undo whatever this entry half-wrote, keep the others.
      sql.query(ROLLBACK_TO);
      sql.query(RELEASE);
      opts.logError?.(err, p.entry.id);
      results.push({ id: p.entry.id, status: 'rejected', reason: CHECK_FAILED });
    }
  }
  if (!opts.wholeMessage) await touchDevice(sql, batch.writer.deviceId, now, highestDeviceSeq);
  return results;
}

/**
 * Judges and stores a prepared batch inside the caller's write transaction.
 *
 * A savepoint per entry makes SQLite copy every page an entry writes into its statement journal
 * first, which about doubled the cost of a push's inserts (bench/sync-throughput.ts). So the batch
 * is first stored under one savepoint of its own, entries unguarded; the rare exception in one
 * entry undoes that whole pass, and the batch is stored again with a savepoint per entry, where the
 * entry that throws is rejected alone (and logged) as before. A fatal error fails the push either way.
 */
export async function writeBatch(trx: Kysely<ReleveDatabase>, batch: PreparedBatch, now: Date, opts: BatchOptions = {}): Promise<PushResult[]> {
  const sql = await syncSqlOf(trx);
  if (opts.off?.has('isolation') || opts.wholeMessage) return storeEach(trx, sql, batch, now, opts, false);
  sql.query(BATCH_SAVEPOINT);
  try {
    const results = await storeEach(trx, sql, batch, now, opts, false);
    sql.query(BATCH_RELEASE);
    return results;
  } catch (err) {
    if (isFatal(err)) throw err;
    sql.query(BATCH_ROLLBACK_TO);
    sql.query(BATCH_RELEASE);
    return storeEach(trx, sql, batch, now, opts, true);
  }
}

/** What is written with the batch, in its transaction (the push's audit row: one commit, one sync to disk). */
type AlsoWrite = (trx: Kysely<ReleveDatabase>, results: readonly PushResult[]) => Promise<void>;

export async function appendEntries(store: Store, raw: readonly unknown[], writer: Writer, now: Date, opts: BatchOptions = {}, also?: AlsoWrite): Promise<PushResult[]> {
  const batch = await prepareBatch(raw, writer, opts);
  return store.db.transaction().execute(async (trx) => {
    const results = await writeBatch(trx, batch, now, opts);
    await also?.(trx, results);
    return results;
  });
}
