// Entries of a provisional account (domain/provisional.ts). The enrolment is checked as an entry
// (a charge nurse or admin of the ward, a role not above hers: domain/schemas); here, that its
// account id is new, and that every later entry signs exactly as the enrolment said, from the
// tablet she was enrolled on, in her ward. Accepted entries are flagged while she is not linked
// to a real account, and stay accepted whatever the admin decides: nothing written is lost.
import type { Kysely } from 'kysely';
import type { Entry } from '../../domain/entry';
import { ENROLMENT_DOC_TYPE, enrolmentRoleProblem, type EnrolmentBody } from '../../domain/provisional';
import { unitScope } from '../../domain/scope';
import type { ReleveDatabase } from '../store/schema';
import { findProvisional } from '../store/provisional';
import type { Verdict } from './entry-checks';

export async function provisionalAuthorVerdict(db: Kysely<ReleveDatabase>, e: Entry): Promise<Verdict> {
  const { userId, name, role, enrolledBy } = e.author;
  const row = await findProvisional(db, userId);
  if (!row) return { reject: `unknown provisional account ${userId}: its enrolment has not reached the server` };
  if (name !== row.name || role !== row.role) return { reject: `author name and role (${name}, ${role}) are not those provisional account ${userId} was enrolled with (${row.name}, ${row.role})` };
  if (enrolledBy?.userId !== row.enrolled_by || enrolledBy.name !== row.enrolled_by_name) return { reject: `provisional account ${userId} was enrolled by ${row.enrolled_by_name}, not ${enrolledBy?.name ?? 'nobody'}` };
  if (e.deviceId !== row.device_id) return { reject: `provisional account ${userId} works only on the tablet she was enrolled on` };
  if (e.scope !== unitScope(row.unit_code)) return { reject: `provisional account ${userId} writes only in ward ${row.unit_code}` };
  return row.status === 'linked' ? null : { flag: 'author_provisional' };
}

/**
 * An admin's decision (the enrolment's one amend, written by store/provisional.ts in the same
 * transaction as the account's new status): it must say what the server recorded, on the
 * enrolment itself, once.
 */
async function decisionProblem(db: Kysely<ReleveDatabase>, e: Entry): Promise<string | null> {
  const body = e.body as EnrolmentBody;
  const row = await findProvisional(db, body.accountId);
  if (!row) return `unknown provisional account ${body.accountId}`;
  if (e.parents[0] !== row.entry_id) return `a decision amends the enrolment ${row.entry_id} itself`;
  if (body.username !== row.username || body.name !== row.name || body.role !== row.role) return `a decision does not change who provisional account ${row.id} is`;
  const d = body.decision;
  const agrees = d?.status === 'linked' ? row.status === 'linked' && d.account.userId === row.linked_user_id : d?.status === 'refused' && row.status === 'refused' && d.reason === row.reason;
  if (!agrees) return `the decision is not the one recorded for provisional account ${row.id} (${row.status})`;
  const earlier = await db.selectFrom('entries').select('id').where('doc_id', '=', e.docId).where('kind', '=', 'amend').executeTakeFirst();
  return earlier ? `provisional account ${row.id} is already decided` : null;
}

/**
 * An enrolment is by a charge nurse or an admin, for a role not above hers, and names a new
 * account: not one already enrolled (a replay), nor a real account. Its amend is the decision.
 */
export async function enrolmentProblem(db: Kysely<ReleveDatabase>, e: Entry): Promise<string | null> {
  if (e.docType !== ENROLMENT_DOC_TYPE) return null;
  if (e.kind === 'amend') return decisionProblem(db, e);
  const byRole = enrolmentRoleProblem(e);
  if (byRole) return byRole;
  const { accountId } = e.body as EnrolmentBody;
  if (await findProvisional(db, accountId)) return `provisional account ${accountId} is already enrolled`;
  const user = await db.selectFrom('users').select('id').where('id', '=', accountId).executeTakeFirst();
  return user ? `${accountId} is an existing account, not a new one` : null;
}
