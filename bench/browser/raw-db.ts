// The baselines' side of the in-browser benches: the app's own schema with none of the app on top.
import Dexie from 'dexie';
import { ReleveDb } from '../../src/client/db/schema';
import type { Entry } from '../../src/domain/entry';

/**
 * The app's schema and strict durability, without the vault or doc-shape: what it is given goes to
 * IndexedDB as it is. Given the app's rows as they sit on disk (sealed), it stores exactly what the
 * app stores, minus the app's work.
 */
export function rawDb(name: string): ReleveDb {
  const raw = new ReleveDb(name);
  raw.unuse({ stack: 'dbcore', name: 'vault' });
  raw.unuse({ stack: 'dbcore', name: 'doc-shape' });
  return raw;
}

/**
 * `rows` stored into a fresh raw database in pages of `pageSize`, one strict transaction a page,
 * as a pull's pages come; returns the ms. The database is deleted afterwards.
 */
export async function timePagedBulkPut(name: string, rows: readonly Entry[], pageSize: number): Promise<number> {
  const raw = rawDb(name);
  await raw.open();
  const t0 = performance.now();
  for (let i = 0; i < rows.length; i += pageSize) {
    const page = rows.slice(i, i + pageSize);
    await raw.transaction('rw', raw.entries, () => raw.entries.bulkPut(page));
  }
  const ms = performance.now() - t0;
  raw.close();
  await Dexie.delete(raw.name);
  return ms;
}
