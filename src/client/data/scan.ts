// "Scanner une feuille": what a printed sheet's QR code names, looked up on this device. The code
// says template url|version, patient, form and ward (domain/print/qr-payload.ts); the answer is
// where the transcription goes, and whether this very sheet was already transcribed (by whom,
// when), so the same paper is never entered twice without the person knowing.
import type { DocState } from '../../domain/project';
import type { Questionnaire } from '../../domain/questionnaire';
import { parseQrPayload, SHEET_CANONICALS, type QrPayload } from '../../domain/print/qr-payload';
import { sameSheet, transcribedSheet, transcriptionOf, type Transcription } from '../../domain/recovery/transcription';
import type { PatientBody } from '../../domain/schemas';
import { db } from '../db/schema';
import { currentResponse } from './forms';
import { findTemplateByCanonical } from './templates';
import { currentPatientBody } from './ward';

interface AlreadyTranscribed {
  docId: string;
  patientId: string;
  by: string;
  at: string;
  paper: Transcription;
}

export type ScannedSheet =
  | { kind: 'not-ours' }
  /** A census, directory or procedures page: nothing to transcribe. */
  | { kind: 'not-a-form'; payload: QrPayload }
  | { kind: 'no-template'; payload: QrPayload }
  | { kind: 'no-patient'; payload: QrPayload }
  | {
      kind: 'form';
      text: string;
      payload: QrPayload;
      templateDocId: string;
      template: Questionnaire;
      /** Null for a blank sheet: the person chooses the patient (a temporary one among them). */
      patient: { patientId: string; body: PatientBody } | null;
      already: AlreadyTranscribed[];
    };

const KIT_SHEETS: readonly string[] = Object.values(SHEET_CANONICALS);

async function transcriptionsOf(payload: QrPayload): Promise<AlreadyTranscribed[]> {
  const forms: DocState[] = await db().docs.filter((d) => d.docType === 'form' && !d.retracted).toArray();
  return forms.flatMap((d) => {
    const body = currentResponse(d);
    const sheet = transcribedSheet(body);
    const paper = transcriptionOf(body);
    const first = d.history[0];
    if (!sheet || !paper || !first || !sameSheet(sheet, payload)) return [];
    return [{ docId: d.docId, patientId: d.patientId ?? '', by: first.author.name, at: first.createdAt, paper }];
  });
}

/** The scanned text, read against what this device holds. */
export async function readScannedSheet(text: string): Promise<ScannedSheet> {
  const payload = parseQrPayload(text);
  if (!payload) return { kind: 'not-ours' };
  if (KIT_SHEETS.includes(payload.t)) return { kind: 'not-a-form', payload };
  const template = await findTemplateByCanonical(payload.t);
  if (!template) return { kind: 'no-template', payload };
  let patient: { patientId: string; body: PatientBody } | null = null;
  if (payload.p !== null) {
    const row = await db().docs.get(payload.p);
    const body = currentPatientBody(row);
    if (!body) return { kind: 'no-patient', payload };
    patient = { patientId: payload.p, body };
  }
  return { kind: 'form', text, payload, templateDocId: template.docId, template: template.template, patient, already: await transcriptionsOf(payload) };
}
