// What stays readable on disk. In every table of the tablet's database, only the primary key and
// the indexed fields (ids, docId, docType, scope, patientKey, serverSeq, status, state, authorId,
// draft keys) stay in clear so Dexie can still find rows; every other field goes into one sealed
// blob. The meta table keeps the device's own facts in clear (needed before anyone unlocks:
// device id, cursors, language...) and seals everything else, tokens first.
import type { DBCoreTableSchema } from 'dexie';

/** The field that holds a row's sealed part. A row without it is clear (before migration). */
export const SEALED_FIELD = '$sealed';

/** Meta keys that hold no patient data and no secret a thief could use. Anything else is sealed. */
const CLEAR_META_KEYS: ReadonlySet<string> = new Set([
  'deviceId', 'deviceKey', 'clockSkewMs', 'deviceSeq', 'temporaryIppSeq', 'pullCursors',
  // currentUserId: no longer written (db/writer.ts), but a tablet from before may still hold it.
  'currentUserId', 'lastUserId', 'lastSyncAt', 'lastPullAt', 'hisAsOf', 'lastSyncError',
  'deviceRevoked', 'lang', 'lastUnit', 'serverId', 'serverReplacedAt', 'vaultSealedAll', 'docsHeadBodiesOnce',
  'boardIndexBuilt', 'boardLinesBuilt',
]);

export interface TablePolicy {
  readonly clearFields: ReadonlySet<string>;
  /** Rows kept whole in clear (meta's device facts). */
  readonly rowStaysClear: (row: Record<string, unknown>) => boolean;
}

function keyPathFields(keyPath: null | string | string[], table: string): string[] {
  const paths = keyPath === null ? [] : Array.isArray(keyPath) ? keyPath : [keyPath];
  for (const p of paths) {
    // A nested key path would leave its whole parent object in clear: refuse it here.
    if (p.includes('.')) throw new Error(`Vault: index "${p}" on "${table}" must be a top-level field`);
  }
  return paths;
}

export function policyFor(schema: DBCoreTableSchema): TablePolicy {
  const clearFields = new Set<string>(keyPathFields(schema.primaryKey.keyPath, schema.name));
  for (const index of schema.indexes) {
    for (const f of keyPathFields(index.keyPath, schema.name)) clearFields.add(f);
  }
  const rowStaysClear =
    schema.name === 'meta' ? (row: Record<string, unknown>) => CLEAR_META_KEYS.has(String(row.key)) : () => false;
  return { clearFields, rowStaysClear };
}
