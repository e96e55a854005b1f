// Filled forms (QuestionnaireResponse) of one patient. Every save is checked against the exact
// template version first, as the server will check it, so a problem shows in front of the nurse.
import { useLiveQuery } from 'dexie-react-hooks';
import {
  buildResponse, checkForm, computeIfNeeded, describeProblems, loadFormsEngine, needsEngine, patientEnv, responseProblems, type Env,
  type FormValues, type Questionnaire, type QuestionnaireResponse,
} from '../../domain/questionnaire';
import { bodyOf, currentBody, docOf, type DocOf } from '../../domain/doc-bodies';
import type { DocState } from '../../domain/project';
import { episodeOfPaper, transcriptionExtensionOf, type Transcription } from '../../domain/recovery/transcription';
import { InvalidEntryError } from '../db/append';
import { db } from '../db/schema';
import { amendDoc, createDoc, heldDoc, resolveDoc } from './documents';
import { entryIdsOf } from './notes';
import { requireSessionUser } from './session';
import { loadTemplates, type TemplateView } from './templates';
import { patientWardScope } from './ward';

export interface FormView {
  doc: DocOf<'form'>;
  /** The current body, or the newest head's while conflicted (for the title and severity). */
  response: QuestionnaireResponse | null;
  /** The exact template version it was filled against; null if this tablet does not hold it. */
  template: TemplateView | null;
  pending: boolean;
  rejectedReason: string | null;
}

/** A form's response as it stands, or the newest head's while conflicted; null for another docType. */
export function currentResponse(doc: DocState | null | undefined): QuestionnaireResponse | null {
  return bodyOf(doc, 'form');
}

/** Views of some forms, with few reads (see latest-handover.ts on live queries and awaits). */
async function toViews(rows: readonly DocState[]): Promise<FormView[]> {
  const docs = rows.flatMap((row) => docOf(row, 'form') ?? []);
  const templates = await loadTemplates();
  const marks = await db().outbox.bulkGet(docs.flatMap(entryIdsOf));
  const byEntry = new Map(marks.filter((m) => m !== undefined).map((m) => [m.entryId, m]));
  return docs.map((doc) => {
    const response = currentBody(doc);
    const mine = entryIdsOf(doc).flatMap((id) => (byEntry.has(id) ? [byEntry.get(id)!] : []));
    return {
      doc,
      response,
      template: (response && templates.find((v) => v.canonical === response.questionnaire)) || null,
      pending: mine.some((m) => m.state === 'pending'),
      rejectedReason: mine.find((m) => m.state === 'rejected')?.reason ?? null,
    };
  });
}

/** A patient's forms, newest first. */
export async function loadForms(patientId: string): Promise<FormView[]> {
  const docs = await db().docs.where('[patientKey+docType]').equals([patientId, 'form']).toArray();
  docs.sort((a, b) => (a.firstAt < b.firstAt ? 1 : a.firstAt > b.firstAt ? -1 : a.docId < b.docId ? 1 : -1));
  return toViews(docs);
}

export function useForms(patientId: string): FormView[] | undefined {
  return useLiveQuery(async () => structuredClone(await loadForms(patientId)), [patientId]);
}

export function useForm(docId: string): FormView | null | undefined {
  return useLiveQuery(async () => {
    const doc = docOf(await db().docs.get(docId), 'form');
    return doc ? structuredClone((await toViews([doc]))[0]!) : null;
  }, [docId]);
}

/** %patient for the form's expressions: the patient as this tablet holds her now. */
async function launchEnv(patientId: string): Promise<Env | undefined> {
  const body = bodyOf(await db().docs.get(patientId), 'patient');
  return body ? patientEnv(patientId, body) : undefined;
}

/** The response a save would write, after the same checks the server makes. */
export async function responseToSave(template: Questionnaire, values: FormValues, patientId: string): Promise<QuestionnaireResponse> {
  const env = needsEngine(template) ? await launchEnv(patientId) : undefined;
  const engine = needsEngine(template) ? { engine: await loadFormsEngine(), ...(env ? { env } : {}) } : {};
  // Calculated values are recomputed here, whatever the screen showed, as the server will.
  const computed = computeIfNeeded(template, values, engine);
  const final = computed?.values ?? values;
  const found = checkForm(template, final, engine);
  if (found.length > 0) throw new InvalidEntryError(describeProblems(found));
  const user = await requireSessionUser();
  const response = buildResponse(template, final, {
    patientId, authored: new Date().toISOString(), authorName: user.name, ...(computed ? { expressionEnabled: computed.expressionEnabled } : {}),
  });
  const problems = responseProblems(template, response, { patientId, ...engine });
  if (problems.length > 0) throw new InvalidEntryError(describeProblems(problems));
  return response;
}

/** A new form; `paper`: transcribed from a printed sheet (its author and time as written on it). */
export async function writeForm(patientId: string, template: Questionnaire, values: FormValues, paper?: Transcription): Promise<string> {
  const patient = await db().docs.get(patientId);
  if (!patient || patient.docType !== 'patient') throw new Error('unknown patient');
  const response = await responseToSave(template, values, patientId);
  const body = paper ? { ...response, extension: [transcriptionExtensionOf(paper)] } : response;
  const scope = patientWardScope(patient);
  const episode = paper ? episodeOfPaper(await db().docs.filter((d) => d.docType === 'downtime').toArray(), scope, paper.paperTime) : null;
  const { doc } = await createDoc('form', scope, body, patientId, episode ?? undefined);
  return doc.docId;
}

async function newVersionOf(docId: string, template: Questionnaire, values: FormValues): Promise<QuestionnaireResponse> {
  const { patientId } = await heldDoc(docId);
  if (!patientId) throw new Error('a form belongs to a patient');
  return responseToSave(template, values, patientId);
}

/** `baseHeads`: the version the nurse started from (see amendDoc). */
export async function amendForm(docId: string, baseHeads: readonly string[], template: Questionnaire, values: FormValues): Promise<void> {
  await amendDoc(docId, baseHeads, await newVersionOf(docId, template, values));
}

export async function resolveForm(docId: string, baseHeads: readonly string[], template: Questionnaire, values: FormValues): Promise<void> {
  await resolveDoc(docId, baseHeads, await newVersionOf(docId, template, values));
}
