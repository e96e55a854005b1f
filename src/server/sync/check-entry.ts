// The checks of a pushed entry that need nothing from the database. They run before the write
// transaction opens (hashing is async), so the transaction stays short.
import type { z } from 'zod';
import { entrySchema, entryShapeProblem, type Entry } from '../../domain/entry';
import { entryTextProblem } from '../../domain/clinical-text';
import { ENTRY_LIMITS, jsonLimitProblem } from '../../domain/json-limits';
import type { SessionUser } from '../../domain/protocol';
import { isRole } from '../../domain/roles';
import { canWrite } from '../../domain/scope';
import { bodyProblem, envelopeProblem } from '../../domain/schemas';
import type { CheckSwitches } from './entry-checks';
import { checkedText, storedText } from './entry-hash';

export type ParsedEntry =
  | { ok: true; entry: Entry }
  | { ok: false; id: string; reason: string };

export function formatZodIssues(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

/** Shape first: without a well-formed entry there is nothing else to check. */
export function parseEntry(raw: unknown, index: number, switches: CheckSwitches = {}): ParsedEntry {
  const rawId = (raw as { id?: unknown } | null)?.id;
  const id = typeof rawId === 'string' ? rawId.slice(0, 100) : '';
  // Before anything that recurses (zod, hashing, the questionnaire walks).
  const tooBig = switches.off?.has('limits') ? null : jsonLimitProblem(raw, ENTRY_LIMITS);
  if (tooBig) return { ok: false, id, reason: `entries[${index}] is too large: ${tooBig}` };
  // The feed's entries are this server's own objects, built from a validated message and sealed a
  // moment ago (feed-write.ts): parsing their envelope again proves nothing. Their body is still
  // checked (entryVerdict), as is everything the database decides (entry-checks.ts).
  const parsed = switches.sealedHere ? null : entrySchema.safeParse(raw);
  if (parsed && !parsed.success) return { ok: false, id, reason: `entries[${index}] is malformed: ${formatZodIssues(parsed.error)}` };
  const entry = (parsed ? parsed.data : raw) as Entry;
  const shape = entryShapeProblem(entry);
  if (shape) return { ok: false, id, reason: shape };
  return { ok: true, entry };
}

export interface Writer {
  user: SessionUser;
  /** The deviceId of the push, already checked against the token's device. */
  deviceId: string;
}

/** What entryProblem found: a reason, or none and the row's json when the hash was checked. */
export type EntryVerdict = { problem: string } | { problem: null; json?: string };

const HASH_MISMATCH = 'hash does not match content';

/**
 * Content, authorship and permission: the reason for rejection, or none. The text the hash is
 * checked against is kept, as the row's json (entry-hash.ts storedText): one serialisation an entry.
 */
export async function entryVerdict(e: Entry, w: Writer, switches: CheckSwitches = {}): Promise<EntryVerdict> {
  const hashed = switches.sealedHere ? undefined : checkedText(e);
  if (hashed === null) return { problem: HASH_MISMATCH };
  const problem = await entryProblem(e, w, switches);
  return problem ? { problem } : { problem: null, json: hashed === undefined ? undefined : storedText(hashed, e.hash) };
}

/** entryVerdict's checks after the hash. */
async function entryProblem(e: Entry, w: Writer, switches: CheckSwitches): Promise<string | null> {
  // A provisional account's entries travel with the token of the charge nurse who enrolled her
  // (check-author.ts then checks the account against its enrolment).
  const carrier = e.author.enrolledBy ? e.author.enrolledBy.userId : e.author.userId;
  if (carrier !== w.user.id) return e.author.enrolledBy ? `provisional account ${e.author.userId} was not enrolled by the logged-in user` : `author ${e.author.userId} is not the logged-in user`;
  if (e.deviceId !== w.deviceId) return `deviceId ${e.deviceId} is not the pushing device ${w.deviceId}`;
  if (!canWrite(w.user, e.scope)) return `scope ${e.scope} is not writable by this user`;
  const text = switches.off?.has('invisible-text') ? null : entryTextProblem(e);
  const role = e.author.enrolledBy ? e.author.role : w.user.role;
  if (!isRole(role)) return `role ${role} is not a role`;
  return envelopeProblem(e, role) ?? bodyProblem(e) ?? text;
}
