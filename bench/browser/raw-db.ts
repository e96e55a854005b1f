// The baselines' side of the in-browser benches: the app's own schema with none of the app on top.
import Dexie from 'dexie';
import { ReleveDb } from '../../src/client/db/schema';
import type { Entry } from '../../src/domain/entry';
import { DEFAULT_PULL_LIMIT } from '../../src/domain/protocol';

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

/** Every row of the app's database `name` as IndexedDB holds it (sealed), read without the vault. */
export async function storedRows(name: string) {
  const raw = rawDb(name);
  const [entries, docs, outbox, meta, summaries] = await Promise.all([
    raw.entries.toArray(), raw.docs.toArray(), raw.outbox.toArray(), raw.meta.toArray(), raw.noteSummaries.toArray(),
  ]);
  raw.close();
  return { entries, docs, outbox, meta, summaries };
}

export type Stored = Awaited<ReturnType<typeof storedRows>>;

/**
 * What the app's storage model asks of each pulled page, written raw into a fresh database: the
 * page's entries (`entries`, in the order they came), the projection of every document it touches
 * and the board line of every patient it touches, as the app left them (`stored`, sealed), and
 * the cursor, one strict transaction per page of the pull's size; returns the ms. No hash check,
 * no reading, no projecting: the floor under any apply that keeps a projection per document
 * beside its entries (a document touched by several pages is written at each, as the app does).
 */
export async function timePagesWithProjections(name: string, entries: readonly Entry[], stored: Stored): Promise<number> {
  const docs = new Map(stored.docs.map((d) => [d.docId, d]));
  const lines = new Map(stored.summaries.map((l) => [l.patientKey, l]));
  const cursor = stored.meta.find((m) => m.key === 'pullCursors');
  const touched = <T>(keys: (string | undefined)[], rows: Map<string, T>) =>
    [...new Set(keys)].flatMap((k) => (k !== undefined && rows.has(k) ? [rows.get(k)!] : []));
  const pages = [];
  for (let i = 0; i < entries.length; i += DEFAULT_PULL_LIMIT) {
    const page = entries.slice(i, i + DEFAULT_PULL_LIMIT);
    pages.push({ entries: page, docs: touched(page.map((e) => e.docId), docs), lines: touched(page.map((e) => e.patientId ?? e.docId), lines) });
  }
  const raw = rawDb(name);
  await raw.open();
  const t0 = performance.now();
  for (const page of pages) {
    await raw.transaction('rw', [raw.entries, raw.docs, raw.noteSummaries, raw.meta], () =>
      Promise.all([
        raw.entries.bulkPut(page.entries),
        page.docs.length > 0 && raw.docs.bulkPut(page.docs),
        page.lines.length > 0 && raw.noteSummaries.bulkPut(page.lines),
        cursor && raw.meta.put(cursor),
      ]));
  }
  const ms = performance.now() - t0;
  raw.close();
  await Dexie.delete(raw.name);
  return ms;
}
