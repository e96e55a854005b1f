// A charge nurse enrols a relief colleague OFFLINE on this tablet (domain/provisional.ts): the
// enrolment is an entry of her own (it syncs, and the server learns the account from it), and
// the keyring wraps the tablet's data key for the colleague's temporary password, so the
// colleague signs in here offline. Every entry the colleague writes carries both names.
import { newId } from '../../domain/entry';
import { ENROLMENT_DOC_TYPE, enrolmentBody, enrolRoleProblem, type EnrolmentBody } from '../../domain/provisional';
import { isRole } from '../../domain/roles';
import { unitScope } from '../../domain/scope';
import { keyringDb } from '../db/keyring/keyring-db';
import { addOfflinePerson, usernameTaken, wrapForColleague } from '../db/keyring/keyring';
import { createDoc } from './documents';
import { asLoginError, requireSessionUser } from './session';

export interface EnrolInput {
  name: string;
  username: string;
  role: string;
  /** Her temporary password, typed by her, twice. */
  password: string;
  passwordAgain: string;
  /** The enroller's own password, typed again: it opens the tablet's data key for wrapping. */
  myPassword: string;
  unitCode: string;
}

export type EnrolProblem = 'passwords_differ' | 'password_short' | 'username_taken' | 'role' | 'invalid';

export class EnrolError extends Error {
  constructor(readonly problem: EnrolProblem, message: string) {
    super(message);
    this.name = 'EnrolError';
  }
}

/** Checks what needs no key: the form shows these before any slow derivation. */
async function checked(input: EnrolInput, enrollerRole: string): Promise<EnrolmentBody> {
  if (input.password !== input.passwordAgain) throw new EnrolError('passwords_differ', 'the two passwords differ');
  if (input.password.length < 8) throw new EnrolError('password_short', 'the temporary password needs at least 8 characters');
  const roleProblem = isRole(input.role) ? enrolRoleProblem(enrollerRole, input.role) : `role ${input.role} is not a role`;
  if (roleProblem) throw new EnrolError('role', roleProblem);
  const parsed = enrolmentBody.safeParse({ accountId: newId(), username: input.username.trim().toLowerCase(), name: input.name, role: input.role });
  if (!parsed.success) throw new EnrolError('invalid', parsed.error.issues.map((i) => i.message).join('; '));
  if (await usernameTaken(keyringDb(), parsed.data.username)) throw new EnrolError('username_taken', `${parsed.data.username} already signs in on this tablet`);
  return parsed.data;
}

/** Enrols her; returns her name. Wrong own password: a LoginError, as at sign-in. */
export async function enrolColleague(input: EnrolInput): Promise<string> {
  const me = await requireSessionUser();
  if (me.enrolledBy) throw new EnrolError('role', 'a provisional account may not enrol anyone');
  const body = await checked(input, me.role);
  const k = keyringDb();
  let wrapped;
  try {
    wrapped = await wrapForColleague(k, me.id, input.myPassword, input.password);
  } catch (err) {
    throw asLoginError(err);
  }
  // The entry first: a person on the keyring without an enrolment would write entries the server refuses.
  await createDoc(ENROLMENT_DOC_TYPE, unitScope(input.unitCode), body);
  await addOfflinePerson(k, {
    username: body.username, password: wrapped,
    user: { id: body.accountId, name: body.name, role: body.role, units: [input.unitCode], enrolledBy: { userId: me.id, name: me.name } },
  });
  return body.name;
}
