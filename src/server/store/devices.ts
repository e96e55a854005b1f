// Tablets and PCs, known by the deviceId they made for themselves. A lost or stolen tablet is
// revoked here: its tokens stop working at once.
import type { Kysely } from 'kysely';
import { rows, type Reader } from './entries';
import type { ReleveDatabase } from './schema';

// Every push and every HIS message runs it: written once as SQL, kept prepared (entries.ts, rows).
// Two-argument max() is SQLite's scalar max; PostgreSQL will want greatest().
const TOUCH_DEVICE = `insert into devices (id, first_seen, last_seen, revoked_at, last_device_seq) values (?, ?, ?, null, ?)
  on conflict (id) do update set last_seen = excluded.last_seen, last_device_seq = max(devices.last_device_seq, excluded.last_device_seq)`;

export async function touchDevice(db: Reader, deviceId: string, now: Date, deviceSeq = 0): Promise<void> {
  const at = now.toISOString();
  await rows(db, TOUCH_DEVICE, [deviceId, at, at, deviceSeq]);
}

export async function isDeviceRevoked(db: Kysely<ReleveDatabase>, deviceId: string): Promise<boolean> {
  const row = await db.selectFrom('devices').select('revoked_at').where('id', '=', deviceId).executeTakeFirst();
  return row?.revoked_at != null;
}

/** Returns false when no such device was ever seen. */
export async function revokeDevice(db: Kysely<ReleveDatabase>, deviceId: string, now: Date): Promise<boolean> {
  const res = await db
    .updateTable('devices')
    // Its data-key wrapping secret goes too: the tablet can never be opened online again.
    .set({ revoked_at: now.toISOString(), wrap_secret: null })
    .where('id', '=', deviceId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) > 0) return true;
  return (await db.selectFrom('devices').select('id').where('id', '=', deviceId).executeTakeFirst()) !== undefined;
}
