// The handover side of forms: the latest handover of each patient (its severity, open actions
// and when it was written), the ward's handover list in room order, and the receiving nurse's
// confirmation, which must come from someone other than the author.
import { useLiveQuery } from 'dexie-react-hooks';
import type { DocState } from '../../domain/project';
import { InvalidEntryError } from '../db/append';
import { db } from '../db/schema';
import { annotateDoc } from './documents';
import { handoverCanonicals, latestHandover, type LatestHandover } from './latest-handover';
import { requireSessionUser } from './session';
import { loadWard, type WardRow } from './ward';

export interface HandoverRow extends WardRow {
  handover: LatestHandover | null;
}

export async function loadWardHandover(unitCode: string): Promise<HandoverRow[]> {
  const d = db();
  const canonicals = await handoverCanonicals();
  const rows = await loadWard(unitCode);
  return Promise.all(rows.map(async (r) => ({ ...r, handover: await latestHandover(d, r.patientId, canonicals) })));
}

export function useWardHandover(unitCode: string): HandoverRow[] | undefined {
  return useLiveQuery(() => loadWardHandover(unitCode), [unitCode]);
}

export function useLatestHandover(patientId: string): LatestHandover | null | undefined {
  return useLiveQuery(() => latestHandover(db(), patientId), [patientId]);
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
