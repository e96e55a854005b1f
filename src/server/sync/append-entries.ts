// The one write path of the server: a pushed batch (or the seed) becomes log entries.
//
// The whole batch is one write transaction, answered only after it commits, so `accepted`
// means durably on disk (safety rule 1) and later entries may name earlier ones as parents.
// Each entry is judged on its own: one bad entry never blocks the others.
import type { Kysely } from 'kysely';
import type { Entry } from '../../domain/entry';
import { projectDocument } from '../../domain/project';
import type { PushResult } from '../../domain/protocol';
import type { Store } from '../store/open-store';
import type { ReleveDatabase } from '../store/schema';
import { touchDevice } from '../store/devices';
import { entriesOfDoc, findEntryHash, insertEntry } from '../store/entries';
import { entryProblem, parseEntry, type ParsedEntry, type Writer } from './check-entry';
import { placementProblem } from './check-placement';
import { formProblem } from './check-form';
import { downtimeLinkProblem } from './check-downtime';

export interface PreparedBatch {
  writer: Writer;
  parsed: ParsedEntry[];
  /** Outcome of the database-free checks, per entry (null: none found). */
  problems: (string | null)[];
}

/** The async, database-free part, done before the write lock is taken. */
export async function prepareBatch(raw: readonly unknown[], writer: Writer): Promise<PreparedBatch> {
  const parsed = raw.map(parseEntry);
  const problems = await Promise.all(parsed.map((p) => (p.ok ? entryProblem(p.entry, writer) : null)));
  return { writer, parsed, problems };
}

/** Judges and stores a prepared batch inside the caller's write transaction. */
export async function writeBatch(trx: Kysely<ReleveDatabase>, batch: PreparedBatch, now: Date): Promise<PushResult[]> {
  const receivedAt = now.toISOString();
  const results: PushResult[] = [];
  let highestDeviceSeq = 0;
  for (const [i, p] of batch.parsed.entries()) {
    if (!p.ok) {
      results.push({ id: p.id, status: 'rejected', reason: p.reason });
      continue;
    }
    const e: Entry = p.entry;
    // Identity before content: a retried push must come back `duplicate`, whatever else changed.
    const known = await findEntryHash(trx, e.id);
    if (known) {
      if (known.hash !== e.hash) {
        results.push({ id: e.id, status: 'rejected', reason: 'id reused with different content' });
      } else {
        const docStatus = projectDocument(await entriesOfDoc(trx, known.docId)).status;
        results.push({ id: e.id, status: 'duplicate', serverSeq: known.serverSeq, docStatus });
      }
      continue;
    }
    const problem = batch.problems[i] ?? (await placementProblem(trx, e)) ?? (await downtimeLinkProblem(trx, e)) ?? (await formProblem(trx, e));
    if (problem) {
      results.push({ id: e.id, status: 'rejected', reason: problem });
      continue;
    }
    const serverSeq = await insertEntry(trx, e, receivedAt);
    highestDeviceSeq = Math.max(highestDeviceSeq, e.deviceSeq);
    const docStatus = projectDocument(await entriesOfDoc(trx, e.docId)).status;
    results.push({ id: e.id, status: 'accepted', serverSeq, docStatus });
  }
  await touchDevice(trx, batch.writer.deviceId, now, highestDeviceSeq);
  return results;
}

export async function appendEntries(store: Store, raw: readonly unknown[], writer: Writer, now: Date): Promise<PushResult[]> {
  const batch = await prepareBatch(raw, writer);
  return store.db.transaction().execute((trx) => writeBatch(trx, batch, now));
}
