// Tablets and PCs, known by the deviceId they made for themselves. A lost or stolen tablet is
// revoked here: its tokens stop working at once.
import type { Kysely } from 'kysely';
import type { ReleveDatabase } from './schema';

export async function touchDevice(db: Kysely<ReleveDatabase>, deviceId: string, now: Date, deviceSeq = 0): Promise<void> {
  const at = now.toISOString();
  await db
    .insertInto('devices')
    .values({ id: deviceId, first_seen: at, last_seen: at, revoked_at: null, last_device_seq: deviceSeq })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        last_seen: at,
        // Two-argument max() is SQLite's scalar max; PostgreSQL will want greatest().
        last_device_seq: eb.fn('max', [eb.ref('devices.last_device_seq'), eb.val(deviceSeq)]),
      })),
    )
    .execute();
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
