// Many entries read by id at once: the push's next run (sync/push.ts), a pulled page's entries
// the tablet already holds (apply-pull.ts). Entry ids are UUIDv7, so entries made together sit
// side by side in key order. The keys between the first and the last id come first (keys only:
// nothing to decrypt). When the wanted rows are most of their stretch, one range read brings them:
// one IndexedDB request instead of one per id (issue 15: 10,000 single gets were 330 ms of the
// push's main thread). Otherwise only the wanted rows are read, so that no other row of the
// stretch (a colleague's, pulled) is opened for nothing.
import type { Entry } from '../../domain/entry';
import type { ReleveDb } from './schema';

/** A range read may open at most this many rows per row wanted. */
const DENSE_ENOUGH = 1.25;

/** The entries of `ids`, in the same order; undefined where the tablet holds none. */
export async function entriesById(db: ReleveDb, ids: readonly string[]): Promise<(Entry | undefined)[]> {
  if (ids.length === 0) return [];
  // The same comparison as IndexedDB's for strings: UTF-16 code units.
  const sorted = [...ids].sort();
  const inRange = await db.entries.where(':id').between(sorted[0]!, sorted[sorted.length - 1]!, true, true).primaryKeys();
  const wanted = new Set(ids);
  const held = inRange.filter((id) => wanted.has(id));
  if (held.length === 0) return ids.map(() => undefined);
  const first = held[0]!;
  const last = held[held.length - 1]!;
  const stretch = inRange.indexOf(last) - inRange.indexOf(first) + 1;
  const rows =
    stretch <= held.length * DENSE_ENOUGH
      ? (await db.entries.where(':id').between(first, last, true, true).toArray()).filter((e) => wanted.has(e.id))
      : (await db.entries.bulkGet(held)).filter((e): e is Entry => e !== undefined);
  const byId = new Map(rows.map((e) => [e.id, e]));
  return ids.map((id) => byId.get(id));
}
