// The export of a downtime episode as a FHIR R4 transaction Bundle, for the main record.
//
// Idempotent: every resource is created on condition that no resource holds its Relève
// identifier yet (ifNoneExist), and every Provenance is PUT under an id made from the resource's
// own key, so sending the same export twice creates nothing twice. The bundle holds no clock
// reading: the same data exports to the same bytes.
import type { Entry } from '../../entry';
import { projectAll, type DocState } from '../../project';
import type { PatientBody } from '../../schemas';
import type { QuestionnaireResponse } from '../../questionnaire/types';
import { indexLinks, realPatientOf, type LinkIndex } from '../patient-link';
import { transcriptionOf } from '../transcription';
import { templateName, worklistItems, type WorkItem } from '../worklist';
import { provenanceFor } from './provenance';
import {
  ippIdentifier, noteVersions, patientResource, questionnaireResponse, vitalObservations, type ExportStatus, type Resource,
} from './resources';
import { keyUrn, SYSTEMS, urn } from './systems';
import { vitalsRows } from './vitals';

export interface ExportRequest {
  downtimeId: string;
  unit?: string;
  patientId?: string;
}

export interface BundleEntry {
  fullUrl: string;
  resource: Resource;
  request: { method: 'POST' | 'PUT'; url: string; ifNoneExist?: string };
}

export interface ExportBundle {
  resourceType: 'Bundle';
  type: 'transaction';
  entry: BundleEntry[];
}

interface Ctx {
  docs: Map<string, DocState>;
  byId: Map<string, Entry>;
  links: LinkIndex;
  out: BundleEntry[];
  patients: Set<string>;
}

const conditional = (type: string, system: string, value: string) => ({ method: 'POST' as const, url: type, ifNoneExist: `identifier=${system}|${value}` });

/** FHIR ids: [A-Za-z0-9-.]{1,64}. Relève keys are UUIDs with short suffixes. */
const provenanceId = (key: string) => `rlv-${key}`.slice(0, 64);

function push(ctx: Ctx, fullUrl: string, resource: Resource, request: BundleEntry['request'], facts: Parameters<typeof provenanceFor>[1], key: string): void {
  ctx.out.push({ fullUrl, resource, request });
  const id = provenanceId(key);
  ctx.out.push({ fullUrl: keyUrn(`provenance/${key}`), resource: { ...provenanceFor(fullUrl, facts), id }, request: { method: 'PUT', url: `Provenance/${id}` } });
}

function factsOf(ctx: Ctx, doc: DocState, entryId: string, writtenUnder: string | null) {
  const entry = ctx.byId.get(entryId)!;
  const idx = doc.history.findIndex((v) => v.entryId === entryId);
  const replaced = doc.history.slice(0, Math.max(0, idx)).map((v) => ctx.byId.get(v.entryId)!);
  const retraction = doc.retractions[0] ? (ctx.byId.get(doc.retractions[0].entryId) ?? null) : null;
  return { entry, replaced, retraction, transcription: transcriptionOf(entry.body), writtenUnder };
}

function ensurePatient(ctx: Ctx, patientId: string): void {
  if (ctx.patients.has(patientId)) return;
  const doc = ctx.docs.get(patientId);
  if (!doc || doc.docType !== 'patient') return;
  ctx.patients.add(patientId);
  const real = realPatientOf(ctx.links, patientId);
  const body = (doc.body ?? doc.headVersions[0]!.body) as PatientBody;
  const id = ippIdentifier(body.ipp);
  const head = doc.heads[doc.heads.length - 1]!;
  push(ctx, urn(patientId), patientResource(body, real === patientId ? null : real), conditional('Patient', id.system, id.value), factsOf(ctx, doc, head, null), patientId);
  if (real !== patientId) ensurePatient(ctx, real);
}

function statusOf(doc: DocState): ExportStatus {
  return doc.retracted ? 'retracted' : doc.history.length > 1 ? 'amended' : 'current';
}

function exportItem(ctx: Ctx, item: WorkItem): void {
  const { doc } = item;
  if (item.patientId === null) return;
  ensurePatient(ctx, item.patientId);
  if (doc.docType === 'patient' || doc.docType === 'patient-link') return; // the Patient resources say it
  const subject = realPatientOf(ctx.links, item.patientId);
  ensurePatient(ctx, subject);
  const tmp = subject !== item.patientId ? ((ctx.docs.get(item.patientId)?.body as PatientBody | undefined)?.ipp ?? null) : null;
  const head = doc.heads[doc.heads.length - 1]!;
  if (doc.docType === 'note') {
    for (const { version, resource } of noteVersions(doc.docId, doc.history, subject, doc.retracted)) {
      push(ctx, urn(version.entryId), resource, conditional('DocumentReference', SYSTEMS.entry, version.entryId), factsOf(ctx, doc, version.entryId, tmp), version.entryId);
    }
    return;
  }
  if (doc.docType !== 'form') return;
  const body = (doc.body ?? doc.headVersions[doc.headVersions.length - 1]!.body) as QuestionnaireResponse;
  const facts = factsOf(ctx, doc, head, tmp);
  push(ctx, urn(doc.docId), questionnaireResponse(doc.docId, body, subject, statusOf(doc)), conditional('QuestionnaireResponse', SYSTEMS.document, doc.docId), facts, doc.docId);
  if (templateName(body.questionnaire) !== 'vital-signs') return;
  for (const { key, resource } of vitalObservations(doc.docId, vitalsRows(body.item), subject, statusOf(doc))) {
    push(ctx, keyUrn(key), resource, conditional('Observation', SYSTEMS.observation, key), facts, key);
  }
}

/** The whole export. `entries`: everything the requester may read; the episode picks what goes in. */
export function buildExportBundle(entries: readonly Entry[], req: ExportRequest): ExportBundle {
  const docs = projectAll(entries);
  const links = indexLinks([...docs.values()]);
  const ctx: Ctx = { docs, byId: new Map(entries.map((e) => [e.id, e])), links, out: [], patients: new Set() };
  const items = worklistItems(entries, { downtimeId: req.downtimeId }).filter(
    (i) =>
      (req.unit === undefined || i.unitCode === req.unit) &&
      (req.patientId === undefined || (i.patientId !== null && (i.patientId === req.patientId || realPatientOf(links, i.patientId) === req.patientId))),
  );
  for (const item of items) exportItem(ctx, item);
  return { resourceType: 'Bundle', type: 'transaction', entry: ctx.out };
}
