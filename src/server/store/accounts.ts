// What IT changes on accounts from the CLI: disable, enable, a new password, the wards. Every
// change is written to the audit log in the same transaction.
import type { Kysely } from 'kysely';
import { audit } from './audit';
import type { ReleveDatabase } from './schema';

type Db = Kysely<ReleveDatabase>;

export interface AccountRow {
  id: string;
  username: string;
  name: string;
  role: string;
  units: string[];
  disabledAt: string | null;
  createdAt: string;
}

export async function listAccounts(db: Db): Promise<AccountRow[]> {
  const users = await db.selectFrom('users').select(['id', 'username', 'name', 'role', 'disabled_at', 'created_at']).orderBy('username').execute();
  const units = await db.selectFrom('user_units').select(['user_id', 'unit_code']).orderBy('unit_code').execute();
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    name: u.name,
    role: u.role,
    units: units.filter((x) => x.user_id === u.id).map((x) => x.unit_code),
    disabledAt: u.disabled_at,
    createdAt: u.created_at,
  }));
}

/** Disables (or enables) an account; disabling also ends its sessions. False: no such user. */
export async function setDisabled(db: Db, username: string, disabled: boolean, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (!user) return false;
    await trx.updateTable('users').set({ disabled_at: disabled ? now.toISOString() : null }).where('id', '=', user.id).execute();
    if (disabled) await trx.deleteFrom('tokens').where('user_id', '=', user.id).execute();
    await audit(trx, { event: disabled ? 'user_disabled' : 'user_enabled', userId: user.id, username, details: { by: 'cli' } }, now);
    return true;
  });
}

/** A new password; every session of the account ends (whoever knew the old one is out). */
export async function resetPassword(db: Db, username: string, passwordHash: string, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (!user) return false;
    await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', user.id).execute();
    await trx.deleteFrom('tokens').where('user_id', '=', user.id).execute();
    await audit(trx, { event: 'password_reset', userId: user.id, username, details: { by: 'cli' } }, now);
    return true;
  });
}

/** The wards an account belongs to, replaced. Its tokens stay: the next request sees the new wards. */
export async function setUnits(db: Db, username: string, units: readonly string[], now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (!user) return false;
    const before = (await trx.selectFrom('user_units').select('unit_code').where('user_id', '=', user.id).execute()).map((r) => r.unit_code);
    await trx.deleteFrom('user_units').where('user_id', '=', user.id).execute();
    const unique = [...new Set(units)];
    if (unique.length > 0) await trx.insertInto('user_units').values(unique.map((unit_code) => ({ user_id: user.id, unit_code }))).execute();
    await audit(trx, { event: 'units_set', userId: user.id, username, details: { before, after: unique, by: 'cli' } }, now);
    return true;
  });
}

/** `token revoke --user`: every session of one person ends, on every tablet. */
export async function revokeTokensOf(db: Db, username: string, now: Date): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (!user) return null;
    const res = await trx.deleteFrom('tokens').where('user_id', '=', user.id).executeTakeFirst();
    const n = Number(res.numDeletedRows);
    await audit(trx, { event: 'tokens_revoked', userId: user.id, username, details: { tokens: n, by: 'cli' } }, now);
    return n;
  });
}

export interface DeviceRow {
  id: string;
  firstUser: string | null;
  users: string[];
  firstSeen: string;
  lastSeen: string;
  lastDeviceSeq: number;
  revokedAt: string | null;
}

export async function listDevices(db: Db): Promise<DeviceRow[]> {
  const devices = await db.selectFrom('devices').selectAll().orderBy('last_seen', 'desc').execute();
  const users = await db.selectFrom('users').select(['id', 'username']).execute();
  const nameOf = new Map(users.map((u) => [u.id, u.username]));
  const sessions = await db.selectFrom('tokens').select(['device_id', 'user_id']).distinct().execute();
  return devices.map((d) => ({
    id: d.id,
    firstUser: d.first_user_id ? (nameOf.get(d.first_user_id) ?? d.first_user_id) : null,
    users: sessions.filter((s) => s.device_id === d.id).map((s) => nameOf.get(s.user_id) ?? s.user_id).sort(),
    firstSeen: d.first_seen,
    lastSeen: d.last_seen,
    lastDeviceSeq: d.last_device_seq,
    revokedAt: d.revoked_at,
  }));
}
