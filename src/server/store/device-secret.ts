// The device-wrapping secret (issue 9). The tablet's data key is wrapped by it, so any person
// signing in ONLINE on that tablet can open the data key and wrap it again with her own password
// and PIN, even when nobody else is signed in there; offline, only people already enrolled on
// the tablet can. The server hands it only to an authenticated sign-in from the bound device,
// and never to a revoked device (login refuses those first). It is not a password: it protects
// a tablet's data against whoever holds the tablet but not the hospital's server.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ReleveDatabase } from './schema';

/** Reads, or makes on first use, the secret of one device. Call inside the login transaction. */
export async function deviceWrapSecret(db: Kysely<ReleveDatabase>, deviceId: string): Promise<string> {
  const row = await db.selectFrom('devices').select('wrap_secret').where('id', '=', deviceId).executeTakeFirst();
  if (row?.wrap_secret) return row.wrap_secret;
  // 32 random bytes: the tablet imports them as an AES-KW 256 key.
  const secret = randomBytes(32).toString('base64url');
  await db.updateTable('devices').set({ wrap_secret: secret }).where('id', '=', deviceId).execute();
  return secret;
}
