// Whether an addendum is a receiving nurse's synthesis, apart from the form's schema: the ward
// board reads the latest handover from its first screen, which does not load zod.
import type { ReceiverSynthesisBody } from './form';

export function isReceiverSynthesis(body: unknown): body is ReceiverSynthesisBody {
  return (body as { role?: unknown } | null)?.role === 'receiver';
}
