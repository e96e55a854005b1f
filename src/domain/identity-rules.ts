// Identitovigilance: who may change who a patient is, and who may take a record back.
// The same rules run on the tablet before saving (so a nurse is told at once) and on the server.
import type { Role } from './roles';

/** The fields that say who the patient is. Room, bed and allergies are ward business. */
const IDENTITY_FIELDS = ['ipp', 'lastName', 'firstName', 'birthDate', 'sex'] as const;

/**
 * Roles that may amend a patient's identity fields or retract a patient. The HIS feed (interface)
 * is where the hospital's identity cell fixes identities (A08, A40 merge, A47): it carries them.
 */
const IDENTITY_ROLES: readonly string[] = ['charge', 'admin', 'interface'] satisfies readonly Role[];

/** Roles that may retract someone else's note or form. */
const RETRACT_ANY_ROLES: readonly string[] = ['charge', 'admin'] satisfies readonly Role[];

/** Document types whose retraction is limited to their author (and charge/admin). */
const AUTHORED_TYPES: ReadonlySet<string> = new Set(['note', 'form']);

function field(body: unknown, name: string): unknown {
  return body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
}

/** The identity fields that differ between two patient bodies. */
function changedIdentityFields(before: unknown, after: unknown): string[] {
  return IDENTITY_FIELDS.filter((f) => field(before, f) !== field(after, f));
}

/**
 * A new version of a patient (amend, or resolve of a conflict) by someone without an identity
 * role must keep the identity of a version it names as parent.
 */
export function identityChangeProblem(role: string, parentBodies: readonly unknown[], body: unknown): string | null {
  if (IDENTITY_ROLES.includes(role) || parentBodies.length === 0) return null;
  const closest = parentBodies.map((p) => changedIdentityFields(p, body)).sort((a, b) => a.length - b.length)[0]!;
  if (closest.length === 0) return null;
  return `only a charge nurse or an admin may change a patient's identity (${closest.join(', ')}); a nurse may change room, bed and allergies`;
}

/**
 * Who may retract: a patient only charge/admin; a note or form its author or charge/admin.
 * `authorIds` are the users who wrote the document's create.
 */
export function retractProblem(docType: string, role: string, userId: string, authorIds: readonly string[]): string | null {
  if (docType === 'patient') {
    return IDENTITY_ROLES.includes(role) ? null : 'only a charge nurse or an admin may retract a patient';
  }
  if (AUTHORED_TYPES.has(docType) && !RETRACT_ANY_ROLES.includes(role) && !authorIds.includes(userId)) {
    return `only its author, a charge nurse or an admin may retract this ${docType}`;
  }
  return null;
}

/** The window of believable device times: before it, a reset clock; after it, a clock running ahead. */
const EARLIEST_BELIEVABLE = '2000-01-01T00:00:00.000Z';
const CLOCK_AHEAD_MS = 24 * 3_600_000;

export function isCreatedAtBelievable(createdAt: string, serverNow: Date): boolean {
  const t = Date.parse(createdAt);
  return t >= Date.parse(EARLIEST_BELIEVABLE) && t <= serverNow.getTime() + CLOCK_AHEAD_MS;
}

/** A tablet whose clock is off from the server's by more than this shows a warning. */
export const CLOCK_SKEW_WARNING_MS = 5 * 60_000;
