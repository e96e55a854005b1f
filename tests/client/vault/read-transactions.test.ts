// While the vault opens rows (WebCrypto, outside IndexedDB), a transaction that will take another
// request must be kept alive, and keeping it alive costs an IndexedDB request per turn. Dexie's
// own readonly transaction for a single read (every ward board and live query read) takes none
// after it: it is not kept alive. An explicit transaction, or any write, still is.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { admitPatient, aNote, dupont, nurse } from '../helpers';
import { appendEntry } from '../../../src/client/db/append';
import { generateDataKey, setDataKey } from '../../../src/client/db/vault/data-key';
import type { PatientBody } from '../../../src/domain/schemas';
import { stopVaults, unlockAfresh, vaultDb } from './vault-fixture';

afterEach(() => {
  vi.restoreAllMocks();
  stopVaults();
  setDataKey(null);
});

/** A ward with one patient and one note, right after an unlock: nothing opened yet. */
async function freshlyUnlocked() {
  const v = vaultDb();
  setDataKey(await generateDataKey());
  const { entry: patient } = await admitPatient(v.db);
  const { entry: note } = await appendEntry(v.db, { docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId: patient.id, body: aNote }, nurse);
  await unlockAfresh(v.db);
  // keepOpen's requests: a get of the lowest possible key, on the transaction's first store.
  const get = vi.spyOn(IDBObjectStore.prototype, 'get');
  const keepAlives = () => get.mock.calls.filter(([k]) => k === -Infinity).length;
  return { ...v, patient, note, keepAlives };
}

describe('reads while rows are opened', () => {
  it('a read of its own (the board, a live query) is answered without keeping its transaction alive', async () => {
    const { db, patient, keepAlives } = await freshlyUnlocked();
    const docs = await db.docs.where('[docType+scope]').equals(['patient', 'unit:MED']).toArray();
    expect(docs.map((d) => d.body as PatientBody)).toEqual([dupont]);
    expect((await db.docs.get(patient.id))?.docId).toBe(patient.id);
    expect(keepAlives()).toBe(0);
  });

  it('an explicit transaction still takes its next requests after its rows are opened', async () => {
    const { db, patient, note, keepAlives } = await freshlyUnlocked();
    const [doc, entry, count] = await db.transaction('r', db.docs, db.entries, async () => {
      const d = await db.docs.get(patient.id);
      const e = await db.entries.get(note.id);
      return [d, e, await db.entries.count()] as const;
    });
    expect(doc?.body).toEqual(dupont);
    expect(entry?.body).toEqual(aNote);
    expect(count).toBe(2);
    expect(keepAlives()).toBeGreaterThan(0);
  });

  it('a write still reads, opens and writes in one transaction', async () => {
    const { db, note, keepAlives } = await freshlyUnlocked();
    await db.outbox.update(note.id, { reason: 'refusé', state: 'rejected' });
    expect(await db.outbox.get(note.id)).toMatchObject({ entryId: note.id, state: 'rejected', reason: 'refusé' });
    expect(keepAlives()).toBeGreaterThan(0);
  });
});
