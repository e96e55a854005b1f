// Sends the outbox, in the runs batches.ts cuts. Nothing is ever deleted here: an accepted entry
// loses its outbox mark, a rejected one is marked rejected and stays on screen, and so does an
// entry too large for any push (its author sees it "trop volumineuse").
import type { Entry } from '../../domain/entry';
import Dexie from 'dexie';
import type { HealthResponse, PushResponse, PushResult } from '../../domain/protocol';
import { ENTRY_TOO_LARGE, MAX_PUSH_ENTRIES } from '../../domain/sync-limits';
import type { ReleveDb } from '../db/schema';
import { getMeta, setMeta, markSessionExpired } from '../db/meta';
import { reprojectDoc } from '../db/project-doc';
import { dropMarks } from '../db/drop-marks';
import { entriesById } from '../db/entries-by-id';
import { entryBytes, pushBody, runPlanner, type PushPlan } from './batches';
import { api, HttpError, OfflineError } from './http';

export interface PushSummary {
  sent: number;
  accepted: number;
  rejected: number;
  /** Entries held back because their author must sign in again on this tablet. */
  held: number;
}

/**
 * Statuses that say "this request's content is refused", not "the server is away": the run is
 * halved until the entry the server cannot take is alone, and that entry is set aside as
 * rejected. 503 (busy), 507 (disk full), 429 and 401 are not among them: those are retried whole.
 */
const REFUSED_CONTENT = new Set([400, 413, 415, 422, 500]);

/** A single entry past this whose upload is cut while the server answers is taken as too large. */
const LARGE_ENTRY_BYTES = 1024 * 1024;

/**
 * Whether a request that failed on the way was cut by the server rather than lost with the
 * network: a proxy or a server closing on a large body resets the connection, no status comes.
 */
async function serverAnswers(): Promise<boolean> {
  try {
    await api<HealthResponse>('/api/health', { timeoutMs: 10_000 });
    return true;
  } catch {
    return false;
  }
}

function refusal(entry: Entry, err: unknown): PushResult | null {
  if (err instanceof HttpError && err.status === 413) return { id: entry.id, status: 'rejected', reason: ENTRY_TOO_LARGE };
  if (err instanceof HttpError && REFUSED_CONTENT.has(err.status)) {
    const details = typeof err.body?.details === 'string' ? `: ${err.body.details}` : '';
    return { id: entry.id, status: 'rejected', reason: `${err.body?.error ?? `HTTP ${err.status}`}${details}` };
  }
  if (err instanceof OfflineError && entryBytes(entry) > LARGE_ENTRY_BYTES) return { id: entry.id, status: 'rejected', reason: ENTRY_TOO_LARGE };
  return null;
}

/** A run as sent: its entries and their JSON texts (batches.ts), in the same order. */
interface Sending {
  entries: readonly Entry[];
  texts: readonly string[];
}

/** Sends a run; a refused or cut run is halved, so one entry the server cannot take never holds up the others. */
async function sendRun(token: string, deviceId: string, run: Sending): Promise<PushResult[]> {
  try {
    return (await api<PushResponse>('/api/sync/push', { token, json: pushBody(deviceId, run.texts) })).results;
  } catch (err) {
    const refused = err instanceof HttpError && REFUSED_CONTENT.has(err.status);
    if (!refused && !(err instanceof OfflineError && (await serverAnswers()))) throw err;
    const { entries, texts } = run;
    if (entries.length === 1) {
      const result = refusal(entries[0]!, err);
      if (result) return [result];
      throw err;
    }
    const half = entries.length >> 1;
    return [
      ...(await sendRun(token, deviceId, { entries: entries.slice(0, half), texts: texts.slice(0, half) })),
      ...(await sendRun(token, deviceId, { entries: entries.slice(half), texts: texts.slice(half) })),
    ];
  }
}

/**
 * One transaction for the whole answer. An accepted entry is acknowledged by losing its outbox
 * mark; its row is not rewritten with the server's serverSeq (issue 15: rewriting 500 entries took
 * most of a run's time, and nothing on the tablet reads that number for its own entries: a
 * replaced server is told by the marks, server-identity.ts). Only a flag the server raised is
 * written onto the entry, because the byline shows it.
 */
async function recordResults(db: ReleveDb, results: readonly PushResult[]): Promise<{ accepted: number; rejected: number }> {
  const now = new Date().toISOString();
  const rejected = results.filter((r) => r.status === 'rejected');
  const accepted = results.filter((r) => r.status !== 'rejected');
  const flagged = accepted.filter((r) => r.flags && r.flags.length > 0);
  // Without a flag only the outbox is written: the next part's entries are read meanwhile, and a
  // read of the entries table would wait for a transaction that holds it.
  const tables = flagged.length === 0 ? [db.outbox] : [db.entries, db.outbox, db.docs, db.noteSummaries];
  await db.transaction('rw', tables, async () => {
    // Dexie 4.4's bulkUpdate fails on an empty list: each runs only with something to do.
    await Promise.all([
      rejected.length > 0 &&
        db.outbox.bulkUpdate(rejected.map((r) => ({ key: r.id, changes: { state: 'rejected' as const, reason: r.reason ?? 'rejected', lastAttemptAt: now } }))),
      flagged.length > 0 && db.entries.bulkUpdate(flagged.map((r) => ({ key: r.id, changes: { flags: r.flags! } }))),
      dropMarks(db, accepted.map((r) => r.id)),
    ]);
    if (flagged.length === 0) return;
    // A flag is shown on the entry's byline: the document's projection carries it.
    const entries = (await db.entries.bulkGet(flagged.map((r) => r.id))).filter((e) => e !== undefined);
    for (const docId of new Set(entries.map((e) => e.docId))) await reprojectDoc(db, docId);
  });
  return { accepted: accepted.length, rejected: rejected.length };
}

/** Entries no push can carry: marked as such, on the tablet, for their author to see. */
async function setAsideTooLarge(db: ReleveDb, entries: readonly Entry[]): Promise<void> {
  if (entries.length === 0) return;
  const now = new Date().toISOString();
  await db.outbox.bulkUpdate(entries.map((e) => ({ key: e.id, changes: { state: 'rejected' as const, reason: ENTRY_TOO_LARGE, lastAttemptAt: now } })));
}

async function recordRun(db: ReleveDb, results: readonly PushResult[], summary: PushSummary): Promise<void> {
  const counts = await recordResults(db, results);
  summary.accepted += counts.accepted;
  summary.rejected += counts.rejected;
}

/** The pending entries' ids in deviceSeq order, from the outbox's clear index; null while a mark without deviceSeq (older than it) is pending. */
async function pendingInOrder(db: ReleveDb): Promise<string[] | null> {
  const [all, ordered] = await Promise.all([
    db.outbox.where('state').equals('pending').count(),
    db.outbox.where('[state+deviceSeq]').between(['pending', Dexie.minKey], ['pending', Dexie.maxKey]).primaryKeys(),
  ]);
  return ordered.length === all ? ordered : null;
}

const opened = async (db: ReleveDb, ids: readonly string[]): Promise<Entry[]> => (await entriesById(db, ids)).filter((e): e is Entry => !!e);

/**
 * The pending entries in deviceSeq order, a run's worth at a time: the first run is sent after
 * opening 500 entries, not the whole outbox, and the next part is opened while a run is on the
 * wire. Marks older than the index: the whole outbox, opened and sorted, as one part.
 */
async function* pendingParts(db: ReleveDb): AsyncGenerator<Entry[]> {
  const ids = await pendingInOrder(db);
  if (!ids) {
    const entries = await opened(db, await db.outbox.where('state').equals('pending').primaryKeys());
    yield entries.sort((a, b) => a.deviceSeq - b.deviceSeq);
    return;
  }
  let next = opened(db, ids.slice(0, MAX_PUSH_ENTRIES));
  for (let i = 0; i < ids.length; i += MAX_PUSH_ENTRIES) {
    const part = await next;
    next = opened(db, ids.slice(i + MAX_PUSH_ENTRIES, i + 2 * MAX_PUSH_ENTRIES));
    // Awaited at the next turn; a push that stops before (an error) must not leave it unhandled.
    next.catch(() => undefined);
    yield part;
  }
}

interface PushState {
  db: ReleveDb;
  deviceId: string;
  summary: PushSummary;
  expiredUsers: Set<string>;
  /** The last answer being written while the next run is on the wire. */
  recording: Promise<void>;
}

/** Sends a part's runs one after the other; an author whose session expired is held, not sent. */
async function sendRuns(state: PushState, runs: PushPlan['runs']): Promise<void> {
  const { db, summary, expiredUsers } = state;
  for (const run of runs) {
    const userId = run.session.user.id;
    if (expiredUsers.has(userId)) {
      summary.held += run.entries.length;
      continue;
    }
    try {
      const results = await sendRun(run.session.token, state.deviceId, run);
      summary.sent += run.entries.length;
      await state.recording;
      state.recording = recordRun(db, results, summary);
      // Awaited before the next run or on the way out; this only keeps the browser from
      // reporting a failure as unhandled in between.
      state.recording.catch(() => undefined);
    } catch (err) {
      if (!(err instanceof HttpError && err.status === 401)) throw err;
      if (err.body?.error === 'device_revoked') {
        await setMeta(db, 'deviceRevoked', true);
        throw err;
      }
      await markSessionExpired(db, userId);
      expiredUsers.add(userId);
      summary.held += run.entries.length;
    }
  }
}

export async function pushOutbox(db: ReleveDb): Promise<PushSummary> {
  const deviceId = await getMeta(db, 'deviceId');
  const summary: PushSummary = { sent: 0, accepted: 0, rejected: 0, held: 0 };
  if (!deviceId) return summary;
  const planner = runPlanner((await getMeta(db, 'sessions')) ?? {});
  // One answer is written while the next run is on the wire, so the tablet's writes and the
  // server's overlap; runs are still sent one after the other, in deviceSeq order.
  const state: PushState = { db, deviceId, summary, expiredUsers: new Set(), recording: Promise.resolve() };
  try {
    for await (const part of pendingParts(db)) {
      const { runs, held, tooLarge } = planner.plan(part);
      summary.held += held;
      await setAsideTooLarge(db, tooLarge);
      summary.rejected += tooLarge.length;
      await sendRuns(state, runs);
    }
  } catch (err) {
    // The last answer is still written, but the send's error is the one to report: a failure of
    // that write must not replace it (its entries stay in the outbox and are sent again).
    await state.recording.catch(() => undefined);
    throw err;
  }
  await state.recording;
  return summary;
}
