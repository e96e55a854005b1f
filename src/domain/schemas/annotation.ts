import { z } from 'zod';

/** The body of an addendum, whatever the document: a note attached to one version. */
export const addendumBody = z.strictObject({
  text: z.string().trim().min(1, 'the addendum is empty').max(4000),
});
/** The body of a retract: why the document was entered in error. */
export const retractBody = z.strictObject({
  reason: z.string().trim().min(1, 'a retraction needs a reason').max(1000),
});
/**
 * The words of an addendum as the screens, the paper and the export show them: a receiver's
 * synthesis on a handover, else the addendum's text. Bodies were checked when written, but an
 * entry refused or from an older tablet may lack the field: '' then, never a crash.
 */
export function addendumText(body: unknown): string {
  const b = body as { text?: unknown; synthesis?: unknown } | null;
  return String(b?.synthesis ?? b?.text ?? '');
}

/** Why a document or a row was entered in error ('' when the body has no reason). */
export function retractReason(body: unknown): string {
  return String((body as { reason?: unknown } | null)?.reason ?? '');
}
