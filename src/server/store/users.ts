// Accounts: who may log in, their role, and the wards (units) they belong to.
import type { Kysely } from 'kysely';
import type { Role } from '../../domain/roles';
import type { SessionUser } from '../../domain/protocol';
import type { LinkableAccount } from '../../domain/provisional';
import { newId } from '../../domain/entry';
import type { ReleveDatabase, UserRow } from './schema';

export interface NewUser {
  /** Given when the caller needs the id before the row exists (the seed signs entries with it). */
  id?: string;
  username: string;
  name: string;
  role: Role;
  units: readonly string[];
  passwordHash: string;
}

export async function countUsers(db: Kysely<ReleveDatabase>): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertUser(db: Kysely<ReleveDatabase>, u: NewUser, now: Date): Promise<SessionUser> {
  const id = u.id ?? newId();
  await db
    .insertInto('users')
    .values({ id, username: u.username, name: u.name, role: u.role, password_hash: u.passwordHash, created_at: now.toISOString() })
    .execute();
  const units = [...new Set(u.units)];
  if (units.length > 0) {
    await db.insertInto('user_units').values(units.map((unit_code) => ({ user_id: id, unit_code }))).execute();
  }
  return { id, name: u.name, role: u.role, units };
}

export async function findUserByUsername(db: Kysely<ReleveDatabase>, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

/** The user as the rest of the server sees them: id, name, role and units. */
export async function loadSessionUser(db: Kysely<ReleveDatabase>, userId: string): Promise<SessionUser | undefined> {
  const user = await db.selectFrom('users').select(['id', 'name', 'role']).where('id', '=', userId).executeTakeFirst();
  if (!user) return undefined;
  const units = await db
    .selectFrom('user_units')
    .select('unit_code')
    .where('user_id', '=', userId)
    .orderBy('unit_code')
    .execute();
  return { id: user.id, name: user.name, role: user.role, units: units.map((r) => r.unit_code) };
}

/** Every enabled account with its wards, by name: what a provisional account may be linked to. */
export async function listEnabledAccounts(db: Kysely<ReleveDatabase>): Promise<LinkableAccount[]> {
  const users = await db.selectFrom('users').select(['id', 'username', 'name', 'role']).where('disabled_at', 'is', null).orderBy('name').execute();
  const units = await db.selectFrom('user_units').select(['user_id', 'unit_code']).orderBy('unit_code').execute();
  const unitsOf = new Map<string, string[]>();
  for (const u of units) unitsOf.set(u.user_id, [...(unitsOf.get(u.user_id) ?? []), u.unit_code]);
  return users.map((u) => ({ username: u.username, name: u.name, role: u.role, units: unitsOf.get(u.id) ?? [] }));
}
