// The sync state every screen shows (DESIGN.md, safety rule 4): reachability, last success,
// what waits, what was refused, what is in conflict, and how old the census is.
import { useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useLockAwareLiveQuery } from './lock-aware-live-query';
import { CLOCK_SKEW_WARNING_MS } from '../../domain/identity-rules';
import { db, type ReleveDb } from '../db/schema';
import { getMeta } from '../db/meta';
import { getLiveState, subscribeLiveState } from '../sync/live-state';
import { requestSync } from '../sync/request';

export interface SyncStatus {
  online: boolean | null;
  syncing: boolean;
  lastSyncAt: string | null;
  lastError: string | null;
  pending: number;
  rejected: number;
  conflicts: number;
  /** Names of people whose entries wait until they sign in again on this tablet. */
  waitingForSignIn: string[];
  /** Whose entries wait, by name: the sync page names each person, never "someone". */
  pendingByAuthor: { name: string; count: number; blocked: boolean }[];
  censusAsOf: string | null;
  /** Per ward, the last message from the hospital's information system. */
  hisAsOf: Record<string, string>;
  deviceRevoked: boolean;
  /** Minutes the tablet's clock is ahead (+) or behind (−) the server's, when past the warning threshold. */
  clockOffMinutes: number | null;
}

type StoredStatus = Omit<SyncStatus, 'online' | 'syncing'>;

export async function loadStoredStatus(d: ReleveDb): Promise<StoredStatus> {
  const [pendingRows, rejected, conflicts, sessions, lastSyncAt, lastError, lastPullAt, revoked, skew] = await Promise.all([
    d.outbox.where('state').equals('pending').toArray(),
    d.outbox.where('state').equals('rejected').count(),
    d.docs.where('status').equals('conflicted').count(),
    getMeta(d, 'sessions'),
    getMeta(d, 'lastSyncAt'),
    getMeta(d, 'lastSyncError'),
    getMeta(d, 'lastPullAt'),
    getMeta(d, 'deviceRevoked'),
    getMeta(d, 'clockSkewMs'),
  ]);
  const hisAsOf = (await getMeta(d, 'hisAsOf')) ?? {};
  const waiting = new Set<string>();
  const byAuthor = new Map<string, { name: string; count: number; blocked: boolean }>();
  for (const row of pendingRows) {
    const s = sessions?.[row.authorId];
    const blocked = !s || !!s.expired || Date.parse(s.expiresAt) <= Date.now();
    const known = byAuthor.get(row.authorId);
    if (known) known.count++;
    const e = known && !blocked ? null : await d.entries.get(row.entryId);
    if (!known) byAuthor.set(row.authorId, { name: e?.author.name ?? s?.user.name ?? row.authorId, count: 1, blocked });
    if (blocked && e) waiting.add(e.author.name);
  }
  return {
    lastSyncAt: lastSyncAt ?? null,
    lastError: lastError ?? null,
    pending: pendingRows.length,
    rejected,
    conflicts,
    waitingForSignIn: [...waiting].sort(),
    pendingByAuthor: [...byAuthor.values()].sort((a, b) => a.name.localeCompare(b.name)),
    censusAsOf: lastPullAt ?? null,
    hisAsOf,
    deviceRevoked: revoked ?? false,
    clockOffMinutes: clockOffMinutes(skew),
  };
}

/** The skew to warn about, in whole minutes, or null when the clocks agree closely enough. */
export function clockOffMinutes(skewMs: number | undefined): number | null {
  if (skewMs === undefined || !Number.isFinite(skewMs) || Math.abs(skewMs) <= CLOCK_SKEW_WARNING_MS) return null;
  return Math.round(skewMs / 60_000);
}

const EMPTY: StoredStatus = {
  lastSyncAt: null, lastError: null, pending: 0, rejected: 0, conflicts: 0,
  waitingForSignIn: [], pendingByAuthor: [], censusAsOf: null, hisAsOf: {}, deviceRevoked: false, clockOffMinutes: null,
};

export function useSyncStatus(): SyncStatus {
  const live = useSyncExternalStore(subscribeLiveState, getLiveState);
  const stored = useLockAwareLiveQuery(() => loadStoredStatus(db()), []) ?? EMPTY;
  return { ...stored, online: live.online, syncing: live.syncing };
}

export function syncNow(): void {
  requestSync(db());
}

export interface RejectedEntryView {
  entryId: string;
  docType: string;
  kind: string;
  reason: string;
  createdAt: string;
  patientId?: string;
}

export function useRejected(): RejectedEntryView[] | undefined {
  return useLiveQuery(async () => {
    const d = db();
    const rows = await d.outbox.where('state').equals('rejected').toArray();
    const out: RejectedEntryView[] = [];
    for (const r of rows) {
      const e = await d.entries.get(r.entryId);
      if (!e) continue;
      out.push({
        entryId: e.id, docType: e.docType, kind: e.kind, reason: r.reason ?? '', createdAt: e.createdAt,
        ...(e.patientId ? { patientId: e.patientId } : {}),
      });
    }
    return out.sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
  }, []);
}
