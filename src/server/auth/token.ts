// Bearer tokens: 32 random bytes, handed out once, kept only as a SHA-256.
import { createHash, randomBytes } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export const DEFAULT_TOKEN_TTL_HOURS = 168;

/** RELEVE_TOKEN_TTL_HOURS, default one week: long enough to cover an outage without a re-login. */
export function tokenTtlHoursFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.RELEVE_TOKEN_TTL_HOURS;
  if (raw === undefined || raw === '') return DEFAULT_TOKEN_TTL_HOURS;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`RELEVE_TOKEN_TTL_HOURS must be a positive number, got '${raw}'`);
  return n;
}

/** However often a tablet refreshes, a session ends this long after its sign-in: 30 days. */
export const SESSION_MAX_HOURS = 30 * 24;
