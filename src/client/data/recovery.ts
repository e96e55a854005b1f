// The back-entry worklist on this device: the episodes it holds, the documents written or changed
// during one, their back-entry status, and marking them (typed addenda, through the one write
// path, so two people on two tablets never conflict). The FHIR export is the server's.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Entry } from '../../domain/entry';
import { bodyOf } from '../../domain/doc-bodies';
import type { DocState } from '../../domain/project';
import { backEntryState, markBody, type BackEntryStatus } from '../../domain/recovery/back-entry';
import { indexLinks, realPatientOf } from '../../domain/recovery/patient-link';
import { worklistItems, type WorkItem } from '../../domain/recovery/worklist';
import type { DowntimeBody } from '../../domain/schemas/downtime';
import type { Questionnaire } from '../../domain/questionnaire';
import { currentSession } from '../db/meta';
import { db } from '../db/schema';
import { annotateDoc } from './documents';
import { loadTemplates } from './templates';

export interface RecoveryEpisode {
  docId: string;
  unitCode: string | null;
  body: DowntimeBody;
}

/** Every downtime episode this device holds, newest first. */
export function useRecoveryEpisodes(): RecoveryEpisode[] | undefined {
  return useLiveQuery(async () => {
    const docs = await db().docs.filter((d) => d.docType === 'downtime').toArray();
    return docs
      .flatMap((d) => {
        const body = bodyOf(d, 'downtime');
        return body ? [{ docId: d.docId, body, unitCode: body.unitCode ?? null }] : [];
      })
      .sort((a, b) => Date.parse(b.body.startedAt) - Date.parse(a.body.startedAt));
  }, []);
}

export interface PatientLabel {
  name: string;
  birthDate: string;
  ipp: string;
}

export interface WorklistView {
  items: WorkItem[];
  patients: Map<string, PatientLabel>;
  /** Documents written under a temporary number now linked: patientId -> the real patient's id. */
  realOf: Map<string, string>;
  /** The templates held, by canonical url|version, for the forms' titles. */
  templates: Map<string, Questionnaire>;
}

async function loadWorklist(downtimeId: string): Promise<WorklistView> {
  const d = db();
  // Entries carry their episode; a full scan is fine for the recovery PC, and needs no new index.
  const touched = await d.entries.filter((e) => e.downtimeId === downtimeId).toArray();
  const docIds = [...new Set(touched.map((e) => e.docId))];
  const entries: Entry[] = await d.entries.where('docId').anyOf(docIds).toArray();
  const items = worklistItems(entries, { downtimeId });
  const patientDocs = await d.docs.filter((x) => x.docType === 'patient').toArray();
  const links = indexLinks(await d.docs.filter((x) => x.docType === 'patient-link').toArray());
  const patients = new Map<string, PatientLabel>();
  for (const p of patientDocs) {
    const b = bodyOf(p, 'patient');
    if (b) patients.set(p.docId, { name: `${b.lastName.toUpperCase()} ${b.firstName}`, birthDate: b.birthDate, ipp: b.ipp });
  }
  const realOf = new Map<string, string>();
  for (const i of items) if (i.patientId && realPatientOf(links, i.patientId) !== i.patientId) realOf.set(i.patientId, realPatientOf(links, i.patientId));
  const templates = new Map((await loadTemplates()).map((v) => [v.canonical, v.template]));
  return { items, patients, realOf, templates };
}

export function useWorklist(downtimeId: string): WorklistView | undefined {
  return useLiveQuery(async () => structuredClone(await loadWorklist(downtimeId)), [downtimeId]);
}

/** Marks a document: ressaisi (with the main record's reference), sans objet (with a reason) or back to à ressaisir. */
export async function markBackEntry(doc: DocState, status: BackEntryStatus, detail: { reference?: string; reason?: string } = {}): Promise<void> {
  await annotateDoc(doc, markBody(backEntryState(doc), status, detail));
}

/** Downloads the episode's FHIR export from the server as a file (online only). */
export async function downloadExport(downtimeId: string, unit?: string): Promise<void> {
  const session = await currentSession(db());
  const query = new URLSearchParams({ downtime: downtimeId, ...(unit ? { unit } : {}) });
  const res = await fetch(`/api/recovery/export?${query.toString()}`, { headers: { authorization: `Bearer ${session?.token ?? ''}` }, cache: 'no-store' });
  if (!res.ok) throw new Error(`export: HTTP ${res.status}`);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `releve-export-${downtimeId}${unit ? `-${unit}` : ''}.json`;
  a.click();
  URL.revokeObjectURL(url);
}
