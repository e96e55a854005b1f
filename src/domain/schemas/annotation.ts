import { z } from 'zod';

/** The body of an addendum, whatever the document: a note attached to one version. */
export const addendumBody = z.strictObject({
  text: z.string().trim().min(1, 'the addendum is empty').max(4000),
});
/** The body of a retract: why the document was entered in error. */
export const retractBody = z.strictObject({
  reason: z.string().trim().min(1, 'a retraction needs a reason').max(1000),
});