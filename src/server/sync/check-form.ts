// The checks of templates and filled forms that need other documents, run inside the write
// transaction (so a template pushed earlier in the same batch counts):
// - a filled form must fit the exact template version it names, and that version must exist;
// - a receiver's synthesis must come from someone other than the handover's author;
// - a template's url|version is taken once: a new version is a new version number.
// A calculation that reads %patient is recomputed with the patient the server holds, built into
// a FHIR Patient by the same function the tablet uses (launchPatient).
import type { Kysely } from 'kysely';
import type { Entry } from '../../domain/entry';
import {
  canonicalOf, describeProblems, loadFormsEngine, needsEngine, patientEnv, responseProblems, usesPatient, type Env, type FormProblem,
  type LaunchPatientFields, type Questionnaire,
} from '../../domain/questionnaire';
import { isReceiverSynthesis } from '../../domain/schemas/form';
import { entriesOfDoc } from '../store/entries';
import { isFlowsheetRow, rowTemplate, type FlowsheetRowBody } from '../../domain/flowsheet/row-body';
import type { ReleveDatabase } from '../store/schema';

type Db = Kysely<ReleveDatabase>;

/** Every template version the server holds, by url|version. A few dozen: read them all. */
async function findTemplate(db: Db, canonical: string): Promise<{ docId: string; body: Questionnaire } | undefined> {
  const rows = await db.selectFrom('entries').select(['doc_id', 'json']).where('doc_type', '=', 'template').where('kind', '=', 'create').execute();
  for (const row of rows) {
    const body = (JSON.parse(row.json) as Entry).body as Questionnaire;
    if (canonicalOf(body) === canonical) return { docId: row.doc_id, body };
  }
  return undefined;
}

/**
 * The problems with %patient set to the patient's newest version; a tablet that had not yet
 * received an identity fix computed with an older version, which is accepted too (the form was
 * right for the patient as that nurse saw her), never a version the patient never had.
 */
async function checkWithPatient(db: Db, patientId: string, check: (env: Env) => FormProblem[]): Promise<FormProblem[]> {
  const versions = (await entriesOfDoc(db, patientId))
    .filter((x) => x.docType === 'patient' && (x.kind === 'create' || x.kind === 'amend' || x.kind === 'resolve'))
    .reverse();
  if (versions.length === 0) return check({});
  let first: FormProblem[] | null = null;
  for (const v of versions) {
    const problems = check(patientEnv(patientId, v.body as LaunchPatientFields));
    if (problems.length === 0) return problems;
    first ??= problems;
  }
  return first!;
}

export async function formProblem(db: Db, e: Entry): Promise<string | null> {
  if (e.docType === 'template' && e.kind === 'create') {
    const canonical = canonicalOf(e.body as Questionnaire);
    return (await findTemplate(db, canonical)) ? `template ${canonical} already exists: import it as a new version` : null;
  }
  if (e.docType !== 'form') return null;
  if (e.kind !== 'retract' && isFlowsheetRow(e.body)) return flowsheetRowProblem(db, e, e.body);
  if (e.kind === 'create' || e.kind === 'amend' || e.kind === 'resolve') {
    const canonical = String((e.body as { questionnaire?: unknown }).questionnaire);
    const template = await findTemplate(db, canonical);
    if (!template) return `unknown template version ${canonical}`;
    // Calculated values are recomputed here with the same engine the tablet ran.
    const engine = needsEngine(template.body) ? { engine: await loadFormsEngine() } : {};
    const check = (env?: Env) =>
      responseProblems(template.body, e.body, { ...(e.patientId ? { patientId: e.patientId } : {}), ...engine, ...(env ? { env } : {}) });
    const problems = usesPatient(template.body) && e.patientId ? await checkWithPatient(db, e.patientId, check) : check();
    return problems.length > 0 ? `the form does not fit template ${canonical}: ${describeProblems(problems)}` : null;
  }
  if (e.kind === 'addendum' && isReceiverSynthesis(e.body)) {
    const entries = await entriesOfDoc(db, e.docId);
    const authors = new Set(entries.filter((x) => x.kind === 'create' || x.id === e.parents[0]).map((x) => x.author.userId));
    if (authors.has(e.author.userId)) return 'the receiver’s synthesis must be written by another person than the handover’s author';
  }
  return null;
}

/**
 * A round appended to a form: one row of one of the form's repeating groups, of the form's own
 * template version, within the template's limits; added to a version of the form, or correcting
 * (amend, resolve) versions of one row.
 */
async function flowsheetRowProblem(db: Db, e: Entry, body: FlowsheetRowBody): Promise<string | null> {
  const entries = await entriesOfDoc(db, e.docId);
  const canonical = String((entries.find((x) => x.kind === 'create')?.body as { questionnaire?: unknown } | undefined)?.questionnaire);
  if (body.flowsheetRow.questionnaire !== canonical) return `a row of this form is filled against its template ${canonical}`;
  const template = await findTemplate(db, canonical);
  if (!template) return `unknown template version ${canonical}`;
  const linkId = body.flowsheetRow.item?.[0]?.linkId ?? '';
  const cut = rowTemplate(template.body, linkId);
  if (!cut) return `${linkId} is not a table of template ${canonical} that rounds are added to`;
  const parents = entries.filter((x) => e.parents.includes(x.id));
  const rowParent = (x: Entry) => isFlowsheetRow(x.body) && x.kind !== 'retract' && (x.body as FlowsheetRowBody).flowsheetRow.item?.[0]?.linkId === linkId;
  if (e.kind === 'addendum' && parents.some((x) => isFlowsheetRow(x.body) || x.kind === 'retract')) return 'a new row is added to a version of the form';
  if (e.kind !== 'addendum' && !parents.every(rowParent)) return 'a row is corrected by naming versions of that same row';
  const engine = needsEngine(cut) ? { engine: await loadFormsEngine() } : {};
  const problems = responseProblems(cut, body.flowsheetRow, { ...(e.patientId ? { patientId: e.patientId } : {}), ...engine });
  return problems.length > 0 ? `the row does not fit template ${canonical}: ${describeProblems(problems)}` : null;
}
