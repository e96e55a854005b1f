// Sends the outbox. Entries go in deviceSeq order, cut into runs of one author each, because
// the server only takes an entry from its own author's token and a later entry may name an
// earlier one as parent. Nothing is ever deleted here: an accepted entry loses its outbox
// mark, a rejected one is marked rejected and stays on screen.
import type { Entry } from '../../domain/entry';
import type { PushResponse, PushResult } from '../../domain/protocol';
import type { ReleveDb } from '../db/schema';
import { getMeta, setMeta, markSessionExpired, type StoredSession } from '../db/meta';
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
    if (!usable(session) || heldDocs.has(e.docId)) {
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

async function recordResults(db: ReleveDb, results: readonly PushResult[]): Promise<{ accepted: number; rejected: number }> {
  let accepted = 0;
  let rejected = 0;
  const now = new Date().toISOString();
  await db.transaction('rw', [db.entries, db.outbox], async () => {
    for (const r of results) {
      if (r.status === 'rejected') {
        rejected++;
        await db.outbox.update(r.id, { state: 'rejected', reason: r.reason ?? 'rejected', lastAttemptAt: now });
      } else {
        accepted++;
        if (r.serverSeq !== undefined) await db.entries.update(r.id, { serverSeq: r.serverSeq });
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
      const res = await api<PushResponse>('/api/sync/push', {
        token: run.session.token,
        body: { deviceId, entries: run.entries },
      });
      summary.sent += run.entries.length;
      const counts = await recordResults(db, res.results);
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
