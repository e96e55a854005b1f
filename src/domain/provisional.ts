// Relief staff enrolled OFFLINE by a charge nurse (issue 9 §3): a provisional account, made on
// the tablet, whose every entry carries two names, hers and her enroller's. The enrolment is an
// entry of its own (docType `enrolment`, in the ward's scope, written by the enroller), so it
// syncs and the server learns the account from it; an admin later links it to a real account
// or refuses it. Either way what she wrote stays, under her own byline.
import { z } from 'zod';
import { uuidV7Schema, type Author, type Entry } from './entry';
import { CARE_ROLES, type CareRole, type Role } from './roles';
import { unitOfScope } from './scope';
import { ENROLMENT_DOC_TYPE } from './enrolment-type';

export { ENROLMENT_DOC_TYPE };

/** Who may enrol someone offline. */
const ENROLLER_ROLES: readonly Role[] = ['charge', 'admin'];

// A person is never enrolled above the one who vouches for her.
const RANK: Readonly<Record<CareRole, number>> = { nurse: 1, charge: 2, admin: 3 };

/** What she types at sign-in on the tablet: lower-case letters, digits, dot, dash, underscore. */
const PROVISIONAL_USERNAME = /^[a-z0-9][a-z0-9._-]{1,49}$/;

/**
 * What an admin decided, as the tablets learn it: entries never change, so the decision is a
 * version of the enrolment document (an amend by the admin), and a byline reads the document's
 * current body, not the flag the server put on each entry when it was accepted.
 */
const enrolmentDecision = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('linked'), account: z.strictObject({ userId: z.string().min(1).max(200), name: z.string().min(1).max(200) }) }),
  z.strictObject({ status: z.literal('refused'), reason: z.string().trim().min(1).max(500) }),
]);
export type EnrolmentDecision = z.infer<typeof enrolmentDecision>;

/**
 * The body of an enrolment: the provisional account itself, and once an admin decided, the
 * decision. Who enrolled her, when and on which tablet are the create entry's own author,
 * createdAt and deviceId; who decided and when, the amend's.
 */
export const enrolmentBody = z.strictObject({
  accountId: uuidV7Schema,
  username: z.string().regex(PROVISIONAL_USERNAME, 'the username is 2 to 50 lower-case letters, digits, dots, dashes or underscores'),
  name: z.string().trim().min(1, 'the name is required').max(200),
  role: z.enum(CARE_ROLES),
  decision: enrolmentDecision.optional(),
});
export type EnrolmentBody = z.infer<typeof enrolmentBody>;

/** Why `enroller` may not enrol someone as `role`, or null. */
export function enrolRoleProblem(enroller: string, role: string): string | null {
  if (!(ENROLLER_ROLES as readonly string[]).includes(enroller)) return `role ${enroller} may not enrol anyone`;
  const mine = RANK[enroller as CareRole];
  const theirs = Object.hasOwn(RANK, role) ? RANK[role as CareRole] : undefined;
  if (theirs === undefined) return `role ${role} cannot be given offline`;
  return theirs > mine ? `a ${enroller} may not enrol a ${role}` : null;
}

/**
 * The envelope of an enrolment: one create without a decision, in a ward, not by a provisional
 * account; then at most one amend, by an admin, that carries the decision (the server writes it
 * when the admin decides; its 'enrolment' write check holds it to the account's record). Who may
 * give which role (enrolRoleProblem) is checked by the tablet before saving and by that same
 * write check, which a test can switch off.
 */
export function enrolmentShapeProblem(e: Entry): string | null {
  if (unitOfScope(e.scope) === null) return 'an enrolment lives in its ward';
  if (e.author.enrolledBy) return 'a provisional account may not enrol anyone';
  const decided = (e.body as { decision?: unknown } | null | undefined)?.decision !== undefined;
  if (e.kind === 'create') return decided ? 'an enrolment is decided by an admin afterwards, not when it is written' : null;
  if (e.kind !== 'amend') return 'an enrolment is not annotated or retracted: an admin links or refuses it';
  if (e.author.role !== 'admin') return 'only an admin decides on an enrolment';
  return decided ? null : 'an amended enrolment carries the admin’s decision';
}

/** enrolRoleProblem for an enrolment entry: its author and the role its body gives. */
export function enrolmentRoleProblem(e: Pick<Entry, 'author' | 'body'>): string | null {
  const role = (e.body as { role?: unknown } | null | undefined)?.role;
  return enrolRoleProblem(e.author.role, typeof role === 'string' ? role : '');
}

/** The provisional account an enrolment makes, as her entries will sign. */
export function provisionalAuthor(enrolment: Pick<Entry, 'author'> & { body: EnrolmentBody }): Author {
  const { accountId, name, role } = enrolment.body;
  return { userId: accountId, name, role, enrolledBy: { userId: enrolment.author.userId, name: enrolment.author.name } };
}

/** A provisional account as the admin screen and the CLI list it (GET /api/admin/provisional). */
export interface ProvisionalAccountView {
  id: string;
  username: string;
  name: string;
  role: string;
  unit: string;
  /** Her enroller's name, as her entries carry it. */
  enrolledBy: string;
  enrolledAt: string;
  deviceId: string;
  status: 'pending' | 'linked' | 'refused';
  /** The real account's username once linked. */
  linkedTo: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  reason: string | null;
  /** How many of her entries the server holds. */
  entries: number;
}

/** An account a provisional one may be linked to: enabled, as the admin screen offers them. */
export interface LinkableAccount {
  username: string;
  name: string;
  role: string;
  units: string[];
}

/** GET /api/admin/provisional: the provisional accounts, and the accounts they may be linked to. */
export interface ProvisionalListAnswer {
  accounts: ProvisionalAccountView[];
  linkable: LinkableAccount[];
}

/** Why the server refused a decision (POST /api/admin/provisional/:id), in the error's details. */
export type ProvisionalProblem = 'unknown_account' | 'already_decided' | 'no_such_user' | 'user_disabled' | 'username_taken';

/** What an admin decides (POST /api/admin/provisional/:id): link to an account, create one, or refuse. */
export const provisionalDecisionSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('link'), username: z.string().trim().min(1).max(100) }),
  z.strictObject({ action: z.literal('create'), username: z.string().trim().regex(PROVISIONAL_USERNAME, 'the username is 2 to 50 lower-case letters, digits, dots, dashes or underscores'), password: z.string().min(8, 'the password needs at least 8 characters').max(200) }),
  z.strictObject({ action: z.literal('refuse'), reason: z.string().trim().min(1, 'say why she is refused').max(500) }),
]);


/** The byline as exports write it (in French, the record's language): both names for a provisional account. */
export function authorDisplay(author: Pick<Author, 'name' | 'enrolledBy'>): string {
  return author.enrolledBy ? `${author.name}, inscrite hors ligne par ${author.enrolledBy.name}` : author.name;
}
