// The server's integrity rules, checked on the tablet before saving (issue 10): the nurse is
// told at once, and nothing is written that the server would refuse.
import { describe, expect, it } from 'vitest';
import { admitPatient, aNote, dupont, freshDb, nurse, nurse2 } from './helpers';
import { appendEntry, InvalidEntryError } from '../../src/client/db/append';
import { newId, type Author } from '../../src/domain/entry';

const charge: Author = { userId: 'u-charge', name: 'Cadre', role: 'charge' };

describe('before saving, on the tablet', () => {
  it('refuses invisible control characters in a note, and writes nothing', async () => {
    const db = freshDb();
    const { doc: patient } = await admitPatient(db);
    const draft = { docType: 'note', kind: 'create' as const, parents: [], scope: 'unit:MED', patientId: patient.docId };
    await expect(appendEntry(db, { ...draft, body: { ...aNote, data: '10 mg \u202E gm 01' } }, nurse)).rejects.toThrow(/invisible control character \(U\+202E\)/);
    expect(await db.entries.count()).toBe(1);
    await expect(appendEntry(db, { ...draft, body: aNote }, nurse)).resolves.toBeDefined();
  });

  it('refuses a note on a patient the tablet does not know, or on something that is not a patient', async () => {
    const db = freshDb();
    const { doc: patient } = await admitPatient(db);
    const note = await appendEntry(db, { docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId: patient.docId, body: aNote }, nurse);
    for (const patientId of [newId(), note.entry.docId]) {
      await expect(appendEntry(db, { docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId, body: aNote }, nurse)).rejects.toThrow(InvalidEntryError);
    }
  });

  it("lets a nurse change a patient's room but not their identity; a charge nurse may", async () => {
    const db = freshDb();
    const { entry } = await admitPatient(db);
    const amend = (body: object, who: Author) =>
      appendEntry(db, { docId: entry.docId, docType: 'patient', kind: 'amend', parents: [entry.id], scope: 'unit:MED', body }, who);
    await expect(amend({ ...dupont, lastName: 'Durand' }, nurse)).rejects.toThrow(/only a charge nurse or an admin may change a patient's identity \(lastName\)/);
    await expect(amend({ ...dupont, room: '114' }, nurse)).resolves.toBeDefined();
  });

  it('lets only the author, a charge nurse or an admin retract a note, and only charge/admin retract a patient', async () => {
    const db = freshDb();
    const { doc: patient, entry: patientEntry } = await admitPatient(db);
    const { entry: note } = await appendEntry(db, { docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId: patient.docId, body: aNote }, nurse);
    const retract = (target: typeof note, who: Author) =>
      appendEntry(db, { docId: target.docId, docType: target.docType, kind: 'retract', parents: [target.id], scope: 'unit:MED', ...(target.patientId ? { patientId: target.patientId } : {}), body: { reason: 'Erreur' } }, who);
    await expect(retract(note, nurse2)).rejects.toThrow(/only its author, a charge nurse or an admin/);
    await expect(retract(patientEntry, nurse)).rejects.toThrow(/only a charge nurse or an admin may retract a patient/);
    await expect(retract(note, nurse)).resolves.toBeDefined();
    await expect(retract(patientEntry, charge)).resolves.toBeDefined();
  });
});
