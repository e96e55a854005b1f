// One row in, one row out: the clear fields stay as they are, the rest travels sealed.
import { seal, sealContext, unseal, VaultLockedError } from './cipher';
import { SEALED_FIELD, type TablePolicy } from './policy';
import { currentDataKey } from './data-key';
import { knownText, remember, stampOf } from './opened-rows';

type Row = Record<string, unknown>;

/** openNow's answer for a row it cannot open without WebCrypto. */
export const NOT_YET = Symbol('not opened yet');

export interface RowCodec {
  seal(row: Row): Promise<Row>;
  /**
   * Clear rows (not yet migrated, or meta's device facts) come back as they are. Locked, a
   * sealed row comes back as null: screens behind the lock see nothing, never ciphertext.
   */
  open(row: Row): Promise<Row | null>;
  /** The same, without waiting, for a row opened before since this unlock; else NOT_YET. */
  openNow(row: Row): Row | null | typeof NOT_YET;
  isSealed(row: unknown): row is Row;
}

function keyOrLocked(table: string): CryptoKey {
  const key = currentDataKey();
  if (!key) throw new VaultLockedError(table);
  return key;
}

export function rowCodec(table: string, policy: TablePolicy, primaryKeyOf: (row: Row) => unknown): RowCodec {
  const isSealed = (row: unknown): row is Row =>
    typeof row === 'object' && row !== null && (row as Row)[SEALED_FIELD] instanceof Uint8Array;
  const idOf = (row: Row) => JSON.stringify(primaryKeyOf(row));
  const merge = (row: Row, text: string): Row => {
    const { [SEALED_FIELD]: _sealed, ...clear } = row;
    return { ...(JSON.parse(text) as Row), ...clear };
  };
  return {
    isSealed,
    async seal(row) {
      if (policy.rowStaysClear(row)) return row;
      const key = keyOrLocked(table);
      const clear: Row = {};
      const secret: Row = {};
      for (const field of Object.keys(row)) {
        if (field === SEALED_FIELD) continue;
        (policy.clearFields.has(field) ? clear : secret)[field] = row[field];
      }
      const text = JSON.stringify(secret);
      const sealed = await seal(key, sealContext(table, primaryKeyOf(row)), text);
      // Read back right after (the save's live queries): known already, not decrypted again.
      if (currentDataKey() === key) remember(table, idOf(row), stampOf(sealed), text);
      clear[SEALED_FIELD] = sealed;
      return clear;
    },
    openNow(row) {
      if (!isSealed(row)) return row;
      if (!currentDataKey()) return null;
      const text = knownText(table, idOf(row), stampOf(row[SEALED_FIELD] as Uint8Array));
      return text === undefined ? NOT_YET : merge(row, text);
    },
    async open(row) {
      if (!isSealed(row)) return row;
      const key = currentDataKey();
      if (!key) return null;
      const sealed = row[SEALED_FIELD] as Uint8Array<ArrayBuffer>;
      const id = idOf(row);
      const stamp = stampOf(sealed);
      let text = knownText(table, id, stamp);
      if (text === undefined) {
        text = await unseal(key, sealContext(table, primaryKeyOf(row)), sealed, table);
        // Still the same unlock: a key changed meanwhile must not find this row remembered.
        if (currentDataKey() === key) remember(table, id, stamp, text);
      }
      return merge(row, text);
    },
  };
}
