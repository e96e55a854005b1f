// Sends the outbox. Entries go in deviceSeq order, cut into runs of one author each, because
// the server only takes an entry from its own author's token and a later entry may name an
// earlier one as parent. Nothing is ever deleted here: an accepted entry loses its outbox
// mark, a rejected one is marked rejected and stays on screen.
import type { Entry } from '../../domain/entry';
import type { PushResponse, PushResult } from '../../domain/protocol';
import type { ReleveDb } from '../db/schema';
import { getMeta, setMeta, markSessionExpired, type StoredSession } from '../db/meta';
import { reprojectDoc } from '../db/project-doc';
import { api, HttpError } from './http';

export interface PushSummary {
  sent: number;
  accepted: number;
  rejected: number;
  /** Entries held back because their author must sign in again on this tablet. */
  held: number;
}

const BATCH = 200;

function usable(s: StoredSession | undefined): s is StoredSession {
  return !!s && !s.expired && Date.parse(s.expiresAt) > Date.now();
}

/** Runs of consecutive same-author entries, holding back an author without a session and
 * every later entry of a document they hold back. */
export function planRuns(
  entries: readonly Entry[],
  sessions: Record<string, StoredSession>,
): { runs: { session: StoredSession; entries: Entry[] }[]; held: number } {
  const runs: { session: StoredSession; entries: Entry[] }[] = [];
  const heldDocs = new Set<string>();
  let held = 0;
  for (const e of entries) {
    const session = sessions[e.author.userId];
    // A note on a patient created by someone held back waits too: the server needs the patient first.
    if (!usable(session) || heldDocs.has(e.docId) || (e.patientId !== undefined && heldDocs.has(e.patientId))) {
      heldDocs.add(e.docId);
      held++;
      continue;
    }
    const last = runs[runs.length - 1];
    if (last && last.session.user.id === e.author.userId && last.entries.length < BATCH) last.entries.push(e);
    else runs.push({ session, entries: [e] });
  }
  return { runs, held };
}

/**
 * Statuses that say "this request's content is refused", not "the server is away": the run is
 * halved until the entry the server cannot take is alone, and that entry is set aside as
 * rejected. 503 (busy), 507 (disk full), 429 and 401 are not among them: those are retried whole.
 */
const REFUSED_CONTENT = new Set([400, 413, 415, 422, 500]);

/** Sends a run; a refused run is split so one bad entry cannot hold up the others. */
async function sendRun(token: string, deviceId: string, entries: readonly Entry[]): Promise<PushResult[]> {
  try {
    return (await api<PushResponse>('/api/sync/push', { token, body: { deviceId, entries } })).results;
  } catch (err) {
    if (!(err instanceof HttpError) || !REFUSED_CONTENT.has(err.status)) throw err;
    if (entries.length === 1) {
      const details = typeof err.body?.details === 'string' ? `: ${err.body.details}` : '';
      return [{ id: entries[0]!.id, status: 'rejected', reason: `${err.body?.error ?? `HTTP ${err.status}`}${details}` }];
    }
    const half = entries.length >> 1;
    return [...(await sendRun(token, deviceId, entries.slice(0, half))), ...(await sendRun(token, deviceId, entries.slice(half)))];
  }
}

async function recordResults(db: ReleveDb, results: readonly PushResult[]): Promise<{ accepted: number; rejected: number }> {
  let accepted = 0;
  let rejected = 0;
  const now = new Date().toISOString();
  await db.transaction('rw', [db.entries, db.outbox, db.docs], async () => {
    for (const r of results) {
      if (r.status === 'rejected') {
        rejected++;
        await db.outbox.update(r.id, { state: 'rejected', reason: r.reason ?? 'rejected', lastAttemptAt: now });
      } else {
        accepted++;
        if (r.serverSeq !== undefined) await db.entries.update(r.id, { serverSeq: r.serverSeq, ...(r.flags ? { flags: r.flags } : {}) });
        // A flag is shown on the entry's byline: the document's projection carries it.
        const docId = r.flags ? (await db.entries.get(r.id))?.docId : undefined;
        if (docId) await reprojectDoc(db, docId);
        await db.outbox.delete(r.id);
      }
    }
  });
  return { accepted, rejected };
}

export async function pushOutbox(db: ReleveDb): Promise<PushSummary> {
  const deviceId = await getMeta(db, 'deviceId');
  const pending = await db.outbox.where('state').equals('pending').primaryKeys();
  const summary: PushSummary = { sent: 0, accepted: 0, rejected: 0, held: 0 };
  if (!deviceId || pending.length === 0) return summary;
  const entries = (await db.entries.bulkGet(pending)).filter((e): e is Entry => !!e);
  entries.sort((a, b) => a.deviceSeq - b.deviceSeq);
  const { runs, held } = planRuns(entries, (await getMeta(db, 'sessions')) ?? {});
  summary.held = held;
  const expiredUsers = new Set<string>();
  for (const run of runs) {
    const userId = run.session.user.id;
    if (expiredUsers.has(userId)) {
      summary.held += run.entries.length;
      continue;
    }
    try {
      const results = await sendRun(run.session.token, deviceId, run.entries);
      summary.sent += run.entries.length;
      const counts = await recordResults(db, results);
      summary.accepted += counts.accepted;
      summary.rejected += counts.rejected;
    } catch (err) {
      if (err instanceof HttpError && err.status === 401) {
        if (err.body?.error === 'device_revoked') {
          await setMeta(db, 'deviceRevoked', true);
          throw err;
        }
        await markSessionExpired(db, userId);
        expiredUsers.add(userId);
        summary.held += run.entries.length;
        continue;
      }
      throw err;
    }
  }
  return summary;
}
