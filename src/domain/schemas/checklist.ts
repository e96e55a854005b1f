import { z } from 'zod';
import { uuidV7Schema } from '../entry';

const step = z.strictObject({
  text: z.string().trim().min(1).max(1000),
  /** A call tree step names the contact to reach. */
  contactId: uuidV7Schema.optional(),
});

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

/**
 * A tick is an addendum: addenda never conflict, so two tablets ticking different steps both
 * stay, each with its author and time. done: false unticks a step ticked by mistake.
 */
export const checklistTick = z.strictObject({
  step: z.number().int().min(0).max(59),
  done: z.boolean(),
  note: z.string().trim().max(500).optional(),
});
export type ChecklistTick = z.infer<typeof checklistTick>;
