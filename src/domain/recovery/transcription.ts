// A form transcribed from paper: the sheet's author and time as written on it travel in the
// QuestionnaireResponse as one FHIR extension; the entry's author is the person who typed it in.
// The sheet is named by its QR code's text, so a second scan of the same sheet can say it was
// already transcribed, by whom and when.
import { z } from 'zod';
import { FHIR_DATETIME } from '../questionnaire/convert';
import { parseQrPayload, type QrPayload } from '../print/qr-payload';
import { toEpisode, type DowntimeEpisode, type EpisodeDoc } from '../downtime/episode';
import { GLOBAL_SCOPE, unitOfScope } from '../scope';

const TRANSCRIPTION_URL = 'https://releve.example/fhir/StructureDefinition/paper-transcription';

export interface Transcription {
  /** Who wrote on the paper, as written (initials, a name). */
  paperAuthor: string;
  /** When it was written, as written: a FHIR dateTime. */
  paperTime: string;
  /** The text of the sheet's QR code. */
  sheet: string;
}

export interface TranscriptionExtension {
  url: typeof TRANSCRIPTION_URL;
  extension: [
    { url: 'paperAuthor'; valueString: string },
    { url: 'paperTime'; valueDateTime: string },
    { url: 'sheet'; valueString: string },
  ];
}

export const transcriptionExtension = z.strictObject({
  url: z.literal(TRANSCRIPTION_URL),
  extension: z.tuple([
    z.strictObject({ url: z.literal('paperAuthor'), valueString: z.string().trim().min(1, 'who wrote the sheet?').max(200) }),
    z.strictObject({ url: z.literal('paperTime'), valueDateTime: z.string().regex(FHIR_DATETIME, 'must be a FHIR dateTime') }),
    z.strictObject({ url: z.literal('sheet'), valueString: z.string().min(1).max(1000) }),
  ]),
});

export function transcriptionExtensionOf(t: Transcription): TranscriptionExtension {
  return {
    url: TRANSCRIPTION_URL,
    extension: [
      { url: 'paperAuthor', valueString: t.paperAuthor.trim() },
      { url: 'paperTime', valueDateTime: t.paperTime },
      { url: 'sheet', valueString: t.sheet },
    ],
  };
}

/** The transcription a form body records, or null for a form typed straight in. */
export function transcriptionOf(body: unknown): Transcription | null {
  const list = (body as { extension?: unknown } | null)?.extension;
  if (!Array.isArray(list)) return null;
  for (const ext of list) {
    const parsed = transcriptionExtension.safeParse(ext);
    if (parsed.success) {
      const [a, t, s] = parsed.data.extension;
      return { paperAuthor: a.valueString, paperTime: t.valueDateTime, sheet: s.valueString };
    }
  }
  return null;
}

/** Two scans name the same sheet when their codes name the same template, patient and form. */
export function sameSheet(a: QrPayload, b: QrPayload): boolean {
  return a.t === b.t && a.p === b.p && a.d === b.d;
}

export function transcribedSheet(body: unknown): QrPayload | null {
  const t = transcriptionOf(body);
  return t ? parseQrPayload(t.sheet) : null;
}

/**
 * The downtime episode a paper sheet was written in: one covering the form's ward (the ward's own
 * first, then hospital-wide) whose span holds the time written on the sheet. Its transcription
 * carries that episode, even when typed in after the episode ended, so the worklist and the
 * export of that episode include it. Null when the paper time falls in no episode.
 */
export function episodeOfPaper(docs: readonly EpisodeDoc[], scope: string, paperTime: string): string | null {
  const at = Date.parse(paperTime);
  const unit = unitOfScope(scope);
  const spans = docs
    .map(toEpisode)
    .filter((e): e is DowntimeEpisode => e !== null && !docs.find((d) => d.docId === e.docId)?.retracted)
    .filter((e) => (unit !== null && e.scope === scope) || e.scope === GLOBAL_SCOPE)
    .filter((e) => Date.parse(e.body.startedAt) <= at && (e.body.endedAt === undefined || at <= Date.parse(e.body.endedAt)));
  spans.sort((a, b) => (a.scope === b.scope ? (a.docId < b.docId ? -1 : 1) : a.scope === GLOBAL_SCOPE ? 1 : -1));
  return spans[0]?.docId ?? null;
}
