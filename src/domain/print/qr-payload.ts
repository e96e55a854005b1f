// What the QR code of a printed page says, so that paper can be matched to its form, patient and
// ward during back-entry: {"t": template url|version, "p": patient docId|null, "d": form docId|null,
// "u": unit code}. Keys in that order, nothing else, ASCII only: the QR library writes one byte
// per character, and a scanner reads back exactly this JSON.
import { z } from 'zod';

export interface QrPayload {
  /** The template's canonical `url|version`, or a kit sheet's own (census, directory, procedures). */
  t: string;
  p: string | null;
  d: string | null;
  u: string;
}

/** JSON with every non-ASCII character escaped (\u00e9): still the same JSON once parsed. */
export function qrPayloadText(payload: QrPayload): string {
  const ordered = { t: payload.t, p: payload.p, d: payload.d, u: payload.u };
  return JSON.stringify(ordered).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const payloadSchema = z.strictObject({
  t: z.string().regex(/^[^|]+\|[^|]+$/, 'must be url|version'),
  p: z.string().min(1).nullable(),
  d: z.string().min(1).nullable(),
  u: z.string().min(1),
});

/** A scanned code back into its fields; null when it is not one of ours. */
export function parseQrPayload(text: string): QrPayload | null {
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Kit sheets that are not forms still name what they are, with the same url|version shape, so
 * a scanned census page is recognised as a census page and never mistaken for a form.
 */
export const SHEET_CANONICALS = {
  census: 'https://releve.example/print/census|1',
  directory: 'https://releve.example/print/directory|1',
  procedures: 'https://releve.example/print/procedures|1',
  // A patient's pages made from what the HIS sent: the pre-filled MAR and the latest results.
  mar: 'https://releve.example/print/mar|1',
  results: 'https://releve.example/print/results|1',
  // A patient's nursing notes (transmissions), as they stood when printed.
  notes: 'https://releve.example/print/notes|1',
} as const;
export type WardSheetKind = keyof typeof SHEET_CANONICALS;
