// The one write path: entry + projection + outbox mark in ONE read-write transaction, with
// strict durability. When this resolves, the entry is on disk and the UI may say "saved".
// Speed (issue 15): one strict commit per save, its reads issued together, then its writes
// issued together; the projection is computed from the entries already read, not read back.
import Dexie from 'dexie';
import type { Author, Entry, EntryKind } from '../../domain/entry';
import { newId, entryShapeProblem } from '../../domain/entry';
import { sealEntry } from '../../domain/hash';
import { projectDocument } from '../../domain/project';
import { bodyProblem, envelopeProblem } from '../../domain/schemas';
import type { Role } from '../../domain/roles';
import type { DocRow, ReleveDb } from './schema';
import { getMeta, setMeta } from './meta';
import { asStorageError } from './storage-full';
import { downtimeStampFor } from './downtime-stamp';
import { localIntegrityProblem } from './integrity';

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

/** Everything a save reads, asked for at once inside its transaction. */
async function readForSave(db: ReleveDb, draft: NewEntry) {
  const [deviceId, deviceSeq, downtimeId, history, patient] = await Promise.all([
    getMeta(db, 'deviceId'),
    getMeta(db, 'deviceSeq'),
    // Read inside this transaction: an episode declared a moment ago on this tablet stamps this entry.
    draft.downtimeId ?? downtimeStampFor(db, draft),
    draft.docId === undefined ? ([] as Entry[]) : db.entries.where('docId').equals(draft.docId).toArray(),
    draft.patientId === undefined ? undefined : db.docs.get(draft.patientId),
  ]);
  return { deviceId, deviceSeq: (deviceSeq ?? 0) + 1, downtimeId, history, patient };
}

function unknownParent(draft: NewEntry, history: readonly Entry[]): string | undefined {
  if (draft.kind === 'create') return undefined;
  const held = new Set(history.map((e) => e.id));
  return draft.parents.find((p) => !held.has(p));
}

export async function appendEntry(db: ReleveDb, draft: NewEntry, author: Author): Promise<Appended> {
  try {
    return await db.transaction('rw', [db.entries, db.docs, db.outbox, db.meta], async () => {
      const read = await readForSave(db, draft);
      // The device id is made once, on first use, inside this same transaction (one commit per save).
      const deviceId = read.deviceId ?? newId();
      const id = newId();
      const unsigned = {
        id,
        docId: draft.docId ?? id,
        docType: draft.docType,
        kind: draft.kind,
        parents: draft.parents,
        scope: draft.scope,
        ...(draft.patientId !== undefined ? { patientId: draft.patientId } : {}),
        body: draft.body,
        author,
        deviceId,
        deviceSeq: read.deviceSeq,
        createdAt: new Date().toISOString(),
        ...(read.downtimeId !== undefined ? { downtimeId: read.downtimeId } : {}),
      };
      // Hashing is WebCrypto, not IndexedDB: waitFor keeps the transaction alive meanwhile.
      const entry = await Dexie.waitFor(sealEntry(unsigned));
      // Check here what the server will check, so a bad entry fails in front of its author.
      const problem =
        entryShapeProblem(entry) ??
        envelopeProblem(entry, author.role as Role) ??
        bodyProblem(entry) ??
        localIntegrityProblem(entry, author, read);
      if (problem) throw new InvalidEntryError(problem);
      const missing = unknownParent(draft, read.history);
      if (missing !== undefined) throw new InvalidEntryError(`unknown parent ${missing}`);
      const state = projectDocument([...read.history, entry]);
      const doc: DocRow = { ...state, patientKey: state.patientId ?? state.docId };
      await Promise.all([
        db.entries.add(entry),
        db.outbox.add({ entryId: entry.id, authorId: author.userId, state: 'pending', reason: null, attempts: 0, lastAttemptAt: null }),
        setMeta(db, 'deviceSeq', read.deviceSeq),
        read.deviceId === undefined ? setMeta(db, 'deviceId', deviceId) : undefined,
        db.docs.put(doc),
      ]);
      return { entry, doc };
    });
  } catch (err) {
    throw asStorageError(err);
  }
}
