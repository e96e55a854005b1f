// The drafts list behind the update gate: every draft on the tablet, with the patient it is
// about found from its key, and another ward's patient never named.
import { describe, it, expect } from 'vitest';
import { freshDb, nurse, admitPatient, dupont, aNote } from './helpers';
import { appendEntry } from '../../src/client/db/append';
import { listDrafts } from '../../src/client/data/drafts';

describe('listDrafts', () => {
  it('finds the patient of each draft from its key, newest first', async () => {
    const db = freshDb();
    const { entry: p } = await admitPatient(db);
    const { entry: n } = await appendEntry(
      db, { docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId: p.id, body: aNote }, nurse,
    );
    await db.drafts.bulkPut([
      { key: `note:new:${p.id}`, value: {}, updatedAt: '2025-03-12T10:00:00.000Z' },
      { key: `note:amend:${n.id}`, value: {}, updatedAt: '2025-03-12T11:00:00.000Z' },
      { key: 'admin:unit-form', value: {}, updatedAt: '2025-03-12T09:00:00.000Z' },
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
    await db.drafts.put({ key: `note:new:${p.id}`, value: {}, updatedAt: '2025-03-12T10:00:00.000Z' });
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
      { key: `form:new:${template}:${p.id}`, value: {}, updatedAt: '2025-03-12T10:00:00.000Z' },
      { key: `admission:new:MED:${template}`, value: {}, updatedAt: '2025-03-12T09:00:00.000Z' },
    ]);
    const [form, admission] = await listDrafts(db, ['MED']);
    expect(form).toMatchObject({ kind: 'form:new', patientId: p.id, unitCode: 'MED' });
    expect(form!.patient?.ipp).toBe(dupont.ipp);
    expect(admission).toMatchObject({ kind: 'admission:new', patientId: null, patient: null, unitCode: 'MED' });
  });

  it('still lists a draft whose patient is not on the tablet (any draft blocks an update)', async () => {
    const db = freshDb();
    await db.drafts.put({ key: 'note:new:0195aaaa-0000-7000-8000-000000000001', value: {}, updatedAt: '2025-03-12T10:00:00.000Z' });
    expect(await listDrafts(db, ['MED'])).toEqual([
      { key: 'note:new:0195aaaa-0000-7000-8000-000000000001', updatedAt: '2025-03-12T10:00:00.000Z', kind: 'note:new', patientId: null, patient: null, unitCode: null },
    ]);
  });
});
