// Builders for sealed entries, so tests read as a document's story rather than as object literals.
import { newId, type Author, type Entry, type EntryKind, type UnsignedEntry } from '../../src/domain/entry';
import { sealEntry } from '../../src/domain/hash';

export const UNIT = 'CARDIO';
export const UNIT_SCOPE = `unit:${UNIT}`;

export const nurseCamille: Author = { userId: 'u-camille', name: 'Camille Martin', role: 'nurse' };
export const nurseYanis: Author = { userId: 'u-yanis', name: 'Yanis Benali', role: 'nurse' };
export const chargeNadia: Author = { userId: 'u-nadia', name: 'Nadia Roux', role: 'charge' };

export const PATIENT_ID = newId();

// deviceSeq counts per device, as a real tablet would.
const deviceSeqs = new Map<string, number>();
function nextSeq(deviceId: string): number {
  const n = (deviceSeqs.get(deviceId) ?? 0) + 1;
  deviceSeqs.set(deviceId, n);
  return n;
}

let clock = Date.parse('2026-02-09T08:00:00.000Z');
/** Device clocks move forward one minute per entry: readable, and never used by the projection. */
function nextTime(): string {
  clock += 60_000;
  return new Date(clock).toISOString();
}

export interface NoteText {
  target: string;
  data?: string;
  actions?: string;
  results?: string;
}

export function noteBody(n: NoteText): { target: string; data: string; actions: string; results: string } {
  return { target: n.target, data: n.data ?? '', actions: n.actions ?? '', results: n.results ?? '' };
}

export type EntryOverrides = Partial<Omit<UnsignedEntry, 'kind' | 'parents' | 'body'>>;

/** A sealed create of a new document (by default a nursing note on the test patient). */
export async function makeCreate(body: unknown, o: EntryOverrides = {}): Promise<Entry> {
  const deviceId = o.deviceId ?? 'tab-cardio-1';
  const e: UnsignedEntry = {
    id: o.id ?? newId(),
    docId: o.docId ?? newId(),
    docType: o.docType ?? 'note',
    kind: 'create',
    parents: [],
    scope: o.scope ?? UNIT_SCOPE,
    body,
    author: o.author ?? nurseCamille,
    deviceId,
    deviceSeq: o.deviceSeq ?? nextSeq(deviceId),
    createdAt: o.createdAt ?? nextTime(),
  };
  const patientId = 'patientId' in o ? o.patientId : e.docType === 'note' ? PATIENT_ID : undefined;
  if (patientId !== undefined) e.patientId = patientId;
  if (o.downtimeId !== undefined) e.downtimeId = o.downtimeId;
  return sealEntry(e);
}

/** A sealed entry that follows `parents`, in the same document (identity copied from the first parent). */
export async function makeChild(
  kind: Exclude<EntryKind, 'create'>,
  parents: readonly Entry[],
  body: unknown,
  o: EntryOverrides = {},
): Promise<Entry> {
  const first = parents[0];
  if (!first) throw new Error('makeChild needs a parent');
  const deviceId = o.deviceId ?? 'tab-cardio-1';
  const e: UnsignedEntry = {
    id: o.id ?? newId(),
    docId: first.docId,
    docType: first.docType,
    kind,
    parents: parents.map((p) => p.id),
    scope: first.scope,
    body,
    author: o.author ?? nurseCamille,
    deviceId,
    deviceSeq: o.deviceSeq ?? nextSeq(deviceId),
    createdAt: o.createdAt ?? nextTime(),
  };
  if (first.patientId !== undefined) e.patientId = first.patientId;
  if (o.downtimeId !== undefined) e.downtimeId = o.downtimeId;
  return sealEntry(e);
}

export const amend = (parent: Entry, body: unknown, o?: EntryOverrides) => makeChild('amend', [parent], body, o);
export const addendum = (parent: Entry, text: string, o?: EntryOverrides) =>
  makeChild('addendum', [parent], { text }, o);
export const retract = (parent: Entry, reason: string, o?: EntryOverrides) =>
  makeChild('retract', [parent], { reason }, o);
export const resolve = (heads: readonly Entry[], body: unknown, o?: EntryOverrides) =>
  makeChild('resolve', heads, body, o);

/** What a server adds when it accepts an entry: not hashed, and never seen by the projection. */
export function asAccepted(e: Entry, serverSeq: number): Entry {
  return { ...e, serverSeq, receivedAt: '2026-02-10T12:00:00.000Z' };
}
