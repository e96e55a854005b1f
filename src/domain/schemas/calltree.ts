import { z } from 'zod';
import { uuidV7Schema } from '../entry';

export const CALL_TREE_EVENTS = ['cyberattack', 'phone-loss', 'power', 'network', 'other'] as const;

const callTreeStep = z.strictObject({
  /** docId of the contact to alert. */
  contactId: uuidV7Schema,
  /** What to tell them or ask of them. */
  action: z.string().trim().min(1, 'say what to tell this contact').max(500),
});
/** A call tree ("arbre d'appel"): whom to alert, in order, for one kind of event. */
export const callTreeBody = z.strictObject({
  /** Shared by the translations of one call tree, as for procedures (e.g. AA-01). */
  code: z.string().regex(/^[A-Z]{2,4}-\d{2,3}$/, 'must look like AA-01').optional(),
  title: z.string().trim().min(1, 'the title is required').max(200),
  event: z.enum(CALL_TREE_EVENTS),
  summary: z.string().max(2000),
  steps: z.array(callTreeStep).min(1, 'a call tree has at least one call').max(60),
  lang: z.enum(['fr', 'en']),
});
export type CallTreeBody = z.infer<typeof callTreeBody>;
