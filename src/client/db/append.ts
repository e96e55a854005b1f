// The one write path: entry + projection + outbox mark in ONE read-write transaction, with
// strict durability. When this resolves, the entry is on disk and the UI may say "saved".
// Speed (issue 15): one strict commit per save, and inside it one round of requests. The entry
// is hashed before the transaction, with the stamp guessed from the last save (save-stamp.ts);
// the transaction issues its reads and its writes together, then checks what it read: a wrong
// guess or a refused entry throws, which aborts the transaction, so nothing is half-written.
import type { Author, Entry, EntryKind, UnsignedEntry } from '../../domain/entry';
import { newId, entryShapeProblem } from '../../domain/entry';
import { sealEntry } from '../../domain/hash';
import { heldBefore, projectedRow } from './project-doc';
import { markNote, sealNoteAhead } from './note-summary';
import { bodyProblem, envelopeProblem } from '../../domain/schemas';
import type { Role } from '../../domain/roles';
import type { DocRow, OutboxRow, ReleveDb } from './schema';
import { dropSealedAhead, sealAhead } from './vault/sealed-ahead';
import { sealDocsAhead } from './doc-shape';
import { getDeviceCounter, setMeta } from './meta';
import { asStorageError } from './storage-full';
import { downtimeStampFor } from './downtime-stamp';
import { localIntegrityProblem } from './integrity';
import { forgetStamp, guessStamp, knownPatient, rememberStamp, sameStamp, type Stamp } from './save-stamp';

export interface NewEntry {
  /** Omit for a create: a fresh document id is made. */
  docId?: string;
  docType: string;
  kind: EntryKind;
  parents: string[];
  scope: string;
  patientId?: string;
  body: unknown;
  downtimeId?: string;
}

export class InvalidEntryError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidEntryError';
  }
}

export interface Appended {
  entry: Entry;
  doc: DocRow;
}

/** The guessed stamp was not the tablet's state: the transaction is aborted and the save redone. */
class StampMissed extends Error {}

/**
 * The docType of the document named as patient: keys only (nothing to open) through her index;
 * her record itself only when that finds nothing (unknown, not a patient, or a patient whose own
 * entries name another patientKey), on the way to refusing the save.
 */
async function patientType(db: ReleveDb, id: string): Promise<string | undefined> {
  const keys = await db.docs.where('[patientKey+docType]').equals([id, 'patient']).primaryKeys();
  return keys.includes(id) ? 'patient' : (await db.docs.get(id))?.docType;
}

/**
 * Everything a save reads, asked for at once inside its transaction, before any of its writes:
 * IndexedDB runs a transaction's requests in the order they are made, so these see the tablet as
 * it was before this save. A patient an earlier save found is not read again (save-stamp.ts).
 */
function readForSave(db: ReleveDb, draft: NewEntry, summaryKey: string | undefined, patientKnown: boolean) {
  return Promise.all([
    getDeviceCounter(db),
    // Read inside this transaction: an episode declared a moment ago on this tablet stamps this entry.
    draft.downtimeId ?? downtimeStampFor(db, draft),
    draft.docId === undefined ? ([] as Entry[]) : db.entries.where('docId').equals(draft.docId).toArray(),
    draft.patientId === undefined ? undefined : patientKnown ? 'patient' : patientType(db, draft.patientId),
    summaryKey === undefined ? undefined : db.noteSummaries.get(summaryKey),
  ]);
}

function stamped(draft: NewEntry, id: string, createdAt: string, author: Author, stamp: Stamp): UnsignedEntry {
  return {
    id,
    docId: draft.docId ?? id,
    docType: draft.docType,
    kind: draft.kind,
    parents: draft.parents,
    scope: draft.scope,
    ...(draft.patientId !== undefined ? { patientId: draft.patientId } : {}),
    body: draft.body,
    author,
    deviceId: stamp.deviceId,
    deviceSeq: stamp.deviceSeq,
    createdAt,
    ...(stamp.downtimeId !== undefined ? { downtimeId: stamp.downtimeId } : {}),
  };
}

function unknownParent(draft: NewEntry, history: readonly Entry[]): string | undefined {
  if (draft.kind === 'create') return undefined;
  const held = new Set(history.map((e) => e.id));
  return draft.parents.find((p) => !held.has(p));
}


/** Encrypted now, so that the save's transaction waits for nothing but IndexedDB; returns the summary row guessed. */
async function sealSaveAhead(db: ReleveDb, entry: Entry, mark: OutboxRow, early: DocRow | undefined, summaryKey: string | undefined) {
  const [, , , summary] = await Promise.all([
    sealAhead('entries', [entry]),
    sealAhead('outbox', [mark]),
    early && sealDocsAhead([early]),
    summaryKey !== undefined ? sealNoteAhead(db, summaryKey, entry, early) : undefined,
  ]);
  return summary;
}

/** One attempt: the entry sealed with `guess`, written in one transaction if the guess holds. */
async function writeSealed(db: ReleveDb, draft: NewEntry, entry: Entry, guess: Stamp, author: Author): Promise<Appended> {
  // A create's projection needs nothing read: it goes with the other writes.
  const early = draft.docId === undefined ? projectedRow([entry]) : undefined;
  const mark: OutboxRow = { entryId: entry.id, authorId: author.userId, state: 'pending', deviceSeq: entry.deviceSeq, reason: null, lastAttemptAt: null };
  // A note's patient, for the board's summary of her notes (note-summary.ts).
  const summaryKey = draft.docType === 'note' ? (draft.patientId ?? entry.docId) : undefined;
  const guessed = await sealSaveAhead(db, entry, mark, early, summaryKey);
  // A create's summary row is known for sure to be its patient's: written with the rest, checked after.
  const summaryPut = early && guessed?.patientKey === early.patientKey ? guessed : undefined;
  const patientKnown = draft.patientId !== undefined && knownPatient(db, guess, draft.patientId);
  return db.transaction('rw', [db.entries, db.docs, db.outbox, db.meta, db.noteSummaries], async () => {
    const reads = readForSave(db, draft, summaryKey, patientKnown);
    const [[{ deviceId, deviceSeq }, downtimeId, history, patientType, summary]] = await Promise.all([
      reads,
      db.entries.add(entry),
      db.outbox.add(mark),
      setMeta(db, 'deviceSeq', guess.deviceSeq),
      guess.newDevice && setMeta(db, 'deviceId', guess.deviceId),
      early && db.docs.put(early),
      summaryPut && db.noteSummaries.put(summaryPut),
    ]);
    const found: Stamp = { deviceId: deviceId ?? guess.deviceId, deviceSeq: (deviceSeq ?? 0) + 1, downtimeId };
    const stamp: Stamp = deviceId === undefined ? { ...found, newDevice: true } : found;
    if (!sameStamp(stamp, guess)) throw new StampMissed();
    // Check here what the server will check, so a bad entry fails in front of its author.
    const problem = localIntegrityProblem(entry, author, { patientType, history });
    if (problem) throw new InvalidEntryError(problem);
    const missing = unknownParent(draft, history);
    if (missing !== undefined) throw new InvalidEntryError(`unknown parent ${missing}`);
    const doc = early ?? projectedRow([...history, entry]);
    // A note's line counts what this save changed: from its projection before (none for a create).
    const before = doc.docType === 'note' ? heldBefore(history) : undefined;
    await Promise.all([early ? undefined : db.docs.put(doc), markNote(db, { doc, before }, summaryKey, summary, summaryPut)]);
    return { entry, doc };
  }).finally(dropSealedAhead);
}

/** The patient a committed save makes known to this database (save-stamp.ts): the one it created, or the one it was checked against. */
function patientOf(entry: Entry): string | undefined {
  if (entry.docType === 'patient') return entry.kind === 'create' ? entry.docId : undefined;
  return entry.patientId;
}

export async function appendEntry(db: ReleveDb, draft: NewEntry, author: Author): Promise<Appended> {
  const id = newId();
  const createdAt = new Date().toISOString();
  try {
    // Another tab saving at the same moment can beat a guess; each retry reads afresh.
    for (let attempt = 0; attempt < 5; attempt++) {
      const guess = await guessStamp(db, draft);
      const entry = await sealEntry(stamped(draft, id, createdAt, author, guess));
      const problem = entryShapeProblem(entry) ?? envelopeProblem(entry, author.role as Role) ?? bodyProblem(entry);
      if (problem) throw new InvalidEntryError(problem);
      try {
        const done = await writeSealed(db, draft, entry, guess, author);
        rememberStamp(db, draft, guess, patientOf(entry));
        return done;
      } catch (err) {
        if (!(err instanceof StampMissed)) throw err;
        forgetStamp(db);
      }
    }
    throw new Error('the device sequence kept changing under this save: try again');
  } catch (err) {
    throw asStorageError(err);
  }
}
