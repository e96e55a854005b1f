// A device id is made by the tablet itself, so nothing stops another machine from claiming it.
// The first sign-in under a device id gets a secret back; every later sign-in under that id,
// whoever signs in (tablets are shared), must present it.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ReleveDatabase } from './schema';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest();

export type DeviceClaim = { ok: true; newKey?: string } | { ok: false };

/**
 * Checks (or makes) the binding of a device id. A device seen before this rule existed has no
 * key yet: its next sign-in binds it. Call inside the login transaction.
 */
export async function claimDevice(db: Kysely<ReleveDatabase>, deviceId: string, presentedKey: string | undefined, userId: string): Promise<DeviceClaim> {
  const row = await db.selectFrom('devices').select(['key_hash']).where('id', '=', deviceId).executeTakeFirst();
  if (row?.key_hash) {
    if (!presentedKey) return { ok: false };
    const expected = Buffer.from(row.key_hash, 'hex');
    const given = sha256(presentedKey);
    return given.length === expected.length && timingSafeEqual(given, expected) ? { ok: true } : { ok: false };
  }
  const newKey = randomBytes(24).toString('base64url');
  await db.updateTable('devices').set({ key_hash: sha256(newKey).toString('hex'), first_user_id: userId }).where('id', '=', deviceId).execute();
  return { ok: true, newKey };
}
