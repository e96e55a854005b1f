// A tablet database with the vault on (sealing clear rows on unlock, as the app's), and a second connection to the same database without
// it, to look at exactly what IndexedDB holds on disk.
import 'fake-indexeddb/auto';
import { ReleveDb } from '../../../src/client/db/schema';
import { sealOnUnlock } from '../../../src/client/db/vault/seal-on-unlock';
import { currentDataKey, setDataKey } from '../../../src/client/db/vault/data-key';
import { freshDb } from '../helpers';

const running: (() => void)[] = [];

/** Each test's databases stop migrating on unlock once the test is over. */
export function stopVaults(): void {
  for (const stop of running.splice(0)) stop();
}

export function vaultDb(): { db: ReleveDb; disk: () => ReleveDb; stop: () => void } {
  const db = freshDb();
  const stop = sealOnUnlock(db);
  running.push(stop);
  const disk = () => {
    const raw = new ReleveDb(db.name);
    raw.unuse({ stack: 'dbcore', name: 'vault' });
    return raw;
  };
  return { db, disk, stop };
}

/** Every row of every table as it sits on disk, sealed bytes read as Latin-1 text. */
export async function diskText(raw: ReleveDb): Promise<string> {
  const parts: string[] = [];
  for (const table of raw.tables) {
    for (const row of await table.toArray()) {
      parts.push(JSON.stringify(row, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : typeof v === 'bigint' ? String(v) : v)));
    }
  }
  return parts.join('\n');
}

/** Waits for the upgrade steps an unlock starts in the background (sealing, then the documents' stored form). */
async function upgradeDone(db: ReleveDb): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await db.meta.get('docsHeadBodiesOnce')) !== undefined) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('the upgrade at unlock did not finish');
}

/** Once the unlock's upgrade is done (its reads must not be counted), locks and unlocks again with the same key: nothing opened yet. */
export async function unlockAfresh(db: ReleveDb): Promise<CryptoKey> {
  await upgradeDone(db);
  const key = currentDataKey()!;
  setDataKey(null);
  setDataKey(key);
  return key;
}
