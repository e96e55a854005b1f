import { afterEach, describe, expect, it } from 'vitest';
import { admitPatient, aNote, dupont, nurse, signIn } from '../helpers';
import { appendEntry } from '../../../src/client/db/append';
import { getMeta, setMeta } from '../../../src/client/db/meta';
import { generateDataKey, setDataKey } from '../../../src/client/db/vault/data-key';
import { SEALED_FIELD } from '../../../src/client/db/vault/policy';
import { diskText, stopVaults, vaultDb } from './vault-fixture';

afterEach(() => {
  stopVaults();
  setDataKey(null);
});

async function wardWithOneNote() {
  const v = vaultDb();
  setDataKey(await generateDataKey());
  await signIn(v.db, nurse, 'secret-token-123');
  const { entry: patient } = await admitPatient(v.db);
  const { entry: note } = await appendEntry(
    v.db, { docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId: patient.id, body: aNote }, nurse,
  );
  await v.db.drafts.put({ key: `note:${patient.id}`, value: { target: 'Brouillon Dupont' }, updatedAt: '2026-12-01T10:00:00Z' });
  return { ...v, patient, note };
}

describe('the vault (encryption at rest)', () => {
  it('reads back exactly what was written, by key, by index, through a filter and after an update', async () => {
    const { db, patient, note } = await wardWithOneNote();
    expect((await db.docs.get(patient.id))?.body).toEqual(dupont);
    expect(await db.entries.bulkGet([patient.id, note.id])).toEqual([patient, note]);
    const notes = await db.docs.where('[patientKey+docType]').equals([patient.id, 'note']).toArray();
    expect(notes.map((d) => d.body)).toEqual([aNote]);
    expect(await db.entries.filter((e) => e.body !== null && (e.body as { ipp?: string }).ipp === dupont.ipp).toArray()).toEqual([patient]);
    expect(await db.entries.orderBy('serverSeq').count()).toBe(0);
    await db.outbox.update(note.id, { reason: 'refusé: Dupont', state: 'rejected' });
    expect(await db.outbox.get(note.id)).toMatchObject({ entryId: note.id, state: 'rejected', reason: 'refusé: Dupont', authorId: nurse.userId });
    expect((await getMeta(db, 'sessions'))?.[nurse.userId]?.token).toBe('secret-token-123');
    expect(await db.entries.toCollection().offset(1).first()).toEqual(note);
  });

  it('leaves no name, birth date, IPP, room, allergy, note text, draft or token on disk', async () => {
    const { db, disk, patient } = await wardWithOneNote();
    const text = await diskText(disk());
    for (const secret of ['Dupont', 'Marie', '1950-03-02', '80000001', 'Pénicilline', 'EVA 6/10', 'Brouillon', 'secret-token-123', 'Camille']) {
      expect(text).not.toContain(secret);
    }
    const raw = await disk().docs.get(patient.id);
    // `ward`: the unit she is on now, which her entries' scopes (in clear) already say.
    expect(Object.keys(raw ?? {}).sort()).toEqual([SEALED_FIELD, 'docId', 'docType', 'patientKey', 'scope', 'status', 'ward'].sort());
    expect(raw?.ward).toBe('MED');
    expect(await getMeta(disk(), 'deviceSeq')).toBe(2); // the device's own counters stay readable
    db.close();
  });

  it('does not open with another key', async () => {
    const { db, patient } = await wardWithOneNote();
    setDataKey(await generateDataKey());
    await expect(db.docs.get(patient.id)).rejects.toThrow(/does not open/);
  });

  it('locked: sealed rows read as absent and cannot be written; counts and device facts still work', async () => {
    const { db, patient, note } = await wardWithOneNote();
    setDataKey(null);
    expect(await db.docs.get(patient.id)).toBeUndefined();
    expect(await db.docs.toArray()).toEqual([]);
    expect(await db.entries.bulkGet([patient.id])).toEqual([undefined]);
    expect(await db.entries.filter(() => true).toArray()).toEqual([]);
    await expect(db.drafts.put({ key: 'x', value: 'Dupont', updatedAt: 'now' })).rejects.toMatchObject({ name: 'VaultLockedError' });
    await expect(setMeta(db, 'sessions', {})).rejects.toMatchObject({ name: 'VaultLockedError' });
    expect(await getMeta(db, 'sessions')).toBeUndefined();
    expect(await db.outbox.where('state').equals('pending').primaryKeys()).toEqual([patient.id, note.id]);
    expect(await db.entries.count()).toBe(2);
    await setMeta(db, 'lastSyncError', 'offline');
    expect(await getMeta(db, 'lastSyncError')).toBe('offline');
    expect(await db.drafts.get('x')).toBeUndefined();
  });
});
