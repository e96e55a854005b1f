// The one write path stamps every entry with the episode in force on this tablet, offline,
// whatever its docType; and stops once the episode has ended.
import { describe, expect, it } from 'vitest';
import { admin, admitPatient, aNote, freshDb, nurse } from './helpers'; // first: it installs fake-indexeddb
import { appendEntry } from '../../src/client/db/append';
import { endedBody } from '../../src/domain/downtime/episode';
import type { DowntimeBody } from '../../src/domain/schemas/downtime';
import type { Author } from '../../src/domain/entry';

const charge: Author = { userId: 'u-charge', name: 'Nathalie Rousseau', role: 'charge' };
const medEpisode: DowntimeBody = { area: 'unit', unitCode: 'MED', startedAt: '2026-03-02T14:05:00.000Z', reason: 'switchboard', down: ['phones'], drill: false };

describe('downtime stamping on the tablet', () => {
  it('stamps notes and checklist runs written while the ward’s episode is in force, not the episode itself', async () => {
    const db = freshDb();
    const patient = await admitPatient(db);
    const before = await appendEntry(db, { docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId: patient.doc.docId, body: aNote }, nurse);
    expect(before.entry.downtimeId).toBeUndefined();

    const declared = await appendEntry(db, { docType: 'downtime', kind: 'create', parents: [], scope: 'unit:MED', body: medEpisode }, charge);
    expect(declared.entry.downtimeId).toBeUndefined();

    const note = await appendEntry(db, { docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId: patient.doc.docId, body: aNote }, nurse);
    expect(note.entry.downtimeId).toBe(declared.doc.docId);
    const stored = await db.entries.get(note.entry.id);
    expect(stored?.downtimeId).toBe(declared.doc.docId);

    const amendBefore = await appendEntry(db, { docId: before.doc.docId, docType: 'note', kind: 'amend', parents: before.doc.heads, scope: 'unit:MED', patientId: patient.doc.docId, body: { ...aNote, results: 'EVA 2/10' } }, nurse);
    expect(amendBefore.entry.downtimeId).toBe(declared.doc.docId);

    const ended = await appendEntry(db, { docId: declared.doc.docId, docType: 'downtime', kind: 'amend', parents: declared.doc.heads, scope: 'unit:MED', body: endedBody(medEpisode, '2026-03-02T16:15:00.000Z', charge) }, charge);
    expect(ended.entry.downtimeId).toBeUndefined();
    const after = await appendEntry(db, { docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId: patient.doc.docId, body: aNote }, nurse);
    expect(after.entry.downtimeId).toBeUndefined();
  });

  it('stamps another ward’s entries only with a hospital-wide episode', async () => {
    const db = freshDb();
    await appendEntry(db, { docType: 'downtime', kind: 'create', parents: [], scope: 'unit:CHIR', body: { ...medEpisode, unitCode: 'CHIR' } }, admin);
    const patient = await admitPatient(db);
    const note = await appendEntry(db, { docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId: patient.doc.docId, body: aNote }, nurse);
    expect(note.entry.downtimeId).toBeUndefined();

    const all = await appendEntry(db, { docType: 'downtime', kind: 'create', parents: [], scope: 'global', body: { area: 'hospital', startedAt: '2026-03-02T13:00:00.000Z', reason: 'cyberattack', down: ['records'], drill: true } }, admin);
    const second = await appendEntry(db, { docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId: patient.doc.docId, body: aNote }, nurse);
    expect(second.entry.downtimeId).toBe(all.doc.docId);
  });

  it('keeps a downtimeId the caller gave', async () => {
    const db = freshDb();
    const patient = await admitPatient(db);
    const given = '01950000-0000-7000-8000-000000000001';
    const note = await appendEntry(db, { docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId: patient.doc.docId, body: aNote, downtimeId: given }, nurse);
    expect(note.entry.downtimeId).toBe(given);
  });
});
