// The one write path: entry + projection + outbox mark in ONE read-write transaction, with
// strict durability. When this resolves, the entry is on disk and the UI may say "saved".
// Speed (issue 15): one strict commit per save, and inside it one round of requests. The entry
// is hashed before the transaction, with the stamp guessed from the last save (save-stamp.ts);
// the transaction issues its reads and its writes together, then checks what it read: a wrong
// guess or a refused entry throws, which aborts the transaction, so nothing is half-written.
import type { Author, Entry, EntryKind, UnsignedEntry } from '../../domain/entry';
import { newId, entryShapeProblem } from '../../domain/entry';
import { sealEntry } from '../../domain/hash';
import { projectedRow } from './project-doc';
import { markNote, sealNoteAhead } from './note-summary';
import { bodyProblem, envelopeProblem } from '../../domain/schemas';
import type { Role } from '../../domain/roles';
import type { DocRow, OutboxRow, ReleveDb } from './schema';
import { dropSealedAhead, sealAhead } from './vault/sealed-ahead';
import { sealDocsAhead } from './doc-shape';
import { getMeta, setMeta } from './meta';
import { asStorageError } from './storage-full';
import { downtimeStampFor } from './downtime-stamp';
import { localIntegrityProblem } from './integrity';
import { forgetStamp, guessStamp, rememberStamp, sameStamp, type Stamp } from './save-stamp';

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

/** Everything a save reads, asked for at once inside its transaction. */
function readForSave(db: ReleveDb, draft: NewEntry, summaryKey: string | undefined) {
  return Promise.all([
    getMeta(db, 'deviceId'),
    getMeta(db, 'deviceSeq'),
    // Read inside this transaction: an episode declared a moment ago on this tablet stamps this entry.
    draft.downtimeId ?? downtimeStampFor(db, draft),
    draft.docId === undefined ? ([] as Entry[]) : db.entries.where('docId').equals(draft.docId).toArray(),
    draft.patientId === undefined ? undefined : db.docs.get(draft.patientId),
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


/** One attempt: the entry sealed with `guess`, written in one transaction if the guess holds. */
async function writeSealed(db: ReleveDb, draft: NewEntry, entry: Entry, guess: Stamp, author: Author): Promise<Appended> {
  // A create's projection needs nothing read: it goes with the other writes.
  const early = draft.docId === undefined ? projectedRow([entry]) : undefined;
  const mark: OutboxRow = { entryId: entry.id, authorId: author.userId, state: 'pending', reason: null, lastAttemptAt: null };
  // A note's patient, for the board's summary of her notes (note-summary.ts).
  const summaryKey = draft.docType === 'note' ? (draft.patientId ?? entry.docId) : undefined;
  // Encrypted now, so that the transaction below waits for nothing but IndexedDB.
  await Promise.all([
    sealAhead('entries', [entry]),
    sealAhead('outbox', [mark]),
    early && sealDocsAhead([early]),
    summaryKey !== undefined && sealNoteAhead(db, summaryKey, entry, early),
  ]);
  return db.transaction('rw', [db.entries, db.docs, db.outbox, db.meta, db.noteSummaries], async () => {
    const [[deviceId, deviceSeq, downtimeId, history, patient, summary]] = await Promise.all([
      readForSave(db, draft, summaryKey),
      db.entries.add(entry),
      db.outbox.add(mark),
      setMeta(db, 'deviceSeq', guess.deviceSeq),
      guess.newDevice && setMeta(db, 'deviceId', guess.deviceId),
      early && db.docs.put(early),
    ]);
    const found: Stamp = { deviceId: deviceId ?? guess.deviceId, deviceSeq: (deviceSeq ?? 0) + 1, downtimeId };
    const stamp: Stamp = deviceId === undefined ? { ...found, newDevice: true } : found;
    if (!sameStamp(stamp, guess)) throw new StampMissed();
    // Check here what the server will check, so a bad entry fails in front of its author.
    const problem = localIntegrityProblem(entry, author, { patient, history });
    if (problem) throw new InvalidEntryError(problem);
    const missing = unknownParent(draft, history);
    if (missing !== undefined) throw new InvalidEntryError(`unknown parent ${missing}`);
    const doc = early ?? projectedRow([...history, entry]);
    await Promise.all([early ? undefined : db.docs.put(doc), markNote(db, doc, summaryKey, summary)]);
    return { entry, doc };
  }).finally(dropSealedAhead);
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
        rememberStamp(db, draft, guess);
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
