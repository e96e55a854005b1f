// Nursing notes (transmissions ciblées) of one patient.
import { useLiveQuery } from 'dexie-react-hooks';
import type { DocState } from '../../domain/project';
import { docOf } from '../../domain/doc-bodies';
import { noteTargetsOf, type NoteBody } from '../../domain/schemas';
import { GLOBAL_SCOPE } from '../../domain/scope';
import { db } from '../db/schema';
import { createDoc, amendDoc, addAddendumTo, retractDoc, resolveDoc } from './documents';
import { patientWardScope } from './ward';

export interface NoteView {
  doc: DocState;
  /** Some entry of this note has not reached the server yet. */
  pending: boolean;
  rejectedReason: string | null;
}

export function entryIdsOf(doc: DocState): string[] {
  return [...doc.history, ...doc.addenda, ...doc.retractions].map((v) => v.entryId);
}

export async function loadNotes(patientId: string): Promise<NoteView[]> {
  const d = db();
  const docs = await d.docs.where('[patientKey+docType]').equals([patientId, 'note']).toArray();
  docs.sort((a, b) => (a.firstAt < b.firstAt ? -1 : a.firstAt > b.firstAt ? 1 : a.docId < b.docId ? -1 : 1));
  // One outbox read for every note of the patient: few awaits keep the live query tracked.
  const ids = docs.map(entryIdsOf);
  const marks = await d.outbox.bulkGet(ids.flat());
  const markOf = new Map(marks.filter((m) => m !== undefined).map((m) => [m.entryId, m]));
  const views: NoteView[] = docs.map((doc, i) => {
    const mine = ids[i]!.map((id) => markOf.get(id)).filter((m) => m !== undefined);
    const rejected = mine.find((m) => m.state === 'rejected');
    return { doc, pending: mine.some((m) => m.state === 'pending'), rejectedReason: rejected?.reason ?? null };
  });
  return views;
}

export function useNotes(patientId: string): NoteView[] | undefined {
  return useLiveQuery(() => loadNotes(patientId), [patientId]);
}

/** The quick picks of the note form: the frequent cibles of the patient's ward. */
export function useNoteTargets(patientId: string): readonly string[] | undefined {
  return useLiveQuery(async () => {
    const unitCode = docOf(await db().docs.get(patientId), 'patient')?.body?.unitCode;
    const units = await db().docs.where('[docType+scope]').equals(['unit', GLOBAL_SCOPE]).toArray();
    const unit = units.map((u) => docOf(u, 'unit')?.body).find((u) => u?.code === unitCode);
    return noteTargetsOf(unit ?? undefined);
  }, [patientId]);
}

export async function writeNote(patientId: string, body: NoteBody): Promise<void> {
  const patient = await db().docs.get(patientId);
  if (!patient || patient.docType !== 'patient') throw new Error('unknown patient');
  await createDoc('note', patientWardScope(patient), body, patientId);
}

/** `baseHeads`: the version the nurse started from (see amendDoc). */
export async function amendNote(docId: string, baseHeads: readonly string[], body: NoteBody): Promise<void> {
  await amendDoc(docId, baseHeads, body);
}

export async function addAddendum(doc: DocState, text: string): Promise<void> {
  await addAddendumTo(doc, text);
}

export async function retractNote(doc: DocState, reason: string): Promise<void> {
  await retractDoc(doc, reason);
}

export async function resolveNote(docId: string, baseHeads: readonly string[], body: NoteBody): Promise<void> {
  await resolveDoc(docId, baseHeads, body);
}
