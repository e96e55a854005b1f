import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { admitPatient, aNote, nurse, signIn } from '../helpers';
import { appendEntry } from '../../../src/client/db/append';
import { getMeta } from '../../../src/client/db/meta';
import { generateDataKey, setDataKey } from '../../../src/client/db/vault/data-key';
import { sealClearRows } from '../../../src/client/db/vault/migrate';
import { diskText, stopVaults, vaultDb } from './vault-fixture';

beforeEach(() => setDataKey(null)); // the tablet starts locked, as after an upgrade
afterEach(() => {
  stopVaults();
  setDataKey(null);
});

/** A tablet as the version before the vault left it: everything in clear, a draft, unsent entries. */
async function clearTablet() {
  const v = vaultDb();
  const old = v.disk();
  await signIn(old, nurse, 'old-clear-token');
  const { entry: patient } = await admitPatient(old);
  const { entry: note } = await appendEntry(old, { docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId: patient.id, body: aNote }, nurse);
  await old.drafts.put({ key: `note:${patient.id}`, value: { target: 'Brouillon Dupont' }, updatedAt: '2026-12-01T10:00:00Z' });
  old.close();
  return { ...v, patient, note };
}

describe('migrating a clear-text tablet to the vault', () => {
  it('seals every row on the first unlock and loses no draft and no unsent entry', async () => {
    const { db, disk, patient, note, stop } = await clearTablet();
    stop(); // this test runs the migration itself
    expect(await diskText(disk())).toContain('Dupont');
    const before = { entries: await db.entries.toArray(), drafts: await db.drafts.toArray(), outbox: await db.outbox.toArray() };

    setDataKey(await generateDataKey());
    expect(await sealClearRows(db)).toBeGreaterThan(5);

    const text = await diskText(disk());
    for (const secret of ['Dupont', '80000001', '1950-03-02', 'EVA 6/10', 'old-clear-token']) expect(text).not.toContain(secret);
    expect(await db.entries.toArray()).toEqual(before.entries);
    expect(await db.drafts.toArray()).toEqual(before.drafts);
    expect(await db.outbox.toArray()).toEqual(before.outbox);
    expect((await db.outbox.toArray()).map((o) => o.entryId)).toEqual([patient.id, note.id]);
    expect((await getMeta(db, 'sessions'))?.[nurse.userId]?.token).toBe('old-clear-token');
    expect(await sealClearRows(db)).toBe(0); // once done, never again
  });

  it('runs by itself when someone unlocks', async () => {
    const { disk } = await clearTablet();
    setDataKey(await generateDataKey());
    await expect.poll(async () => (await diskText(disk())).includes('Dupont'), { timeout: 5000 }).toBe(false);
  });

  it('a failure halfway leaves every row as it was, to be sealed at the next unlock', async () => {
    const { db, disk, stop } = await clearTablet();
    stop();
    // A draft the vault cannot seal (JSON has no BigInt): entries, docs and outbox come first
    // in the same transaction, and must roll back with it.
    await disk().drafts.put({ key: 'odd', value: { n: 1n }, updatedAt: 'now' });
    const rows = await disk().entries.count();
    setDataKey(await generateDataKey());
    await expect(sealClearRows(db)).rejects.toThrow();
    expect(await disk().entries.count()).toBe(rows);
    expect(await diskText(disk())).toContain('Dupont');
    expect(await disk().meta.get('vaultSealedAll')).toBeUndefined();
  });
});
