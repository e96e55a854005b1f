// Provisional accounts (domain/provisional.ts): recorded when their enrolment entry is accepted
// (store/enrolments.ts), then linked to a real account or refused by an admin. Neither decision
// touches an entry: what she wrote keeps its byline (her name, and her enroller's) for good; the
// decision is appended to her enrolment, for the tablets to learn (sync/enrolment-decision.ts).
// Every step is audited in the same transaction.
import { sql, type Kysely } from 'kysely';
import type { SessionUser } from '../../domain/protocol';
import type { EnrolmentDecision, ProvisionalAccountView, ProvisionalProblem } from '../../domain/provisional';
import { writeDecision } from '../sync/enrolment-decision';
import { audit } from './audit';
import type { ProvisionalRow, ReleveDatabase } from './schema';
import { findUserByUsername, insertUser } from './users';

type Db = Kysely<ReleveDatabase>;

const sqlAuthor = sql<string>`json_extract(json, '$.author.userId')`;

export type ProvisionalErrorCode = ProvisionalProblem;

/** A link or refusal that cannot be made; the message says why, for the admin screen and the CLI. */
export class ProvisionalError extends Error {
  constructor(readonly code: ProvisionalErrorCode, message: string) {
    super(message);
    this.name = 'ProvisionalError';
  }
}

export async function findProvisional(db: Db, id: string): Promise<ProvisionalRow | undefined> {
  return db.selectFrom('provisional_accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listProvisional(db: Db): Promise<ProvisionalAccountView[]> {
  const rows = await db
    .selectFrom('provisional_accounts as p')
    .leftJoin('users as u', 'u.id', 'p.linked_user_id')
    .selectAll('p')
    .select('u.username as linked_username')
    .orderBy('p.enrolled_at')
    .execute();
  const counts = await db
    .selectFrom('entries')
    .select((eb) => [sqlAuthor.as('author_id'), eb.fn.countAll<number>().as('n')])
    .where(sqlAuthor, 'in', rows.length > 0 ? rows.map((r) => r.id) : [''])
    .groupBy('author_id')
    .execute();
  const countOf = new Map(counts.map((c) => [c.author_id, Number(c.n)]));
  return rows.map((r) => ({
    id: r.id, username: r.username, name: r.name, role: r.role, unit: r.unit_code, enrolledBy: r.enrolled_by_name, enrolledAt: r.enrolled_at,
    deviceId: r.device_id, status: r.status, linkedTo: r.linked_username, decidedAt: r.decided_at, decidedBy: r.decided_by, reason: r.reason,
    entries: countOf.get(r.id) ?? 0,
  }));
}

/** Who decided: an admin signed in on the admin screen, or IT at the CLI. */
export interface Decider {
  /** The admin's account; null at the CLI. */
  userId: string | null;
  /** Shown as who decided: the admin's name, or 'cli'. */
  label: string;
  /** The admin account that signs the decision's entry (at the CLI: --as, or the first admin). */
  signer: SessionUser;
}

async function pendingOne(db: Db, id: string): Promise<ProvisionalRow> {
  const row = await findProvisional(db, id);
  if (!row) throw new ProvisionalError('unknown_account', `no provisional account ${id}`);
  if (row.status !== 'pending') throw new ProvisionalError('already_decided', `provisional account ${id} is already ${row.status}`);
  return row;
}

async function decide(db: Db, row: ProvisionalRow, decision: EnrolmentDecision, by: Decider, now: Date): Promise<void> {
  const change = decision.status === 'linked' ? { status: decision.status, linkedUserId: decision.account.userId } : { status: decision.status, reason: decision.reason };
  await db
    .updateTable('provisional_accounts')
    .set({ status: change.status, linked_user_id: change.linkedUserId ?? null, decided_at: now.toISOString(), decided_by: by.label, reason: change.reason ?? null })
    .where('id', '=', row.id)
    .where('status', '=', 'pending')
    .execute();
  await audit(db, {
    event: change.status === 'linked' ? 'provisional_linked' : 'provisional_refused',
    userId: by.userId, username: by.userId ? null : by.label,
    details: { accountId: row.id, name: row.name, enrolledBy: row.enrolled_by_name, ...(change.linkedUserId ? { linkedUserId: change.linkedUserId } : {}), ...(change.reason ? { reason: change.reason } : {}) },
  }, now);
  await writeDecision(db, { ...row, status: change.status, linked_user_id: change.linkedUserId ?? null, reason: change.reason ?? null }, decision, by.signer, now);
}

/** Links her to an existing, enabled account: from now on that account answers for what she wrote. */
export async function linkProvisional(db: Db, id: string, username: string, by: Decider, now: Date): Promise<ProvisionalAccountView> {
  await db.transaction().execute(async (trx) => {
    const row = await pendingOne(trx, id);
    const user = await findUserByUsername(trx, username);
    if (!user) throw new ProvisionalError('no_such_user', `no user ${username}`);
    if (user.disabled_at) throw new ProvisionalError('user_disabled', `user ${username} is disabled: enable it first, or pick another account`);
    await decide(trx, row, { status: 'linked', account: { userId: user.id, name: user.name } }, by, now);
  });
  return viewOf(db, id);
}

/** Creates her real account (her enrolled name, role and ward) and links her to it. */
export async function linkProvisionalToNew(db: Db, id: string, account: { username: string; passwordHash: string }, by: Decider, now: Date): Promise<ProvisionalAccountView> {
  await db.transaction().execute(async (trx) => {
    const row = await pendingOne(trx, id);
    if (await findUserByUsername(trx, account.username)) throw new ProvisionalError('username_taken', `user ${account.username} already exists: link to it instead`);
    const role = row.role === 'admin' || row.role === 'charge' ? row.role : 'nurse';
    const user = await insertUser(trx, { username: account.username, name: row.name, role, units: [row.unit_code], passwordHash: account.passwordHash }, now);
    await audit(trx, { event: 'user_added', userId: user.id, username: account.username, details: { by: by.label, fromProvisional: row.id } }, now);
    await decide(trx, row, { status: 'linked', account: { userId: user.id, name: user.name } }, by, now);
  });
  return viewOf(db, id);
}

/** Refuses her: no account answers for her, but everything she wrote stays, under her byline. */
export async function refuseProvisional(db: Db, id: string, reason: string, by: Decider, now: Date): Promise<ProvisionalAccountView> {
  await db.transaction().execute(async (trx) => {
    const row = await pendingOne(trx, id);
    await decide(trx, row, { status: 'refused', reason: reason.trim() }, by, now);
  });
  return viewOf(db, id);
}

async function viewOf(db: Db, id: string): Promise<ProvisionalAccountView> {
  const found = (await listProvisional(db)).find((p) => p.id === id);
  if (!found) throw new ProvisionalError('unknown_account', `no provisional account ${id}`);
  return found;
}
