// Stores a page of the server's feed. Entries, projections and the cursor move in one
// transaction, so a crash half-way re-pulls the page rather than skipping part of it.
// Speed (issue 15): one bulk read, one bulk write per table, each touched document projected
// once per page from the entries read with one query.
import type { Entry } from '../../domain/entry';
import { hashMatches } from '../../domain/hash';
import { heldBefore, projectedRow } from './project-doc';
import { markNotes, sealNotesAhead, type Marked } from './note-summary';
import type { DocRow, ReleveDb } from './schema';
import { getMeta, setMeta } from './meta';
import { asStorageError } from './storage-full';
import { dropMarks } from './drop-marks';
import { entriesById } from './entries-by-id';
import { dropSealedAhead, sealForLater, readySealed, type SealedBatch } from './vault/sealed-ahead';
import { sealDocsAhead } from './doc-shape';

export interface ApplyResult {
  added: number;
  known: number;
  /** Entries whose hash does not match their content: not stored, reported. */
  corrupt: string[];
}

/**
 * Splits a page into entries new to this tablet and our own entries coming back. Our own are the
 * held ones the server never sent us (no serverSeq: written here); their rows stay as they are,
 * only their outbox marks go.
 */
function sortPage(sound: readonly Entry[], held: readonly (Entry | undefined)[]) {
  const fresh = new Map<string, Entry>();
  const ours: string[] = [];
  let known = 0;
  sound.forEach((e, i) => {
    const mine = held[i] ?? fresh.get(e.id);
    if (!mine) {
      fresh.set(e.id, e);
      return;
    }
    known++;
    if (mine.serverSeq === undefined && mine.hash === e.hash && !fresh.has(e.id)) ours.push(e.id);
  });
  return { fresh: [...fresh.values()], ours, known };
}

/** The page's entries by document. */
function byDocument(entries: readonly Entry[]): Map<string, Entry[]> {
  const byDoc = new Map<string, Entry[]>();
  for (const e of entries) byDoc.set(e.docId, [...(byDoc.get(e.docId) ?? []), e]);
  return byDoc;
}


/**
 * Each touched document's new projection, from what the tablet held plus the page's entries; for
 * a note, with its projection before the page (the board line's count moves by the difference).
 */
async function reprojected(db: ReleveDb, fresh: readonly Entry[]): Promise<Marked<DocRow>[]> {
  const byDoc = byDocument(fresh);
  const before = byDocument(await db.entries.where('docId').anyOf([...byDoc.keys()]).toArray());
  return [...byDoc].map(([docId, page]) => {
    const held = before.get(docId) ?? [];
    const doc = projectedRow([...page, ...held]);
    return { doc, before: doc.docType === 'note' ? heldBefore(held) : undefined };
  });
}

/** The page's entries the tablet already holds, in page order (undefined: new here; a fresh tablet opens none). */
const heldEntries = (db: ReleveDb, sound: readonly Entry[]): Promise<(Entry | undefined)[]> =>
  entriesById(db, sound.map((e) => e.id));

/**
 * Encrypts, before the transaction, what the page will store as the tablet stands now: read in
 * a read-only transaction (what it holds of the page, the touched documents' entries), the page's
 * new entries, every touched document's projection and the board's
 * summaries (note-summary.ts). Inside, the transaction reads again and decides as before; the
 * vault takes these bytes only for rows that came out exactly the same, and the rows read here
 * are opened already.
 */
async function sealPageAhead(db: ReleveDb, sound: readonly Entry[]): Promise<void> {
  const changes = await db.transaction('r', db.entries, async () => {
    const { fresh } = sortPage(sound, await heldEntries(db, sound));
    return fresh.length > 0 ? await reprojected(db, fresh) : [];
  });
  // The new entries are stored as they came: sealed already by preparePage.
  await Promise.all([sealDocsAhead(changes.map((c) => c.doc)), sealNotesAhead(db, changes)]);
}

/** A page's work that needs nothing of the tablet: see preparePage. */
export interface PreparedPage {
  checks: Promise<boolean[]>;
  sealed: Promise<SealedBatch>;
}

/**
 * Starts a page's hash checks and the sealing of its entries as they came (what a new entry is
 * stored as): WebCrypto work that depends on nothing the tablet holds, so the pull starts it
 * as soon as the page arrives, while the page before is still being written (sync/pull.ts).
 */
export function preparePage(entries: readonly Entry[]): PreparedPage {
  const prepared = { checks: Promise.all(entries.map((e) => hashMatches(e))), sealed: sealForLater('entries', entries) };
  // A page never applied (the one before failed) must not leave a rejection unheard.
  prepared.checks.catch(() => undefined);
  prepared.sealed.catch(() => undefined);
  return prepared;
}

export async function applyServerEntries(db: ReleveDb, entries: readonly Entry[], cursorKey: string, next: number, prepared = preparePage(entries)): Promise<ApplyResult> {
  // Hash checks and sealing are WebCrypto promises: done before opening the transaction, and
  // together, so the checks and the read ahead overlap the encryption. Encrypted now, the
  // transaction waits on IndexedDB only; an entry that fails its check, or what another tab or a
  // save changed in between, leaves its sealed copy unused.
  const [checks, sealed] = await Promise.all([prepared.checks, prepared.sealed, sealPageAhead(db, entries)]);
  readySealed(sealed);
  const sound = entries.filter((_, i) => checks[i]);
  const corrupt = entries.filter((_, i) => !checks[i]).map((e) => e.id);
  try {
    return await db.transaction('rw', [db.entries, db.docs, db.outbox, db.meta, db.noteSummaries], async () => {
      const [held, cursors] = await Promise.all([heldEntries(db, sound), getMeta(db, 'pullCursors')]);
      const { fresh, ours, known } = sortPage(sound, held);
      const changes = fresh.length > 0 ? await reprojected(db, fresh) : [];
      const docs = changes.map((c) => c.doc);
      await Promise.all([
        fresh.length > 0 ? db.entries.bulkAdd(fresh) : undefined,
        // Our own entries coming back: the server has them, whatever happened to the push
        // answer, so a mark still waiting goes and the entry is not sent again.
        dropMarks(db, ours),
        docs.length > 0 ? db.docs.bulkPut(docs) : undefined,
        markNotes(db, changes),
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
