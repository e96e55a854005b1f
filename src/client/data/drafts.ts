// Half-typed work is autosaved per keystroke (debounced by the caller) so that a crash, a
// flat battery or an app update loses nothing.
//
// A draft key names what the draft is about: `<type>:<action>:` then the ids of the patient or
// of the document being edited (or a ward code), e.g. `note:new:<patientId>`,
// `note:amend:<noteId>`, `admission:new:<unit>:<templateId>`. listDrafts reads them back to find
// the patient or the ward, so a forgotten draft can be found from the sync screen.
import { useLiveQuery } from 'dexie-react-hooks';
import type { PatientBody } from '../../domain/schemas';
import { db, type DocRow, type ReleveDb } from '../db/schema';
import { asStorageError } from '../db/storage-full';
import { useSession } from './session';

export async function saveDraft(key: string, value: unknown): Promise<void> {
  try {
    await db().drafts.put({ key, value, updatedAt: new Date().toISOString() });
  } catch (err) {
    throw asStorageError(err);
  }
}

export async function clearDraft(key: string): Promise<void> {
  await db().drafts.delete(key);
}

export function useDraft<T>(key: string): { value: T | undefined; loaded: boolean } {
  const row = useLiveQuery(async () => (await db().drafts.get(key)) ?? null, [key]);
  return { value: (row?.value as T | undefined) ?? undefined, loaded: row !== undefined };
}

/** How many drafts the tablet holds; undefined until known. */
export function useDraftCount(): number | undefined {
  return useLiveQuery(() => db().drafts.count(), []);
}

/** True while any draft exists: the update gate refuses to reload then. */
export function useAnyDirtyDraft(): boolean {
  return (useDraftCount() ?? 0) > 0;
}

/** Read at the moment of a reload, not from a rendered value: another tab may have just typed. */
export async function hasNoDraft(): Promise<boolean> {
  return (await db().drafts.count()) === 0;
}

/** A draft on this tablet, as the "drafts in progress" list shows it. */
export interface DraftSummary {
  key: string;
  updatedAt: string;
  /** What it is: the key's first two parts, e.g. 'note:new', 'form:amend'. */
  kind: string;
  /** The patient it is about, when the key names one that is on this tablet. */
  patientId: string | null;
  /** Their identity, only when the patient is in one of the reader's wards. */
  patient: PatientBody | null;
  /** The patient's ward (or the ward the key names): another ward's patient is not named. */
  unitCode: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UNIT_CODE = /^[A-Z][A-Z0-9_-]{0,19}$/;

function patientBodyOf(p: DocRow): PatientBody | null {
  const body = p.body ?? p.headVersions[p.headVersions.length - 1]?.body;
  return (body as PatientBody | undefined) ?? null;
}

async function patientOf(d: ReleveDb, ids: string[]): Promise<DocRow | null> {
  for (const id of ids) {
    const doc = await d.docs.get(id);
    if (!doc) continue;
    if (doc.docType === 'patient') return doc;
    if (doc.patientId) return (await d.docs.get(doc.patientId)) ?? null;
  }
  return null;
}

/**
 * Every draft on the tablet, newest first. Drafts belong to the tablet, not to a person: one
 * left by the previous shift still blocks an update, so it is listed, but a patient outside the
 * reader's wards is only named by ward.
 */
export async function listDrafts(d: ReleveDb, readerUnits: readonly string[]): Promise<DraftSummary[]> {
  const rows = await d.drafts.toArray();
  const out: DraftSummary[] = [];
  for (const row of rows) {
    const parts = row.key.split(':');
    const kind = parts.slice(0, 2).join(':');
    const rest = parts.slice(2);
    const p = await patientOf(d, rest.filter((x) => UUID.test(x)));
    const body = p ? patientBodyOf(p) : null;
    const unitCode = body?.unitCode ?? rest.find((x) => UNIT_CODE.test(x)) ?? null;
    const readable = unitCode !== null && readerUnits.includes(unitCode);
    out.push({
      key: row.key,
      updatedAt: row.updatedAt,
      kind,
      patientId: p?.docId ?? null,
      patient: readable ? body : null,
      unitCode,
    });
  }
  return out.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
}

export function useDrafts(): DraftSummary[] | undefined {
  const { user, loading } = useSession();
  const units = user?.units ?? [];
  const unitsKey = units.join();
  // Tagged with the wards it was read for: until the reader's session is known, her own
  // patients would be listed as "another ward's", so nothing is listed yet.
  const read = useLiveQuery(async () => ({ unitsKey, drafts: await listDrafts(db(), units) }), [unitsKey]);
  return loading || read?.unitsKey !== unitsKey ? undefined : read.drafts;
}
