// The one write path: entry + projection + outbox mark in ONE read-write transaction, with
// strict durability. When this resolves, the entry is on disk and the UI may say "saved".
import Dexie from 'dexie';
import type { Author, Entry, EntryKind } from '../../domain/entry';
import { newId, entryShapeProblem } from '../../domain/entry';
import { sealEntry } from '../../domain/hash';
import { bodyProblem, envelopeProblem } from '../../domain/schemas';
import type { Role } from '../../domain/roles';
import type { DocRow, ReleveDb } from './schema';
import { ensureDeviceId, getMeta, setMeta } from './meta';
import { reprojectDoc } from './project-doc';
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

export async function appendEntry(db: ReleveDb, draft: NewEntry, author: Author): Promise<Appended> {
  const deviceId = await ensureDeviceId(db);
  try {
    return await db.transaction('rw', [db.entries, db.docs, db.outbox, db.meta], async () => {
      const deviceSeq = ((await getMeta(db, 'deviceSeq')) ?? 0) + 1;
      const id = newId();
      // Read inside this transaction: an episode declared a moment ago on this tablet stamps this entry.
      const downtimeId = draft.downtimeId ?? (await downtimeStampFor(db, draft));
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
        deviceSeq,
        createdAt: new Date().toISOString(),
        ...(downtimeId !== undefined ? { downtimeId } : {}),
      };
      // Hashing is WebCrypto, not IndexedDB: waitFor keeps the transaction alive meanwhile.
      const entry = await Dexie.waitFor(sealEntry(unsigned));
      // Check here what the server will check, so a bad entry fails in front of its author.
      const problem =
        entryShapeProblem(entry) ??
        envelopeProblem(entry, author.role as Role) ??
        bodyProblem(entry) ??
        (await localIntegrityProblem(db, entry, author));
      if (problem) throw new InvalidEntryError(problem);
      if (draft.kind !== 'create') {
        for (const p of draft.parents) {
          const parent = await db.entries.get(p);
          if (!parent || parent.docId !== entry.docId) throw new InvalidEntryError(`unknown parent ${p}`);
        }
      }
      await db.entries.add(entry);
      await db.outbox.add({
        entryId: entry.id,
        authorId: author.userId,
        state: 'pending',
        reason: null,
        attempts: 0,
        lastAttemptAt: null,
      });
      await setMeta(db, 'deviceSeq', deviceSeq);
      const doc = await reprojectDoc(db, entry.docId);
      return { entry, doc };
    });
  } catch (err) {
    throw asStorageError(err);
  }
}
