// The body of a `form` document: a FHIR R4 QuestionnaireResponse. Its shape is checked here; its
// fit to the exact template version it names is checked against that template, on the tablet
// before saving and on the server (sync/check-form.ts), since a schema alone cannot know it.
import { z } from 'zod';
import { RESPONSE_STATUSES, type ResponseItem } from '../questionnaire/types';
import { FHIR_DATETIME } from '../questionnaire/convert';
import { answerValueFields } from './template';
import { transcriptionExtension } from '../recovery/transcription';

const answer = z.strictObject({
  ...answerValueFields(20_000),
  get item() {
    return z.array(responseItem).max(500).optional();
  },
});

const responseItem: z.ZodType<ResponseItem> = z.strictObject({
  linkId: z.string().min(1).max(100),
  text: z.string().max(2000).optional(),
  answer: z.array(answer).max(500).optional(),
  get item() {
    return z.array(responseItem).max(500).optional();
  },
}) as z.ZodType<ResponseItem>;

export const formBody = z.strictObject({
  resourceType: z.literal('QuestionnaireResponse'),
  questionnaire: z.string().min(3).max(400).regex(/^[^|]+\|[^|]+$/, 'must be url|version of a template'),
  status: z.enum(RESPONSE_STATUSES),
  subject: z.strictObject({ reference: z.string().regex(/^Patient\/[^/]+$/), display: z.string().max(300).optional() }),
  authored: z.string().regex(FHIR_DATETIME, 'must be a FHIR dateTime'),
  author: z.strictObject({ display: z.string().max(300) }).optional(),
  item: z.array(responseItem).max(500).optional(),
  /** A form transcribed from paper says so (recovery/transcription.ts). */
  extension: z.array(transcriptionExtension).max(1).optional(),
});
/** The receiving nurse's confirmation of a handover: her own words of what she took over. */
export const receiverSynthesisBody = z.strictObject({
  role: z.literal('receiver'),
  synthesis: z.string().trim().min(1, 'the synthesis is empty').max(4000),
});
export type ReceiverSynthesisBody = z.infer<typeof receiverSynthesisBody>;

export { isReceiverSynthesis } from './receiver-synthesis';
