// The sync wire format, shared by the client and the server. DESIGN.md, "Sync protocol".
import { z } from 'zod';
import type { Entry, EntryFlag } from './entry';
import type { Role } from './roles';
import type { DocStatus } from './project';

export { MAX_PUSH_ENTRIES, MAX_PUSH_BYTES, ENTRY_TOO_LARGE, MAX_BODY_BYTES, DEFAULT_PULL_LIMIT, pullPath } from './sync-limits';
import { DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT, MAX_PUSH_ENTRIES } from './sync-limits';

export interface HealthResponse {
  ok: true;
  version: string;
  /**
   * Made once when the server's database is created. A different id means the database was
   * replaced (restored from a backup, reinstalled): tablets then re-send what they hold.
   */
  serverId: string;
  /**
   * The newest feed sequence. A tablet whose cursor is beyond it is talking to a database
   * restored from an older backup, which has lost entries it once accepted.
   */
  feedHead: number;
  /** The server's clock, so a tablet can tell when its own is off (see CLOCK_SKEW_WARNING_MS). */
  serverTime?: string;
}

export const loginRequestSchema = z.strictObject({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
  deviceId: z.string().min(1).max(100),
  /** The secret the server gave this tablet at its first sign-in (LoginResponse.deviceKey). */
  deviceKey: z.string().min(1).max(100).optional(),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export interface SessionUser {
  id: string;
  name: string;
  role: Role;
  units: string[];
  /** Only for a provisional account, enrolled offline on a tablet (provisional.ts): who vouched for her. */
  enrolledBy?: { userId: string; name: string };
}

export interface LoginResponse {
  token: string;
  user: SessionUser;
  expiresAt: string;
  /**
   * Given once, when this device id signs in for the first time: the tablet keeps it and sends
   * it with every later sign-in, so no other machine can take over its device id.
   */
  deviceKey?: string;
  /**
   * This tablet's data-key wrapping secret (server/store/device-secret.ts): lets any person
   * signing in online open the tablet's data key and enrol her own password on it.
   */
  deviceSecret: string;
}

/** POST /api/auth/refresh: a fresh token for the same session, never past its bounded life. */
export interface RefreshResponse {
  token: string;
  expiresAt: string;
}

// Entries are checked one by one after the envelope, so one bad entry never sinks the batch.
export const pushRequestSchema = z.strictObject({
  deviceId: z.string().min(1).max(100),
  entries: z.array(z.unknown()).max(MAX_PUSH_ENTRIES, `at most ${MAX_PUSH_ENTRIES} entries per push`),
});
export interface PushRequest {
  deviceId: string;
  entries: Entry[];
}

type PushStatus = 'accepted' | 'duplicate' | 'rejected';

export interface PushResult {
  id: string;
  status: PushStatus;
  serverSeq?: number;
  docStatus?: DocStatus;
  reason?: string;
  /** Accepted, with what a person should look at (see EntryFlag). */
  flags?: EntryFlag[];
}

export interface PushResponse {
  results: PushResult[];
}

export const pullQuerySchema = z.strictObject({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
});

/** The pull request's path, as a tablet sends it. */

export interface PullResponse {
  entries: Entry[];
  /** The cursor to send as `after` next time: the last serverSeq of the feed seen. */
  next: number;
  more: boolean;
  /**
   * When the hospital's information system last sent something about each of the user's wards
   * (HL7v2/FHIR feed): the census is as fresh as that. Absent for wards the HIS never fed.
   */
  hisAsOf?: Record<string, string>;
}

export interface ErrorResponse {
  error: string;
  details?: unknown;
}
