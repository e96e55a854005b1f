// How a document's projection is stored. A projection names the body of its current version
// three times (body, headVersions, history): on disk, under the vault, that is three times the
// sealed bytes to open when a board is read. So the stored row keeps each head's body once (in
// `body` when there is one head, in headVersions while conflicted) and the versions that repeat
// it name only their entry; reads put the bodies back, so every screen, the projection and its
// tests see the same DocRow as before. A row stored before this (no PACKED mark) reads as it is.
import type { DBCore, DBCoreCursor, DBCoreTable, Dexie, Middleware } from 'dexie';
import { sealAhead } from './vault/sealed-ahead';

/** Marks a stored row whose head versions carry no body of their own. */
const PACKED = '$headBodiesOnce';
/**
 * Marks a stored row of one head whose head version is not stored at all: it is the history's
 * version of that id, with the body (issue 15: ~190 bytes of a ~900-byte row, sealed and written
 * again at every save and every pulled page that touches the document).
 */
const HEAD_IN_HISTORY = '$headInHistory';

type Row = Record<string, unknown>;
interface StoredVersion {
  entryId: string;
  body?: unknown;
}

// Projected rows share one body object between the three places; a row read back (the upgrade
// below) holds copies, compared by their JSON.
const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

function withoutBody(v: StoredVersion): StoredVersion {
  const { body: _, ...rest } = v;
  return rest;
}

/** The stored form: each head's body once. Anything that is not a projection goes as it is. */
function packDoc(row: Row): Row {
  const heads = row.heads as string[] | undefined;
  const headVersions = row.headVersions as StoredVersion[] | undefined;
  const history = row.history as StoredVersion[] | undefined;
  if (row[PACKED] || !heads || !headVersions || !history) return row;
  const single = heads.length === 1 ? heads[0]! : null;
  const headBody = new Map<string, unknown>(single !== null ? [[single, row.body]] : headVersions.map((v) => [v.entryId, v.body]));
  const repeats = (v: StoredVersion) => headBody.has(v.entryId) && same(v.body, headBody.get(v.entryId));
  const packedHistory = history.map((v) => (repeats(v) ? withoutBody(v) : v));
  const packedHeads = single !== null ? headVersions.map((v) => (repeats(v) ? withoutBody(v) : v)) : headVersions;
  const inHistory = single !== null && packedHeads.length === 1 && sameStoredVersion(packedHeads[0]!, packedHistory.find((v) => v.entryId === single));
  const { headVersions: _, ...rest } = row;
  return inHistory
    ? { ...rest, history: packedHistory, [PACKED]: 1, [HEAD_IN_HISTORY]: 1 }
    : { ...row, headVersions: packedHeads, history: packedHistory, [PACKED]: 1 };
}

/** The head version is the history's, field for field, once neither carries the body. */
function sameStoredVersion(head: StoredVersion, inHistory: StoredVersion | undefined): boolean {
  return inHistory !== undefined && !('body' in head) && !('body' in inHistory) && JSON.stringify(head) === JSON.stringify(inHistory);
}

/** The row as the screens and the projection know it. */
function unpackDoc<T>(row: T): T {
  if (typeof row !== 'object' || row === null || !(row as Row)[PACKED]) return row;
  const { [PACKED]: _, [HEAD_IN_HISTORY]: inHistory, ...rest } = row as Row;
  const heads = rest.heads as string[];
  const single = heads.length === 1 ? heads[0]! : null;
  const history = rest.history as StoredVersion[];
  const stored = inHistory ? history.filter((v) => v.entryId === single) : (rest.headVersions as StoredVersion[]);
  const headBody = new Map<string, unknown>(single !== null ? [[single, rest.body]] : stored.map((v) => [v.entryId, v.body]));
  const fill = (v: StoredVersion) => ('body' in v || !headBody.has(v.entryId) ? v : { ...v, body: headBody.get(v.entryId) });
  return { ...rest, headVersions: stored.map(fill), history: history.map(fill) } as T;
}

function unpackedCursor(cursor: DBCoreCursor | null): DBCoreCursor | null {
  // Dexie's own pattern for a middleware cursor: the same cursor, its value read through ours.
  return cursor && (Object.create(cursor, { value: { get: () => unpackDoc(cursor.value) } }) as DBCoreCursor);
}

function shapedDocs(table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate: (req) => table.mutate(req.type === 'add' || req.type === 'put' ? { ...req, values: req.values.map((v) => packDoc(v as Row)) } : req),
    get: async (req) => unpackDoc(await table.get(req)),
    getMany: async (req) => (await table.getMany(req)).map(unpackDoc),
    query: async (req) => {
      const res = await table.query(req);
      return req.values ? { ...res, result: res.result.map(unpackDoc) } : res;
    },
    openCursor: async (req) => (req.values ? unpackedCursor(await table.openCursor(req)) : table.openCursor(req)),
  };
}

export const docShapeMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'doc-shape',
  // Above the vault (-10), so what is sealed is the packed row; below Dexie's own (-1 and up).
  level: -5,
  create: (down) => ({
    ...down,
    table: (name) => (name === 'docs' ? shapedDocs(down.table(name)) : down.table(name)),
  }),
};

/** Seals projections before their write transaction (vault/sealed-ahead.ts), in their stored form. */
export function sealDocsAhead(rows: readonly object[]): Promise<void> {
  return sealAhead('docs', rows.map((r) => packDoc(r as Row)));
}

const DONE_KEY = 'docsHeadBodiesOnce';

/**
 * A tablet upgraded from before: its rows read correctly as they are, but still hold the bodies
 * three times. At an unlock, every document is written back in its stored form in ONE
 * transaction (all or none; retried at the next unlock); the rows' content does not change.
 */
export async function packStoredDocs(db: Dexie): Promise<number> {
  const meta = db.table('meta');
  const docs = db.table('docs');
  if ((await meta.get(DONE_KEY)) !== undefined) return 0;
  return db.transaction('rw', docs, meta, async () => {
    if ((await meta.get(DONE_KEY)) !== undefined) return 0;
    const rows = await docs.toArray();
    await docs.bulkPut(rows);
    await meta.put({ key: DONE_KEY, value: new Date().toISOString() });
    return rows.length;
  });
}
