// Session tokens, stored only as their SHA-256: the database never holds a usable token.
import type { Kysely } from 'kysely';
import type { ReleveDatabase } from './schema';

export interface TokenRecord {
  userId: string;
  deviceId: string;
  expiresAt: string;
  deviceRevoked: boolean;
  userDisabled: boolean;
}

export async function insertToken(
  db: Kysely<ReleveDatabase>,
  t: { tokenHash: string; userId: string; deviceId: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('tokens')
    .values({
      token_hash: t.tokenHash,
      user_id: t.userId,
      device_id: t.deviceId,
      created_at: t.createdAt.toISOString(),
      expires_at: t.expiresAt.toISOString(),
    })
    .execute();
}

export async function findToken(db: Kysely<ReleveDatabase>, tokenHash: string): Promise<TokenRecord | undefined> {
  const row = await db
    .selectFrom('tokens')
    .innerJoin('devices', 'devices.id', 'tokens.device_id')
    .innerJoin('users', 'users.id', 'tokens.user_id')
    .select(['tokens.user_id', 'tokens.device_id', 'tokens.expires_at', 'devices.revoked_at', 'users.disabled_at'])
    .where('tokens.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  return { userId: row.user_id, deviceId: row.device_id, expiresAt: row.expires_at, deviceRevoked: row.revoked_at != null, userDisabled: row.disabled_at != null };
}

/** Housekeeping: expired tokens are useless; drop them so the table stays small. */
export async function deleteExpiredTokens(db: Kysely<ReleveDatabase>, now: Date): Promise<void> {
  await db.deleteFrom('tokens').where('expires_at', '<=', now.toISOString()).execute();
}

/** Logout: the token stops working at once, wherever a copy of it may be. */
export async function deleteToken(db: Kysely<ReleveDatabase>, tokenHash: string): Promise<void> {
  await db.deleteFrom('tokens').where('token_hash', '=', tokenHash).execute();
}

/**
 * Token refresh: the old token is replaced by a new one that lives `ttlHours` more, but never
 * past `maxHours` after the sign-in that started the session (kept as the new row's created_at).
 * Returns the new expiry, or null when the old token is unknown.
 */
export async function rotateToken(
  db: Kysely<ReleveDatabase>,
  t: { oldHash: string; newHash: string; now: Date; ttlHours: number; maxHours: number },
): Promise<string | null> {
  return db.transaction().execute(async (trx) => {
    const old = await trx.selectFrom('tokens').selectAll().where('token_hash', '=', t.oldHash).executeTakeFirst();
    if (!old) return null;
    const cap = Date.parse(old.created_at) + t.maxHours * 3_600_000;
    const expiresAt = new Date(Math.min(t.now.getTime() + t.ttlHours * 3_600_000, cap)).toISOString();
    await trx.deleteFrom('tokens').where('token_hash', '=', t.oldHash).execute();
    await trx
      .insertInto('tokens')
      .values({ token_hash: t.newHash, user_id: old.user_id, device_id: old.device_id, created_at: old.created_at, expires_at: expiresAt })
      .execute();
    return expiresAt;
  });
}
