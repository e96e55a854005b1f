// Small device-level facts kept next to the data they describe, so one transaction can move
// them together (e.g. the pull cursor commits with the entries it covers).
import type { SessionUser } from '../../domain/protocol';
import { newId } from '../../domain/ids';
import type { ReleveDb } from './schema';
import { writerId } from './writer';

export interface StoredSession {
  token: string;
  user: SessionUser;
  expiresAt: string;
  /** Set when the server refused the token: the person must sign in again to send their entries. */
  expired?: boolean;
  /** When the token was last issued or refreshed (sync/refresh.ts refreshes it about daily). */
  refreshedAt?: string;
  /**
   * She signed out: the token is revoked on the server (POST /api/auth/logout) as soon as her
   * entries are sent, then forgotten. Signing in again here before that takes it back.
   */
  signedOut?: boolean;
}

export interface MetaValues {
  deviceId: string;
  /** The secret the server gave this device id at its first sign-in; sent with every sign-in. */
  deviceKey: string;
  /** Tablet clock minus server clock, in ms, at the last health check. */
  clockSkewMs: number;
  deviceSeq: number;
  /** Last temporary IPP number this tablet gave (TMP-<short id>-0001, -0002 ...): never reused. */
  temporaryIppSeq: number;
  /** Feed cursor per set of scopes: a second person with other wards starts from zero. */
  pullCursors: Record<string, number>;
  /** Every person who signed in on this shared tablet, by user id: each pushes their own entries. */
  sessions: Record<string, StoredSession>;
  /** Who signed in last, kept after they sign out: the next sign-in may be someone else. */
  lastUserId: string | null;
  lastSyncAt: string | null;
  lastPullAt: string | null;
  /** Per ward, when the hospital's information system last sent something about it (PullResponse.hisAsOf). */
  hisAsOf: Record<string, string>;
  lastSyncError: string | null;
  deviceRevoked: boolean;
  lang: 'fr' | 'en';
  lastUnit: string | null;
  /** The server database this tablet last synced with (HealthResponse.serverId). */
  serverId: string;
  /** When the tablet found the server's database replaced and queued its own entries again. */
  serverReplacedAt: string | null;
  /** When the ward board's note summaries and patients' wards were built (the version before board lines). */
  boardIndexBuilt: string;
  /** When the ward board's lines (note-summary.ts) and patients' wards were built. */
  boardLinesBuilt: string;
}

export type MetaKey = keyof MetaValues;

export async function getMeta<K extends MetaKey>(db: ReleveDb, key: K): Promise<MetaValues[K] | undefined> {
  const row = await db.meta.get(key);
  return row?.value as MetaValues[K] | undefined;
}

export async function setMeta<K extends MetaKey>(db: ReleveDb, key: K, value: MetaValues[K]): Promise<void> {
  await db.meta.put({ key, value });
}

/**
 * The device id and its sequence in ONE request (a save reads both inside its transaction, where
 * every request costs an IndexedDB round trip): their keys sort together, with only clear device
 * facts between them (deviceKey, deviceRevoked).
 */
export async function getDeviceCounter(db: ReleveDb): Promise<{ deviceId?: string; deviceSeq?: number }> {
  const rows = await db.meta.where('key').between('deviceId', 'deviceSeq', true, true).toArray();
  const value = (key: MetaKey) => rows.find((r) => r.key === key)?.value;
  return { deviceId: value('deviceId') as string | undefined, deviceSeq: value('deviceSeq') as number | undefined };
}

/** The device id is made once, on first use, and never changes: it scopes deviceSeq. */
export async function ensureDeviceId(db: ReleveDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const existing = await getMeta(db, 'deviceId');
    if (existing) return existing;
    const id = newId();
    await setMeta(db, 'deviceId', id);
    return id;
  });
}

export async function currentSession(db: ReleveDb): Promise<StoredSession | null> {
  const userId = await writerId(db);
  if (!userId) return null;
  const sessions = (await getMeta(db, 'sessions')) ?? {};
  return sessions[userId] ?? null;
}

/** The server refused this person's token: keep it, flagged, until they sign in again. */
export async function markSessionExpired(db: ReleveDb, userId: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const sessions = (await getMeta(db, 'sessions')) ?? {};
    const s = sessions[userId];
    if (s) await setMeta(db, 'sessions', { ...sessions, [userId]: { ...s, expired: true } });
  });
}
