// A server restored from a backup (the usual end of a ransomware attack) has lost whatever it
// accepted after that backup, and its feed restarts below our cursors. Seeing a new serverId,
// the tablet forgets its cursors and queues again every entry it wrote itself, so the server
// gets back all it lost from this device: known entries come back `duplicate`, harmlessly.
import type { HealthResponse } from '../../domain/protocol';
import type { ReleveDb } from '../db/schema';
import { getMeta, setMeta } from '../db/meta';
import { api } from './http';

export type ServerIdentity = 'same' | 'first-contact' | 'replaced';

export async function checkServerIdentity(db: ReleveDb): Promise<ServerIdentity> {
  const health = await api<HealthResponse>('/api/health');
  // The tablet's clock against the server's: entries carry the tablet's time, so a clock that is
  // off is worth a warning before anyone writes (the status bar shows it past 5 minutes).
  if (health.serverTime) await setMeta(db, 'clockSkewMs', Date.now() - Date.parse(health.serverTime));
  return db.transaction('rw', [db.meta, db.entries, db.outbox], async () => {
    const known = await getMeta(db, 'serverId');
    const cursors = Object.values((await getMeta(db, 'pullCursors')) ?? {});
    const behindUs = cursors.some((c) => c > health.feedHead);
    if (known === health.serverId && !behindUs) return 'same';
    await setMeta(db, 'serverId', health.serverId);
    if (known === undefined && !behindUs) return 'first-contact';
    const deviceId = await getMeta(db, 'deviceId');
    // Every entry written here: one still marked (pending, rejected) is left as it is; one without
    // a mark was acknowledged by the old server (push.ts drops the mark then) and goes again.
    const mine = await db.entries.filter((e) => e.deviceId === deviceId).toArray();
    for (const e of mine) {
      const mark = await db.outbox.get(e.id);
      if (!mark) {
        await db.outbox.add({ entryId: e.id, authorId: e.author.userId, state: 'pending', deviceSeq: e.deviceSeq, reason: null, lastAttemptAt: null });
      }
    }
    await setMeta(db, 'pullCursors', {});
    await setMeta(db, 'serverReplacedAt', new Date().toISOString());
    return 'replaced';
  });
}
