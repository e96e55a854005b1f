// Stores a page of the server's feed. Entries, projections and the cursor move in one
// transaction, so a crash half-way re-pulls the page rather than skipping part of it.
import type { Entry } from '../../domain/entry';
import { hashMatches } from '../../domain/hash';
import type { ReleveDb } from './schema';
import { getMeta, setMeta } from './meta';
import { reprojectDoc } from './project-doc';
import { asStorageError } from './storage-full';

export interface ApplyResult {
  added: number;
  known: number;
  /** Entries whose hash does not match their content: not stored, reported. */
  corrupt: string[];
}

export async function applyServerEntries(db: ReleveDb, entries: readonly Entry[], cursorKey: string, next: number): Promise<ApplyResult> {
  // Hash checks are WebCrypto promises: do them before opening the transaction.
  const checks = await Promise.all(entries.map((e) => hashMatches(e)));
  const sound = entries.filter((_, i) => checks[i]);
  const corrupt = entries.filter((_, i) => !checks[i]).map((e) => e.id);
  try {
    return await db.transaction('rw', [db.entries, db.docs, db.outbox, db.meta], async () => {
      const touched = new Set<string>();
      let known = 0;
      // One read and one write for the page, not one per entry: each stored row is sealed and
      // opened by the vault, and a batch does that work in parallel.
      const held = await db.entries.bulkGet(sound.map((e) => e.id));
      const fresh = new Map<string, Entry>();
      for (const [i, e] of sound.entries()) {
        const mine = held[i];
        if (mine) {
          known++;
          // Our own entry coming back: the server has it, whatever happened to the push answer.
          if (mine.serverSeq === undefined && mine.hash === e.hash) {
            await db.entries.update(e.id, { serverSeq: e.serverSeq, receivedAt: e.receivedAt });
            await db.outbox.delete(e.id);
          }
          continue;
        }
        if (fresh.has(e.id)) known++;
        fresh.set(e.id, e);
        touched.add(e.docId);
      }
      await db.entries.bulkAdd([...fresh.values()]);
      const added = fresh.size;
      for (const docId of touched) await reprojectDoc(db, docId);
      const cursors = (await getMeta(db, 'pullCursors')) ?? {};
      await setMeta(db, 'pullCursors', { ...cursors, [cursorKey]: next });
      await setMeta(db, 'lastPullAt', new Date().toISOString());
      return { added, known, corrupt };
    });
  } catch (err) {
    throw asStorageError(err);
  }
}
