// The checks a pushed entry goes through inside the write transaction, in order, each on its
// own. A check answers null (fine), {reject} (refused, with the reason the tablet shows) or
// {flag} (accepted, but a person should look). A new rule is one more line in WRITE_CHECKS.
import type { Kysely } from 'kysely';
import type { Entry, EntryFlag } from '../../domain/entry';
import type { Role } from '../../domain/roles';
import type { ReleveDatabase } from '../store/schema';
import type { DocIdentity, Reader } from '../store/entries';
import { authorNameProblem } from './check-author';
import { createdAtVerdict } from './check-clock';
import { downtimeLinkProblem } from './check-downtime';
import type { Writer } from './check-entry';
import { formProblem } from './check-form';
import { ippProblem, patientAmendProblem, retractByProblem } from './check-identity';
import { patientLinkVerdict } from './check-patient';
import { placementProblem } from './check-placement';
import { enrolmentProblem } from './check-provisional';
import type { PatientRecords } from './patient-records';

export type Verdict = null | { reject: string } | { flag: EntryFlag };

export interface CheckContext {
  db: Kysely<ReleveDatabase>;
  /** The same transaction, for the fixed statements every entry runs (store/entries.ts). */
  sql: Reader;
  /** The patients this batch names, read once per batch (patient-records.ts). */
  patients: PatientRecords;
  writer: Writer;
  now: Date;
  /** The entry's document's create when the caller read it already (null: it has none); undefined: not read. */
  docCreate?: DocIdentity | null;
}

interface WriteCheck {
  /** Stable name: tests switch a check off by it to show their test can fail. */
  name: string;
  run(e: Entry, ctx: CheckContext): Promise<Verdict> | Verdict;
}

/** Internal switches: `off` names checks that are skipped (tests only). */
export interface CheckSwitches {
  off?: ReadonlySet<string>;
  /**
   * The entries were sealed by this server a moment ago, from its own objects (the HIS feed,
   * interface/feed-write.ts): hashing them again, parsing their envelope again (check-entry.ts),
   * or looking their fresh ids up (append-entries.ts) proves nothing and costs CPU on every HIS
   * message. Their body and every check against the
   * database still run. Never set for a push, whose entries come from a tablet; tablets check
   * every hash they pull.
   */
  sealedHere?: boolean;
  /**
   * The HIS feed again (feed-write.ts): it refuses its whole message if any entry is refused,
   * under the message's own savepoint, and records its device's sequence once per group
   * (feed-group.ts). So writeBatch gives its entries no savepoint each, reads no docStatus back
   * (nobody reads it) and leaves the device row alone. Never set for a push.
   */
  wholeMessage?: boolean;
}

const rejectIf =
  (problem: (e: Entry, ctx: CheckContext) => Promise<string | null>) =>
  async (e: Entry, ctx: CheckContext): Promise<Verdict> => {
    const reason = await problem(e, ctx);
    return reason ? { reject: reason } : null;
  };

// The checks every entry meets, identity included, read through ctx.sql (no Kysely on the hot
// path); the rarer ones (author name, forms, enrolments) use the query builder on the same
// transaction.
const WRITE_CHECKS: readonly WriteCheck[] = [
  { name: 'placement', run: rejectIf((e, ctx) => placementProblem(ctx.sql, e, ctx.docCreate)) },
  { name: 'author', run: (e, ctx) => authorNameProblem(ctx.db, e, ctx.writer) },
  { name: 'patient-link', run: (e, ctx) => patientLinkVerdict(ctx.sql, ctx.patients, e) },
  { name: 'identity-amend', run: rejectIf((e, ctx) => patientAmendProblem(ctx.sql, e, ctx.writer)) },
  { name: 'retract-by', run: rejectIf((e, ctx) => retractByProblem(ctx.sql, e, ctx.writer)) },
  { name: 'unique-ipp', run: rejectIf((e, ctx) => ippProblem(ctx.sql, e)) },
  { name: 'downtime-link', run: rejectIf((e, ctx) => downtimeLinkProblem(ctx.sql, e)) },
  { name: 'form', run: rejectIf((e, ctx) => formProblem(ctx.db, e)) },
  { name: 'enrolment', run: rejectIf((e, ctx) => enrolmentProblem(ctx.db, e)) },
  { name: 'clock', run: (e, ctx) => createdAtVerdict(e, ctx.now) },
];

/**
 * Who the rules judge: the token's account, or, for an entry of a provisional account (carried by
 * her enroller's token), that account with the role she was enrolled with, so she gets no more
 * rights than that role (the 'author' check holds her name and role to her enrolment).
 */
function actingWriter(e: Entry, w: Writer): Writer {
  if (!e.author.enrolledBy) return w;
  return { deviceId: w.deviceId, user: { id: e.author.userId, name: e.author.name, role: e.author.role as Role, units: w.user.units } };
}

/** Runs the checks in order: the first rejection wins; flags add up. */
export async function runWriteChecks(
  e: Entry,
  outer: CheckContext,
  switches: CheckSwitches,
): Promise<{ reject: string } | { flags: EntryFlag[] }> {
  const ctx = { ...outer, writer: actingWriter(e, outer.writer) };
  const flags: EntryFlag[] = [];
  for (const check of WRITE_CHECKS) {
    if (switches.off?.has(check.name)) continue;
    const verdict = await check.run(e, ctx);
    if (verdict === null) continue;
    if ('reject' in verdict) return verdict;
    if (!flags.includes(verdict.flag)) flags.push(verdict.flag);
  }
  return { flags };
}
