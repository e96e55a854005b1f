import { describe, it, expect } from 'vitest';
import { freshDb, nurse, admitPatient, aNote } from './helpers';
import { appendEntry, InvalidEntryError } from '../../src/client/db/append';
import { hashMatches } from '../../src/domain/hash';
import { getMeta } from '../../src/client/db/meta';

describe('the one write path', () => {
  it('writes entry, projection and outbox mark together, with a valid hash and a device sequence', async () => {
    const db = freshDb();
    const { entry: p } = await admitPatient(db);
    const { entry, doc } = await appendEntry(
      db,
      { docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId: p.id, body: aNote },
      nurse,
    );
    expect(await hashMatches(entry)).toBe(true);
    expect(entry.deviceSeq).toBe(2);
    expect(entry.docId).toBe(entry.id);
    expect(await db.entries.get(entry.id)).toEqual(entry);
    expect(doc).toMatchObject({ docId: entry.id, status: 'ok', body: aNote, patientKey: p.id });
    expect(await db.docs.get(entry.id)).toMatchObject({ status: 'ok' });
    expect(await db.outbox.get(entry.id)).toMatchObject({ state: 'pending', authorId: nurse.userId });
    expect(await getMeta(db, 'deviceSeq')).toBe(2);
  });

  it('refuses an invalid body and leaves nothing half-written', async () => {
    const db = freshDb();
    const { entry: p } = await admitPatient(db);
    const before = { e: await db.entries.count(), o: await db.outbox.count(), d: await db.docs.count() };
    await expect(
      appendEntry(db, { docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId: p.id, body: { target: '' } }, nurse),
    ).rejects.toBeInstanceOf(InvalidEntryError);
    expect({ e: await db.entries.count(), o: await db.outbox.count(), d: await db.docs.count() }).toEqual(before);
    expect(await getMeta(db, 'deviceSeq')).toBe(1);
  });

  it('refuses an amend whose parent it does not hold', async () => {
    const db = freshDb();
    const { entry: p } = await admitPatient(db);
    const other = await appendEntry(db, { docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId: p.id, body: aNote }, nurse);
    const note = await appendEntry(db, { docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId: p.id, body: aNote }, nurse);
    // the parent exists, but belongs to another document
    await expect(
      appendEntry(db, { docId: note.entry.docId, docType: 'note', kind: 'amend', parents: [other.entry.id], scope: 'unit:MED', patientId: p.id, body: aNote }, nurse),
    ).rejects.toThrow(/unknown parent/);
  });

  it('amend, addendum, retract and two concurrent amends project as the domain says', async () => {
    const db = freshDb();
    const { entry: p } = await admitPatient(db);
    const base = { docType: 'note', scope: 'unit:MED', patientId: p.id } as const;
    const c = await appendEntry(db, { ...base, kind: 'create', parents: [], body: aNote }, nurse);
    const a1 = await appendEntry(db, { ...base, docId: c.entry.docId, kind: 'amend', parents: [c.entry.id], body: { ...aNote, results: 'A' } }, nurse);
    const a2 = await appendEntry(db, { ...base, docId: c.entry.docId, kind: 'amend', parents: [c.entry.id], body: { ...aNote, results: 'B' } }, nurse);
    expect(a2.doc.status).toBe('conflicted');
    expect(a2.doc.heads.sort()).toEqual([a1.entry.id, a2.entry.id].sort());
    const r = await appendEntry(db, { ...base, docId: c.entry.docId, kind: 'resolve', parents: a2.doc.heads, body: { ...aNote, results: 'A+B' } }, nurse);
    expect(r.doc).toMatchObject({ status: 'ok', body: { results: 'A+B' } });
    const ad = await appendEntry(db, { ...base, docId: c.entry.docId, kind: 'addendum', parents: [r.entry.id], body: { text: 'vu par le médecin' } }, nurse);
    expect(ad.doc.addenda).toHaveLength(1);
    const rt = await appendEntry(db, { ...base, docId: c.entry.docId, kind: 'retract', parents: [r.entry.id], body: { reason: 'mauvais patient' } }, nurse);
    expect(rt.doc.retracted).toBe(true);
    expect(await db.entries.where('docId').equals(c.entry.docId).count()).toBe(6);
  });
});
