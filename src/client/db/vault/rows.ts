// One row in, one row out: the clear fields stay as they are, the rest travels sealed.
import { seal, sealContext, unseal, VaultLockedError } from './cipher';
import { SEALED_FIELD, type TablePolicy } from './policy';
import { currentDataKey } from './data-key';

type Row = Record<string, unknown>;

export interface RowCodec {
  seal(row: Row): Promise<Row>;
  /**
   * Clear rows (not yet migrated, or meta's device facts) come back as they are. Locked, a
   * sealed row comes back as null: screens behind the lock see nothing, never ciphertext.
   */
  open(row: Row): Promise<Row | null>;
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
      clear[SEALED_FIELD] = await seal(key, sealContext(table, primaryKeyOf(row)), secret);
      return clear;
    },
    async open(row) {
      if (!isSealed(row)) return row;
      const key = currentDataKey();
      if (!key) return null;
      const { [SEALED_FIELD]: sealed, ...clear } = row;
      const secret = (await unseal(key, sealContext(table, primaryKeyOf(row)), sealed as Uint8Array<ArrayBuffer>, table)) as Row;
      return { ...secret, ...clear };
    },
  };
}
