import { z } from 'zod';
import { uuidV7Schema } from '../entry';
import { phoneBody } from './contact';

// Every step of the fiche is copied, the ones not to tick too (info: true): a run read alone
// must say everything the fiche says, in the same order and with the same numbers.
const step = z.strictObject({
  text: z.string().trim().min(1).max(1000),
  /** A call tree step names the contact to reach. */
  contactId: uuidV7Schema.optional(),
  /** Guidance: shown in its place, never ticked nor counted. */
  info: z.literal(true).optional(),
  /** A life-saving step, pinned in red at the top of the run. */
  safety: z.literal(true).optional(),
  phones: z.array(phoneBody).max(6).optional(),
});
export type ChecklistStep = z.infer<typeof step>;

// The steps are copied at start, so a procedure edited by the crisis cell mid-run cannot
// shift the meaning of ticks already made; procedureVersion says which version was used.
const common = {
  title: z.string().trim().min(1).max(200),
  steps: z.array(step).min(1).max(60),
  downtimeId: uuidV7Schema.optional(),
};

/** A running checklist: a procedure's checklist steps, or a call tree's calls ("reached"). */
export const checklistBody = z.discriminatedUnion('source', [
  z.strictObject({ source: z.literal('procedure'), procedureId: uuidV7Schema, procedureVersion: uuidV7Schema, ...common }),
  z.strictObject({ source: z.literal('calltree'), callTreeId: uuidV7Schema, callTreeVersion: uuidV7Schema, ...common }),
]);
export type ChecklistBody = z.infer<typeof checklistBody>;

/** What came of a call in a call tree: reached, no answer (at the tick's time), or to call back. */
const CALL_OUTCOMES = ['reached', 'no-answer', 'call-back'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/**
 * A tick is an addendum: addenda never conflict, so two tablets ticking different steps both
 * stay, each with its author and time. done: false unticks a step ticked by mistake.
 * A call tree's attempts that did not reach anyone are ticks with done: false and an outcome.
 */
export const checklistTick = z
  .strictObject({
    step: z.number().int().min(0).max(59),
    done: z.boolean(),
    outcome: z.enum(CALL_OUTCOMES).optional(),
    note: z.string().trim().max(500).optional(),
  })
  .refine((t) => t.outcome === undefined || (t.outcome === 'reached') === t.done, {
    message: 'a call reached is done; no answer or call back is not',
    path: ['outcome'],
  });
export type ChecklistTick = z.infer<typeof checklistTick>;
