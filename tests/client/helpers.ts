import 'fake-indexeddb/auto';
import { ReleveDb } from '../../src/client/db/schema';
import { setMeta } from '../../src/client/db/meta';
import { appendEntry } from '../../src/client/db/append';
import type { Author } from '../../src/domain/entry';
import { generateDataKey, hasDataKey, setDataKey } from '../../src/client/db/vault/data-key';
import type { PatientBody } from '../../src/domain/schemas';
import { KeyringDb, keyringDb } from '../../src/client/db/keyring/keyring-db';
import { setCurrentPerson } from '../../src/client/db/keyring/keyring';

/** Every client test runs on an unlocked tablet: the app's database always carries the vault. */
export async function unlockTablet(): Promise<void> {
  if (!hasDataKey()) setDataKey(await generateDataKey());
}
await unlockTablet();

let n = 0;
/** A fresh, empty tablet (fake-indexeddb, one per test): its database and its own keyring. */
export function freshDb(): ReleveDb {
  n += 1;
  const name = `test-${process.pid}-${n}-${Math.random().toString(36).slice(2)}`;
  return new ReleveDb(name, { keyring: new KeyringDb(`${name}-keyring`) });
}

export const nurse: Author = { userId: 'u-nurse', name: 'Camille Martin', role: 'nurse' };
export const nurse2: Author = { userId: 'u-nurse2', name: 'Inès Roux', role: 'nurse' };
export const admin: Author = { userId: 'u-admin', name: 'Admin', role: 'admin' };

export const dupont: PatientBody = {
  ipp: '80000001', lastName: 'Dupont', firstName: 'Marie', birthDate: '1950-03-02', sex: 'F',
  unitCode: 'MED', room: '112', bed: 'A', allergies: ['Pénicilline'],
};

export async function signIn(db: ReleveDb, a: Author, token = `tok-${a.userId}`): Promise<void> {
  const sessions = {
    [a.userId]: {
      token,
      user: { id: a.userId, name: a.name, role: a.role as 'nurse', units: ['MED'] },
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    },
  };
  await setMeta(db, 'sessions', sessions);
  // As a real sign-in does: the keyring names her as the one writing (db/writer.ts). The app's
  // keyring too, for the screens' data functions that read the app's tablet.
  await setCurrentPerson(db.keyring, a.userId);
  if (db.keyring !== keyringDb()) await setCurrentPerson(keyringDb(), a.userId);
}

export async function admitPatient(db: ReleveDb, body: PatientBody = dupont) {
  return appendEntry(db, { docType: 'patient', kind: 'create', parents: [], scope: `unit:${body.unitCode}`, body }, admin);
}

export const aNote = { target: 'Douleur', data: 'EVA 6/10', actions: 'Paracétamol 1 g', results: 'EVA 3/10 à 1 h' };

export interface EntryRead {
  by: 'id' | 'range';
  rows: number;
}

/**
 * The reads of entry rows (by id or by a key range; keys-only reads open nothing),
 * from a DBCore layer added before the database opens.
 */
export function entryReads(db: ReleveDb): EntryRead[] {
  const reads: EntryRead[] = [];
  db.use({
    stack: 'dbcore',
    name: 'count-entry-reads',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'entries') return table;
        return {
          ...table,
          getMany: async (req) => {
            const rows = await table.getMany(req);
            reads.push({ by: 'id', rows: rows.length });
            return rows;
          },
          query: async (req) => {
            const res = await table.query(req);
            if (req.values) reads.push({ by: 'range', rows: res.result.length });
            return res;
          },
        };
      },
    }),
  });
  return reads;
}
