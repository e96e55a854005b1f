// The vault: a Dexie DBCore middleware under every other one, so Dexie's hooks, live queries and
// cache only ever see clear rows, and IndexedDB only ever sees sealed ones. Writes seal every
// non-index field; reads open them. Locked (no data key), a sealed row reads as absent (a
// screen still mounted behind the lock gets nothing, never ciphertext) and a row that must be
// sealed cannot be written (VaultLockedError): nothing is written in clear, and nothing read
// while locked can be written back over the real row. Keys-only reads and counts still work.
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { keepOpen } from './keep-open';
import { memoOf, memoStale } from './opened-memo';
import type { MemoLine } from './opened-rows';
import { memoryCursor } from './memory-cursor';
import { policyFor } from './policy';
import { rowCodec, type RowCodec } from './rows';
import { registerPreparer } from './sealed-ahead';

type Row = Record<string, unknown>;

/**
 * Whether Dexie may ask this transaction for more after a read answers: a write, or one of its
 * explicit transactions (db.transaction(), which Dexie marks `_explicit`). Dexie's own readonly
 * transaction for a single read (every board and live query read) is done once it answers, so
 * it need not be kept alive while WebCrypto works: keepOpen's requests cost an IndexedDB round
 * trip each, as much as the read itself on a ward board.
 */
function usedAfterRead(trans: IDBTransaction): boolean {
  return trans.mode !== 'readonly' || (trans as IDBTransaction & { _explicit?: boolean })._explicit === true;
}

/**
 * Opened rows, in order; a sealed row read while locked is undefined. Rows opened before since
 * this unlock need no WebCrypto; the others are opened together. In a transaction used after
 * the read, the answer comes back through keepOpen, from inside a request callback, where Dexie
 * finds its transaction again and it still accepts the next request.
 */
function openRows(codec: RowCodec, trans: IDBTransaction, rows: readonly unknown[], memo?: Memo): Promise<unknown[]> {
  const opened = codec.openAll(rows, memo?.lines);
  // Written again once these rows are opened (and remembered), never before.
  if ('later' in opened && memo) opened.later.then(memo.stale, () => undefined);
  const all = 'now' in opened ? Promise.resolve(opened.now) : opened.later;
  return usedAfterRead(trans) ? keepOpen(trans, all) : all;
}

/** The memo of the last unlock's opened rows (opened-memo.ts), and how to say it must be written again. */
interface Memo {
  lines: ReadonlyMap<string, MemoLine>;
  stale: () => void;
}

/**
 * The mutation with its rows sealed. Rows sealed ahead (sealed-ahead.ts) are taken at once; only
 * if one is missing does WebCrypto run inside the transaction, which must then be kept open.
 */
function sealedMutation(codec: RowCodec, req: DBCoreMutateRequest): DBCoreMutateRequest | Promise<DBCoreMutateRequest> {
  if (req.type !== 'add' && req.type !== 'put') return req;
  const now = req.values.map((v) => codec.sealNow(v as Row));
  if (!now.includes(undefined)) return { ...req, values: now };
  const sealing = Promise.all(now.map((v, i) => v ?? codec.seal(req.values[i] as Row)));
  return keepOpen(idb(req.trans), sealing.then((values) => ({ ...req, values })));
}

const idb = (trans: unknown) => trans as IDBTransaction;

function vaultTable(table: DBCoreTable, down: DBCore): DBCoreTable {
  const { primaryKey } = table.schema;
  const extract = primaryKey.extractKey;
  if (!extract) throw new Error(`Vault: "${table.name}" needs an inbound primary key`);
  const codec = rowCodec(table.name, policyFor(table.schema), extract);
  registerPreparer(table.name, codec.prepare);
  return {
    ...table,
    mutate(req) {
      const sealed = sealedMutation(codec, req);
      return sealed instanceof Promise ? sealed.then((r) => table.mutate(r)) : table.mutate(sealed);
    },
    async get(req) {
      const row: unknown = await table.get(req);
      return codec.isSealed(row) ? ((await openRows(codec, idb(req.trans), [row]))[0]) : row;
    },
    async getMany(req) {
      const rows = await table.getMany(req);
      return rows.some((r) => codec.isSealed(r)) ? openRows(codec, idb(req.trans), rows) : rows;
    },
    async query(req) {
      // A read of its own (a board's): the memo, if the table has one, is read alongside.
      const memo = req.values && !usedAfterRead(idb(req.trans)) ? memoOf(down, table.name) : undefined;
      const res = await table.query(req);
      if (!req.values || !res.result.some((r) => codec.isSealed(r))) return res;
      const withMemo = memo && { lines: await memo, stale: () => memoStale(down, table.name) };
      return { result: (await openRows(codec, idb(req.trans), res.result, withMemo)).filter((r) => r !== undefined) };
    },
    async openCursor(req) {
      if (!req.values) return table.openCursor(req);
      const direction = req.reverse ? (req.unique ? 'prevunique' : 'prev') : req.unique ? 'nextunique' : 'next';
      const { result } = await table.query({ trans: req.trans, values: true, query: req.query, direction });
      const index = req.query.index;
      const keyOf = index.isPrimaryKey ? extract : (index.extractKey ?? extract);
      const opened = await openRows(codec, idb(req.trans), result);
      const rows = result
        .map((stored: Row, i) => ({ key: keyOf(stored), primaryKey: extract(stored), value: opened[i] }))
        .filter((row) => row.value !== undefined);
      return memoryCursor(req.trans, rows, !!req.reverse);
    },
  };
}

export const vaultMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'vault',
  // Below Dexie's own middlewares (the lowest is -1): they must see clear rows.
  level: -10,
  create: (down) => ({
    ...down,
    table: (name) => vaultTable(down.table(name), down),
  }),
};
