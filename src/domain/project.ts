// Entries -> document state. Runs unchanged on the client and the server.
//
// It deals with: which versions of a document are current (its heads), whether two devices
// edited it concurrently (conflicted), its addenda and whether it was entered in error.
// It must give the same answer whatever order, duplication or split the entries arrive in,
// so it never looks at clocks or arrival order: only at the parent graph, and at ids to sort.
import type { Author, Entry, EntryFlag, EntryKind } from './entry';
import { isFlowsheetRow } from './flowsheet/row-kind';

export type DocStatus = 'ok' | 'conflicted';

/** One entry of a document as read back. `B`: its body's type (domain/doc-bodies.ts), once known. */
export interface Version<B = unknown> {
  entryId: string;
  kind: EntryKind;
  body: B;
  author: Author;
  deviceId: string;
  createdAt: string;
  /** What the server flagged when it accepted the entry (a suspect clock, a patient retracted since). */
  flags?: EntryFlag[];
}

/** An addendum or retract, attached to the version named as its parent. */
export interface Annotation extends Version {
  parent: string;
}

/** An entry of a flowsheet row (flowsheet/rows.ts): its add, amends, resolves and retracts. */
export interface RowEntry extends Version {
  parents: string[];
}

/**
 * A document's projection. `B` is the type of its versions' bodies: unknown as projected, the
 * docType's body type once read through docOf (domain/doc-bodies.ts).
 */
export interface DocState<B = unknown> {
  docId: string;
  docType: string;
  scope: string;
  patientId?: string;
  status: DocStatus;
  /** Sorted ids of the current versions; more than one means conflicted. */
  heads: string[];
  /** The current body when there is one head; null while conflicted. */
  body: B | null;
  /** Every head's version, kept side by side for a person to resolve. */
  headVersions: Version<B>[];
  /** Every create, amend and resolve ever written, oldest id first: the version history. */
  history: Version<B>[];
  addenda: Annotation[];
  /** Retractions ("entered in error"): the document stays, marked, with all its entries. */
  retractions: Annotation[];
  retracted: boolean;
  /** Flowsheet rows appended as entries of their own: they never make heads nor retract the form. */
  rowEntries?: RowEntry[];
  firstAt: string;
  lastAt: string;
  entryCount: number;
}

const VERSION_KINDS: ReadonlySet<EntryKind> = new Set(['create', 'amend', 'resolve']);

const byId = (a: { entryId: string }, b: { entryId: string }) =>
  a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0;

function toVersion(e: Entry): Version {
  const v: Version = { entryId: e.id, kind: e.kind, body: e.body, author: e.author, deviceId: e.deviceId, createdAt: e.createdAt };
  if (e.flags && e.flags.length > 0) v.flags = e.flags;
  return v;
}

function toAnnotation(e: Entry): Annotation {
  return { ...toVersion(e), parent: e.parents[0] ?? '' };
}

/** The current versions: those no other version names as a parent. */
export function headsOf<V extends { id: string; parents: readonly string[] }>(versions: readonly V[]): V[] {
  const superseded = new Set<string>();
  for (const v of versions) for (const p of v.parents) superseded.add(p);
  return versions.filter((v) => !superseded.has(v.id));
}

export const statusOfHeads = (heads: readonly unknown[]): DocStatus => (heads.length > 1 ? 'conflicted' : 'ok');

/** Projects the entries of ONE document. Duplicates (same id) count once. */
export function projectDocument(entries: readonly Entry[]): DocState {
  if (entries.length === 0) throw new Error('projectDocument needs at least one entry');
  const unique = new Map<string, Entry>();
  for (const e of entries) if (!unique.has(e.id)) unique.set(e.id, e);
  const all = [...unique.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  // Rows are sorted out by their body (and a retract by the row it strikes), never by arrival.
  const rowIds = new Set(all.filter((e) => e.kind !== 'retract' && isFlowsheetRow(e.body)).map((e) => e.id));
  const isRow = (e: Entry) => rowIds.has(e.id) || (e.kind === 'retract' && rowIds.has(e.parents[0] ?? ''));
  const rows = all.filter(isRow);
  const own = rows.length > 0 ? all.filter((e) => !isRow(e)) : all;

  const versions = own.filter((e) => VERSION_KINDS.has(e.kind));
  const heads = headsOf(versions);

  // Identity fields come from the create when we have it, else from the lowest id, so every
  // replica picks the same one.
  const anchor = all.find((e) => e.kind === 'create') ?? all[0]!;
  const times = all.map((e) => e.createdAt).sort((a, b) => Date.parse(a) - Date.parse(b) || (a < b ? -1 : a > b ? 1 : 0)); // by instant: offsets may differ
  const headVersions = heads.map(toVersion).sort(byId);

  const state: DocState = {
    docId: anchor.docId,
    docType: anchor.docType,
    scope: anchor.scope,
    status: statusOfHeads(heads),
    heads: headVersions.map((v) => v.entryId),
    body: heads.length === 1 ? heads[0]!.body : null,
    headVersions,
    history: versions.map(toVersion),
    addenda: own.filter((e) => e.kind === 'addendum').map(toAnnotation),
    retractions: own.filter((e) => e.kind === 'retract').map(toAnnotation),
    retracted: own.some((e) => e.kind === 'retract'),
    firstAt: times[0]!,
    lastAt: times[times.length - 1]!,
    entryCount: all.length,
  };
  if (anchor.patientId !== undefined) state.patientId = anchor.patientId;
  if (rows.length > 0) state.rowEntries = rows.map((e) => ({ ...toVersion(e), parents: e.parents }));
  return state;
}

/** Projects a mixed bag of entries, one state per document. */
export function projectAll(entries: readonly Entry[]): Map<string, DocState> {
  const byDoc = new Map<string, Entry[]>();
  for (const e of entries) {
    const list = byDoc.get(e.docId);
    if (list) list.push(e);
    else byDoc.set(e.docId, [e]);
  }
  const out = new Map<string, DocState>();
  for (const [docId, list] of byDoc) out.set(docId, projectDocument(list));
  return out;
}
