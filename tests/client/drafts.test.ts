// The drafts list behind the update gate: the reader's own drafts, with the patient each is
// about found from its key, another ward's patient never named, and colleagues' drafts only
// counted by name. A draft is saved as, and found by, the person who started it only.
import { describe, it, expect } from 'vitest';
import { freshDb, nurse, nurse2, admitPatient, dupont, aNote } from './helpers';
import { appendEntry } from '../../src/client/db/append';
import { draftsOfWriter, listDrafts as listAll } from '../../src/client/data/drafts';
import { db } from '../../src/client/db/schema';
import { KeyringDb, keyringDb, type PersonRow } from '../../src/client/db/keyring/keyring-db';
import { setCurrentPerson } from '../../src/client/db/keyring/keyring';
import { adoptUnattributedDrafts, draftRowKey } from '../../src/client/db/draft-keys';
import type { ReleveDb } from '../../src/client/db/schema';

const mine = (key: string) => draftRowKey(nurse.userId, key);
const listDrafts = async (db: ReleveDb, units: string[]) => (await listAll(db, nurse.userId, units)).mine;

describe('listDrafts', () => {
  it('finds the patient of each draft from its key, newest first', async () => {
    const db = freshDb();
    const { entry: p } = await admitPatient(db);
    const { entry: n } = await appendEntry(
      db, { docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId: p.id, body: aNote }, nurse,
    );
    await db.drafts.bulkPut([
      { key: mine(`note:new:${p.id}`), value: {}, updatedAt: '2025-03-12T10:00:00.000Z' },
      { key: mine(`note:amend:${n.id}`), value: {}, updatedAt: '2025-03-12T11:00:00.000Z' },
      { key: mine('admin:unit-form'), value: {}, updatedAt: '2025-03-12T09:00:00.000Z' },
    ]);

    const drafts = await listDrafts(db, ['MED']);
    expect(drafts.map((d) => d.key)).toEqual([`note:amend:${n.id}`, `note:new:${p.id}`, 'admin:unit-form']);
    expect(drafts[0]).toMatchObject({ kind: 'note:amend', patientId: p.id, unitCode: 'MED', updatedAt: '2025-03-12T11:00:00.000Z' });
    expect(drafts[0]!.patient).toMatchObject({ lastName: dupont.lastName, ipp: dupont.ipp });
    expect(drafts[1]).toMatchObject({ kind: 'note:new', patientId: p.id });
    expect(drafts[2]).toMatchObject({ kind: 'admin:unit-form', patientId: null, patient: null, unitCode: null });
  });

  it('lists another ward’s draft by its ward only (the previous shift’s, on a shared tablet)', async () => {
    const db = freshDb();
    const { entry: p } = await admitPatient(db, { ...dupont, unitCode: 'CHIR' });
    await db.drafts.put({ key: mine(`note:new:${p.id}`), value: {}, updatedAt: '2025-03-12T10:00:00.000Z' });
    const [d] = await listDrafts(db, ['MED']);
    expect(d).toMatchObject({ patientId: p.id, unitCode: 'CHIR', patient: null });
    const [own] = await listDrafts(db, ['MED', 'CHIR']);
    expect(own!.patient?.lastName).toBe(dupont.lastName);
  });

  it('reads the keys of forms and admissions: the kind is the first two parts, then patient or ward', async () => {
    const db = freshDb();
    const { entry: p } = await admitPatient(db);
    const template = '0195aaaa-0000-7000-8000-0000000000aa';
    await db.drafts.bulkPut([
      { key: mine(`form:new:${template}:${p.id}`), value: {}, updatedAt: '2025-03-12T10:00:00.000Z' },
      { key: mine(`admission:new:MED:${template}`), value: {}, updatedAt: '2025-03-12T09:00:00.000Z' },
    ]);
    const [form, admission] = await listDrafts(db, ['MED']);
    expect(form).toMatchObject({ kind: 'form:new', patientId: p.id, unitCode: 'MED' });
    expect(form!.patient?.ipp).toBe(dupont.ipp);
    expect(admission).toMatchObject({ kind: 'admission:new', patientId: null, patient: null, unitCode: 'MED' });
  });

  it('still lists a draft whose patient is not on the tablet (any draft blocks an update)', async () => {
    const db = freshDb();
    await db.drafts.put({ key: mine('note:new:0195aaaa-0000-7000-8000-000000000001'), value: {}, updatedAt: '2025-03-12T10:00:00.000Z' });
    expect(await listDrafts(db, ['MED'])).toEqual([
      { key: 'note:new:0195aaaa-0000-7000-8000-000000000001', updatedAt: '2025-03-12T10:00:00.000Z', kind: 'note:new', patientId: null, patient: null, unitCode: null },
    ]);
  });
});

describe('drafts on a shared tablet belong to whoever started them', () => {
  const person = (a: typeof nurse) => ({ userId: a.userId, user: { id: a.userId, name: a.name, role: a.role, units: ['MED'] } }) as unknown as PersonRow;

  it('lists only the reader’s drafts; a colleague’s are counted under her name, never shown', async () => {
    const db = freshDb();
    const k = new KeyringDb(`drafts-keyring-${Math.random()}`);
    await k.people.bulkPut([person(nurse), person(nurse2)]);
    const { entry: p } = await admitPatient(db);
    await db.drafts.bulkPut([
      { key: draftRowKey(nurse.userId, `note:new:${p.id}`), value: { data: 'A' }, updatedAt: '2025-03-12T10:00:00.000Z' },
      { key: draftRowKey(nurse2.userId, `note:new:${p.id}`), value: { data: 'B' }, updatedAt: '2025-03-12T10:05:00.000Z' },
      { key: draftRowKey(nurse2.userId, 'admin:unit-form'), value: {}, updatedAt: '2025-03-12T10:06:00.000Z' },
    ]);
    const a = await listAll(db, nurse.userId, ['MED'], k);
    expect(a.mine.map((d) => d.key)).toEqual([`note:new:${p.id}`]);
    expect(a.others).toEqual([{ name: nurse2.name, count: 2 }]);
    const b = await listAll(db, nurse2.userId, ['MED'], k);
    expect(b.mine.map((d) => d.key)).toEqual(['admin:unit-form', `note:new:${p.id}`]);
    expect(b.others).toEqual([{ name: nurse.name, count: 1 }]);
  });

  it('saves and clears as the person who opened the editor, even when the save lands after a switch', async () => {
    const k = keyringDb();
    await setCurrentPerson(k, nurse.userId);
    const hers = draftsOfWriter();
    await setCurrentPerson(k, nurse2.userId); // "Changer d'utilisateur" before her last keystrokes landed
    await hers.save('note:new:p1', { data: 'à moitié tapé' });
    expect(await db().drafts.get(draftRowKey(nurse.userId, 'note:new:p1'))).toMatchObject({ value: { data: 'à moitié tapé' } });
    expect(await db().drafts.get(draftRowKey(nurse2.userId, 'note:new:p1'))).toBeUndefined();
    await draftsOfWriter().save('note:new:p1', { data: 'B' });
    await hers.clear('note:new:p1');
    expect(await db().drafts.get(draftRowKey(nurse.userId, 'note:new:p1'))).toBeUndefined();
    expect(await db().drafts.get(draftRowKey(nurse2.userId, 'note:new:p1'))).toMatchObject({ value: { data: 'B' } });
  });

  it('gives an upgraded tablet’s drafts (no author) to who was writing, never over one of hers', async () => {
    const db = freshDb();
    await db.drafts.bulkPut([
      { key: 'note:new:p1', value: { data: 'ancien 1' }, updatedAt: '2025-03-12T10:00:00.000Z' },
      { key: 'note:new:p2', value: { data: 'ancien 2' }, updatedAt: '2025-03-12T10:00:00.000Z' },
      { key: draftRowKey(nurse.userId, 'note:new:p2'), value: { data: 'le sien' }, updatedAt: '2025-03-12T11:00:00.000Z' },
    ]);
    await adoptUnattributedDrafts(db, nurse.userId);
    expect(await db.drafts.get(draftRowKey(nurse.userId, 'note:new:p1'))).toMatchObject({ value: { data: 'ancien 1' } });
    expect(await db.drafts.get('note:new:p1')).toBeUndefined();
    expect(await db.drafts.get(draftRowKey(nurse.userId, 'note:new:p2'))).toMatchObject({ value: { data: 'le sien' } });
    expect(await db.drafts.get('note:new:p2')).toMatchObject({ value: { data: 'ancien 2' } }); // kept, not lost
  });
});
