// A tablet upgraded from a version without the vault holds its rows in clear. On the first
// unlock, every table is read and written back through the vault in ONE transaction: either
// every row is sealed, or (power cut, full disk) none is touched and the next unlock tries
// again. Drafts and unsent entries are rows like any other, so none can be lost halfway.
import type { Dexie } from 'dexie';

const DONE_KEY = 'vaultSealedAll';

export async function sealClearRows(db: Dexie): Promise<number> {
  const meta = db.table('meta');
  if ((await meta.get(DONE_KEY)) !== undefined) return 0;
  return db.transaction('rw', db.tables, async () => {
    if ((await meta.get(DONE_KEY)) !== undefined) return 0; // another tab did it meanwhile
    let count = 0;
    for (const table of db.tables) {
      const rows = await table.toArray();
      await table.bulkPut(rows);
      count += rows.length;
    }
    await meta.put({ key: DONE_KEY, value: new Date().toISOString() });
    return count;
  });
}
