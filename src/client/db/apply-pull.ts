// Stores a page of the server's feed. Entries, projections and the cursor move in one
// transaction, so a crash half-way re-pulls the page rather than skipping part of it.
// Speed (issue 15): one bulk read, one bulk write per table, each touched document projected
// once per page from the entries read with one query.
import type { Entry } from '../../domain/entry';
import { hashMatches } from '../../domain/hash';
import { projectedRow } from './project-doc';
import { markNotes, sealNotesAhead } from './note-summary';
import type { DocRow, ReleveDb } from './schema';
import { getMeta, setMeta } from './meta';
import { asStorageError } from './storage-full';
import { dropSealedAhead, sealAhead } from './vault/sealed-ahead';
import { sealDocsAhead } from './doc-shape';

export interface ApplyResult {
  added: number;
  known: number;
  /** Entries whose hash does not match their content: not stored, reported. */
  corrupt: string[];
}

/** Splits a page into entries new to this tablet and our own entries the server now holds. */
function sortPage(sound: readonly Entry[], held: readonly (Entry | undefined)[]) {
  const fresh = new Map<string, Entry>();
  const acknowledged: Entry[] = [];
  let known = 0;
  sound.forEach((e, i) => {
    const mine = held[i] ?? fresh.get(e.id);
    if (!mine) {
      fresh.set(e.id, e);
      return;
    }
    known++;
    // Our own entry coming back: the server has it, whatever happened to the push answer.
    if (mine.serverSeq === undefined && mine.hash === e.hash && !fresh.has(e.id)) {
      acknowledged.push({ ...mine, serverSeq: e.serverSeq, receivedAt: e.receivedAt });
    }
  });
  return { fresh: [...fresh.values()], acknowledged, known };
}

/** The page's entries by document. */
function byDocument(entries: readonly Entry[]): Map<string, Entry[]> {
  const byDoc = new Map<string, Entry[]>();
  for (const e of entries) byDoc.set(e.docId, [...(byDoc.get(e.docId) ?? []), e]);
  return byDoc;
}


/** Each touched document's new projection, from what the tablet held plus the page's entries. */
async function reprojected(db: ReleveDb, fresh: readonly Entry[]): Promise<DocRow[]> {
  const byDoc = byDocument(fresh);
  const before = await db.entries.where('docId').anyOf([...byDoc.keys()]).toArray();
  for (const e of before) byDoc.get(e.docId)!.push(e);
  return [...byDoc.values()].map(projectedRow);
}

/**
 * Encrypts, before the transaction, what the page will most likely store: its entries, and the
 * projection of each document created in the page (a tablet holds nothing older of it) and the
 * board's summaries of the notes among them (note-summary.ts). Inside,
 * the vault takes these bytes only for rows that came out exactly the same.
 */
async function sealPageAhead(db: ReleveDb, sound: readonly Entry[]): Promise<void> {
  const created = [...byDocument(sound).values()].filter((entries) => entries.some((e) => e.kind === 'create' && e.id === e.docId)).map(projectedRow);
  await Promise.all([sealAhead('entries', sound), sealDocsAhead(created), sealNotesAhead(db, created)]);
}

export async function applyServerEntries(db: ReleveDb, entries: readonly Entry[], cursorKey: string, next: number): Promise<ApplyResult> {
  // Hash checks are WebCrypto promises: do them before opening the transaction.
  const checks = await Promise.all(entries.map((e) => hashMatches(e)));
  const sound = entries.filter((_, i) => checks[i]);
  const corrupt = entries.filter((_, i) => !checks[i]).map((e) => e.id);
  // Encrypted now, so the transaction waits on IndexedDB only; a guess that proves wrong inside
  // (an entry already held, a document with older entries) leaves its sealed copy unused.
  await sealPageAhead(db, sound);
  try {
    return await db.transaction('rw', [db.entries, db.docs, db.outbox, db.meta, db.noteSummaries], async () => {
      const [held, cursors] = await Promise.all([db.entries.bulkGet(sound.map((e) => e.id)), getMeta(db, 'pullCursors')]);
      const { fresh, acknowledged, known } = sortPage(sound, held);
      const docs = fresh.length > 0 ? await reprojected(db, fresh) : [];
      await Promise.all([
        fresh.length > 0 ? db.entries.bulkAdd(fresh) : undefined,
        acknowledged.length > 0 ? db.entries.bulkPut(acknowledged) : undefined,
        acknowledged.length > 0 ? db.outbox.bulkDelete(acknowledged.map((e) => e.id)) : undefined,
        docs.length > 0 ? db.docs.bulkPut(docs) : undefined,
        markNotes(db, docs),
        setMeta(db, 'pullCursors', { ...(cursors ?? {}), [cursorKey]: next }),
        setMeta(db, 'lastPullAt', new Date().toISOString()),
      ]);
      return { added: fresh.length, known, corrupt };
    });
  } catch (err) {
    throw asStorageError(err);
  } finally {
    dropSealedAhead();
  }
}
