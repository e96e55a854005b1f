// The handover side of forms: the latest handover of each patient (its severity, open actions
// and when it was written), the ward's handover list in room order, and the receiving nurse's
// confirmation, which must come from someone other than the author.
import { useLiveQuery } from 'dexie-react-hooks';
import type { DocState } from '../../domain/project';
import type { PatientBody } from '../../domain/schemas';
import { unitScope } from '../../domain/scope';
import { InvalidEntryError } from '../db/append';
import { db } from '../db/schema';
import { annotateDoc } from './documents';
import { latestHandoversOfUnit, type LatestHandover } from './latest-handover';
import { requireSessionUser } from './session';
import { compareBeds, currentPatientBody } from './ward';

export interface HandoverRow {
  patientId: string;
  patient: PatientBody;
  handover: LatestHandover | null;
}

/** Every patient of the ward in room order, with their latest handover: three reads in all. */
export async function loadWardHandover(unitCode: string): Promise<HandoverRow[]> {
  const d = db();
  const handovers = await latestHandoversOfUnit(d, unitCode);
  const patients = await d.docs.where('[docType+scope]').equals(['patient', unitScope(unitCode)]).toArray();
  const rows: HandoverRow[] = [];
  for (const p of patients) {
    const patient = currentPatientBody(p);
    if (!patient || p.retracted) continue;
    rows.push({ patientId: p.docId, patient, handover: handovers.get(p.docId) ?? null });
  }
  return rows.sort((a, b) => compareBeds(a.patient, b.patient));
}

export function wardHandoverQuery(unitCode: string): () => Promise<HandoverRow[]> {
  return async () => structuredClone(await loadWardHandover(unitCode));
}

export function useWardHandover(unitCode: string): HandoverRow[] | undefined {
  return useLiveQuery(wardHandoverQuery(unitCode), [unitCode]);
}

/** Who wrote the version being confirmed, and who created the handover: neither may confirm it. */
export function handoverAuthors(doc: DocState): Set<string> {
  const creator = doc.history.find((v) => v.kind === 'create')?.author.userId;
  const current = doc.headVersions[0]?.author.userId;
  return new Set([creator, current].filter((x): x is string => !!x));
}

export async function confirmHandover(doc: DocState, synthesis: string): Promise<void> {
  const user = await requireSessionUser();
  if (handoverAuthors(doc).has(user.id)) throw new InvalidEntryError('the receiver’s synthesis must be written by another person than the handover’s author');
  await annotateDoc(doc, { role: 'receiver', synthesis });
}
