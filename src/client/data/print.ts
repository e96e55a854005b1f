// What the printed pages read, all from IndexedDB so that printing works with no network: a
// template with (optionally) a patient and a filled form, or a whole ward's downtime kit.
import { careAddenda } from '../../domain/recovery/back-entry';
import { useLiveQuery } from 'dexie-react-hooks';
import { episodeInForce } from '../../domain/downtime/episode';
import { appliesToUnit, pickTranslations } from '../../domain/downtime/library';
import {
  kitTemplates, latestForm, latestFormsByRole, PATIENT_ROLES, type PatientRole, type TemplateDoc, type TemplateRole,
} from '../../domain/print/kit-plan';
import type { Annotation, DocState } from '../../domain/project';
import { KIT_NOTES_HOURS, notesToPrint, type PrintedNote } from '../../domain/print/notes-sheet';
import { canonicalOf, type Questionnaire, type QuestionnaireResponse, type Severity } from '../../domain/questionnaire';
import type { PatientBody } from '../../domain/schemas';
import { bodyOf, docOf, type DocBodies } from '../../domain/doc-bodies';
import type { ContactBody } from '../../domain/schemas/contact';
import type { ProcedureBody } from '../../domain/schemas/procedure';
import { GLOBAL_SCOPE, unitScope } from '../../domain/scope';
import { getMeta } from '../db/meta';
import { db } from '../db/schema';
import { withAppendedRows } from '../../domain/flowsheet/rows';
import { currentResponse } from './forms';
import { latestVersions, loadTemplates } from './templates';
import { currentPatientBody, loadWard, type UnitInfo } from './ward';
import { loadPatientHisData, type PatientHisData } from './his';

/** A filled form as paper shows it: its current version, and whether that version is in doubt. */
export interface PrintableForm {
  docId: string;
  templateId: string;
  response: QuestionnaireResponse;
  /** How many concurrent versions exist (more than 1: conflicted, the newest is printed). */
  heads: number;
  retracted: boolean;
  version: number;
  writtenBy: string;
  writtenAt: string;
  addenda: Annotation[];
}

export interface PrintPatient {
  patientId: string;
  patient: PatientBody;
}

/** What every printed page of a ward says about the data behind it. */
export interface PrintFacts {
  unit: UnitInfo;
  /** The last pull from the server: the census, forms and directory are as fresh as that. */
  asOf: string | null;
  /** A drill episode is in force for the ward: every page says EXERCICE. */
  drill: boolean;
}

async function unitInfo(code: string): Promise<UnitInfo> {
  const units = await db().docs.where('[docType+scope]').equals(['unit', GLOBAL_SCOPE]).toArray();
  const body = units.map((u) => docOf(u, 'unit')?.body).find((b) => b?.code === code);
  return { code, name: body?.name ?? code };
}

async function printFacts(unitCode: string): Promise<PrintFacts> {
  const d = db();
  const episodes = await d.docs.where('[docType+scope]').anyOf([['downtime', GLOBAL_SCOPE], ['downtime', unitScope(unitCode)]]).toArray();
  return {
    unit: await unitInfo(unitCode),
    asOf: (await getMeta(d, 'lastPullAt')) ?? null,
    drill: episodeInForce(episodes, unitScope(unitCode))?.body.drill === true,
  };
}

function printable(doc: DocState, templateId: string): PrintableForm | null {
  const current = currentResponse(doc);
  if (!current) return null;
  // Paper shows the rounds added since, in observation order, as the screen does.
  const response = withAppendedRows(current, doc);
  const shown = doc.headVersions[doc.headVersions.length - 1];
  return {
    docId: doc.docId,
    templateId,
    response,
    heads: doc.heads.length,
    retracted: doc.retracted,
    version: doc.history.length,
    writtenBy: shown?.author.name ?? '',
    writtenAt: shown?.createdAt ?? doc.lastAt,
    addenda: careAddenda(doc),
  };
}

function templateDocs(views: Awaited<ReturnType<typeof loadTemplates>>): TemplateDoc[] {
  return views.filter((v) => !v.retracted).map((v) => ({ docId: v.docId, body: v.template }));
}

// ---- One form ----------------------------------------------------------------------------

export type PrintFormProblem = 'template' | 'patient' | 'form' | 'formPatient' | 'formTemplate';

export interface PrintFormData {
  templateId: string;
  template: Questionnaire;
  patient: PrintPatient | null;
  form: PrintableForm | null;
  /** Null for a blank form with no patient: the ward is the signed-in person's. */
  facts: PrintFacts | null;
}

async function loadPrintForm(
  templateId: string,
  patientId: string | null,
  formId: string | null,
  fallbackUnit: string | null,
): Promise<PrintFormData | { problem: PrintFormProblem }> {
  const d = db();
  const t = await d.docs.get(templateId);
  const template = bodyOf(t, 'template');
  if (!template) return { problem: 'template' };
  let patient: PrintPatient | null = null;
  if (patientId) {
    const p = await d.docs.get(patientId);
    const body = currentPatientBody(p);
    if (!body) return { problem: 'patient' };
    patient = { patientId, patient: body };
  }
  let form: PrintableForm | null = null;
  if (formId) {
    const f = await d.docs.get(formId);
    form = f?.docType === 'form' ? printable(f, templateId) : null;
    if (!form) return { problem: 'form' };
    if (form.response.questionnaire !== canonicalOf(template)) return { problem: 'formTemplate' };
    if (!patient || f!.patientId !== patient.patientId) return { problem: 'formPatient' };
  }
  const unit = patient?.patient.unitCode ?? fallbackUnit;
  return { templateId, template, patient, form, facts: unit ? await printFacts(unit) : null };
}

export function usePrintForm(templateId: string, patientId: string | null, formId: string | null, fallbackUnit: string | null) {
  const key = [templateId, patientId, formId, fallbackUnit].join('|');
  const got = useLiveQuery(
    async () => ({ key, result: await loadPrintForm(templateId, patientId, formId, fallbackUnit) }),
    [templateId, patientId, formId, fallbackUnit],
  );
  // A live query answers with its previous result while the new one runs: never print the
  // previous form (or patient) under the new address.
  return got?.key === key ? got.result : undefined;
}

/** Reference documents (contacts, procedures) as shown: the current body, or the newest head. */
async function referenceBodies<K extends 'contact' | 'procedure'>(docType: K): Promise<{ docId: string; body: DocBodies[K] }[]> {
  const rows = await db().docs.where('[docType+scope]').equals([docType, GLOBAL_SCOPE]).toArray();
  return rows.flatMap((d) => {
    const body = bodyOf(d, docType);
    return body && !d.retracted ? [{ docId: d.docId, body }] : [];
  });
}

// ---- The ward's kit ----------------------------------------------------------------------

export interface KitPatient extends PrintPatient {
  severity: Severity | null;
  /** The latest form of each role the kit prints for every patient, when there is one. */
  forms: Partial<Record<PatientRole, PrintableForm>>;
  /** Her prescriptions and latest results from the HIS: the pre-filled MAR and the results page. */
  his: PatientHisData;
  /** Her nursing notes of the last 72 h. */
  notes: PrintedNote[];
}

export interface KitData {
  facts: PrintFacts;
  patients: KitPatient[];
  /** Every template the kit may print, by docId. */
  templates: Map<string, Questionnaire>;
  /** The ward's template for each role (the newest active version). */
  roles: Partial<Record<TemplateRole, string>>;
  contacts: ContactBody[];
  procedures: ProcedureBody[];
}

async function loadKit(unitCode: string, lang: 'fr' | 'en'): Promise<KitData> {
  const d = db();
  const templates = templateDocs(await loadTemplates());
  const byCanonical = new Map(templates.map((t) => [canonicalOf(t.body), t.docId]));
  const roles = Object.fromEntries(Object.entries(kitTemplates(templates)).map(([role, t]) => [role, t.docId])) as KitData['roles'];
  const ward = await loadWard(unitCode);
  const patients: KitPatient[] = [];
  for (const row of ward) {
    const docs = (await d.docs.where('[patientKey+docType]').equals([row.patientId, 'form']).toArray()).filter((f) => !f.retracted);
    const candidates = docs.flatMap((doc) => {
      const response = currentResponse(doc);
      const templateId = response ? byCanonical.get(response.questionnaire) : undefined;
      return response && templateId ? [{ docId: doc.docId, body: response, doc, templateId }] : [];
    });
    const latest = latestFormsByRole(candidates, templates);
    const forms: KitPatient['forms'] = {};
    for (const role of PATIENT_ROLES) {
      const f = latest[role];
      const p = f ? printable(f.doc, f.templateId) : null;
      if (p) forms[role] = p;
    }
    const notes = notesToPrint(await noteDocs(row.patientId), new Date(Date.now() - KIT_NOTES_HOURS * 3_600_000));
    patients.push({ patientId: row.patientId, patient: row.patient, severity: row.severity ?? null, forms, his: await loadPatientHisData(row.patientId), notes });
  }
  const contacts = (await referenceBodies('contact')).map((c) => c.body);
  const procedures = pickTranslations(await referenceBodies('procedure'), lang)
    .filter((p) => appliesToUnit(p.body, unitCode))
    .map((p) => p.body)
    .sort((a, b) => (a.code ?? a.title).localeCompare(b.code ?? b.title, 'fr', { numeric: true }));
  return {
    facts: await printFacts(unitCode),
    patients,
    templates: new Map(templates.map((t) => [t.docId, t.body])),
    roles,
    contacts,
    procedures,
  };
}

export function useKit(unitCode: string, lang: 'fr' | 'en'): KitData | undefined {
  const key = `${unitCode}|${lang}`;
  const got = useLiveQuery(async () => ({ key, kit: await loadKit(unitCode, lang) }), [unitCode, lang]);
  // As above: another ward's (or language's) kit is never shown under this address.
  return got?.key === key ? got.kit : undefined;
}

// ---- Where the "Print" buttons lead ------------------------------------------------------

export interface PrintChoice {
  templateId: string;
  template: Questionnaire;
  /** The patient's latest form of this template (any version), printed as it stands; else blank. */
  formId: string | null;
}

/** One choice per current template: the patient's latest form of it, or the blank template. */
async function loadPatientPrintChoices(patientId: string): Promise<PrintChoice[]> {
  const all = await loadTemplates();
  const byCanonical = new Map(all.map((v) => [v.canonical, v]));
  const forms = (await db().docs.where('[patientKey+docType]').equals([patientId, 'form']).toArray()).filter((f) => !f.retracted);
  const filled = forms.flatMap((doc) => {
    const response = currentResponse(doc);
    const view = response ? byCanonical.get(response.questionnaire) : undefined;
    return response && view ? [{ docId: doc.docId, body: response, view }] : [];
  });
  return latestVersions(all).map((t) => {
    const latest = latestForm(filled.filter((f) => f.view.template.url === t.template.url));
    return latest
      ? { templateId: latest.view.docId, template: latest.view.template, formId: latest.docId }
      : { templateId: t.docId, template: t.template, formId: null };
  });
}

export function usePatientPrintChoices(patientId: string): PrintChoice[] | undefined {
  return useLiveQuery(() => loadPatientPrintChoices(patientId), [patientId]);
}

/** The print address of a filled form: its exact template version and its patient. */
export function useFormPrintTarget(formId: string | null): { templateId: string; patientId: string } | null | undefined {
  return useLiveQuery(async () => {
    if (!formId) return null;
    const doc = await db().docs.get(formId);
    const response = doc?.docType === 'form' ? currentResponse(doc) : null;
    const template = response ? (await loadTemplates()).find((v) => v.canonical === response.questionnaire) : undefined;
    return template && doc?.patientId ? { templateId: template.docId, patientId: doc.patientId } : null;
  }, [formId]);
}

// ---- A patient's pages from the HIS (pre-filled MAR, latest results) -----------------------

export interface PrintPatientHis {
  patient: PrintPatient;
  facts: PrintFacts;
  his: PatientHisData;
  /** Every nursing note of hers ("Imprimer les transmissions"). */
  notes: PrintedNote[];
}

const noteDocs = (patientId: string) => db().docs.where('[patientKey+docType]').equals([patientId, 'note']).toArray();

async function loadPrintPatientHis(patientId: string): Promise<PrintPatientHis | null> {
  const p = await db().docs.get(patientId);
  const body = currentPatientBody(p);
  if (!body) return null;
  const notes = notesToPrint(await noteDocs(patientId));
  return { patient: { patientId, patient: body }, facts: await printFacts(body.unitCode), his: await loadPatientHisData(patientId), notes };
}

export function usePrintPatientHis(patientId: string): PrintPatientHis | null | undefined {
  const got = useLiveQuery(async () => ({ patientId, data: await loadPrintPatientHis(patientId) }), [patientId]);
  return got?.patientId === patientId ? got.data : undefined;
}
