// Filled forms (QuestionnaireResponse) of one patient. Every save is checked against the exact
// template version first, as the server will check it, so a problem shows in front of the nurse.
import { useLiveQuery } from 'dexie-react-hooks';
import {
  buildResponse, checkValues, describeProblems, responseProblems, type FormValues, type Questionnaire, type QuestionnaireResponse,
} from '../../domain/questionnaire';
import type { DocState } from '../../domain/project';
import { InvalidEntryError } from '../db/append';
import { db } from '../db/schema';
import { amendDoc, annotateDoc, createDoc, resolveDoc, retractDoc } from './documents';
import { entryIdsOf } from './notes';
import { requireSessionUser } from './session';
import { findTemplateByCanonical, type TemplateView } from './templates';

export interface FormView {
  doc: DocState;
  /** The current body, or the newest head's while conflicted (for the title and severity). */
  response: QuestionnaireResponse | null;
  /** The exact template version it was filled against; null if this tablet does not hold it. */
  template: TemplateView | null;
  pending: boolean;
  rejectedReason: string | null;
}

export function currentResponse(doc: DocState): QuestionnaireResponse | null {
  const body = doc.body ?? doc.headVersions[doc.headVersions.length - 1]?.body;
  return (body as QuestionnaireResponse | undefined) ?? null;
}

async function toView(doc: DocState): Promise<FormView> {
  const response = currentResponse(doc);
  const template = response ? ((await findTemplateByCanonical(response.questionnaire)) ?? null) : null;
  const marks = (await db().outbox.bulkGet(entryIdsOf(doc))).filter((m) => m !== undefined);
  const rejected = marks.find((m) => m.state === 'rejected');
  return { doc, response, template, pending: marks.some((m) => m.state === 'pending'), rejectedReason: rejected?.reason ?? null };
}

/** A patient's forms, newest first. */
export async function loadForms(patientId: string): Promise<FormView[]> {
  const docs = await db().docs.where('[patientKey+docType]').equals([patientId, 'form']).toArray();
  docs.sort((a, b) => (a.firstAt < b.firstAt ? 1 : a.firstAt > b.firstAt ? -1 : a.docId < b.docId ? 1 : -1));
  return Promise.all(docs.map(toView));
}

export function useForms(patientId: string): FormView[] | undefined {
  return useLiveQuery(() => loadForms(patientId), [patientId]);
}

export function useForm(docId: string): FormView | null | undefined {
  return useLiveQuery(async () => {
    const doc = await db().docs.get(docId);
    return doc && doc.docType === 'form' ? toView(doc) : null;
  }, [docId]);
}

/** The response a save would write, after the same checks the server makes. */
export async function responseToSave(template: Questionnaire, values: FormValues, patientId: string): Promise<QuestionnaireResponse> {
  const found = checkValues(template, values);
  if (found.length > 0) throw new InvalidEntryError(describeProblems(found));
  const user = await requireSessionUser();
  const response = buildResponse(template, values, { patientId, authored: new Date().toISOString(), authorName: user.name });
  const problems = responseProblems(template, response, { patientId });
  if (problems.length > 0) throw new InvalidEntryError(describeProblems(problems));
  return response;
}

export async function writeForm(patientId: string, template: Questionnaire, values: FormValues): Promise<string> {
  const patient = await db().docs.get(patientId);
  if (!patient || patient.docType !== 'patient') throw new Error('unknown patient');
  const { doc } = await createDoc('form', patient.scope, await responseToSave(template, values, patientId), patientId);
  return doc.docId;
}

export async function amendForm(doc: DocState, template: Questionnaire, values: FormValues): Promise<void> {
  await amendDoc(doc, await responseToSave(template, values, doc.patientId!));
}

export async function resolveForm(doc: DocState, template: Questionnaire, values: FormValues): Promise<void> {
  await resolveDoc(doc, await responseToSave(template, values, doc.patientId!));
}

export async function addFormAddendum(doc: DocState, text: string): Promise<void> {
  await annotateDoc(doc, { text });
}

export async function retractForm(doc: DocState, reason: string): Promise<void> {
  await retractDoc(doc, reason);
}
