// The ward board's per-patient note summary (client/db/note-summary.ts) always says what counting
// the notes says, after every kind of write, and is written with them or not at all.
import { describe, expect, it } from 'vitest';
import { admin, admitPatient, aNote, dupont, freshDb, nurse, nurse2 } from './helpers';
import Dexie from 'dexie';
import { appendEntry } from '../../src/client/db/append';
import { applyServerEntries } from '../../src/client/db/apply-pull';
import { summaryFigures } from '../../src/client/db/note-summary';
import { reprojectDoc } from '../../src/client/db/project-doc';
import { ReleveDb } from '../../src/client/db/schema';
import { loadWard } from '../../src/client/data/ward';
import type { Entry } from '../../src/domain/entry';
import { counted, expectBoardTrue, expectSummaryTrue, noteOn } from './note-summary-checks';

describe("the board's note summary", () => {
  it('follows saves, amends, conflicts, addenda and retractions', async () => {
    const db = freshDb();
    const { entry: p } = await admitPatient(db);
    expect(await expectSummaryTrue(db, p.id)).toEqual({ noteCount: 0, lastNoteAt: null });
    const base = { docType: 'note', scope: 'unit:MED', patientId: p.id } as const;
    const c = await appendEntry(db, noteOn(p.id), nurse);
    await appendEntry(db, noteOn(p.id), nurse2);
    expect((await expectSummaryTrue(db, p.id)).noteCount).toBe(2);
    const a1 = await appendEntry(db, { ...base, docId: c.entry.docId, kind: 'amend', parents: [c.entry.id], body: { ...aNote, results: 'A' } }, nurse);
    const a2 = await appendEntry(db, { ...base, docId: c.entry.docId, kind: 'amend', parents: [c.entry.id], body: { ...aNote, results: 'B' } }, nurse2);
    expect(a2.doc.status).toBe('conflicted');
    await expectSummaryTrue(db, p.id);
    const r = await appendEntry(db, { ...base, docId: c.entry.docId, kind: 'resolve', parents: a2.doc.heads, body: { ...aNote, results: 'A+B' } }, nurse);
    await appendEntry(db, { ...base, docId: c.entry.docId, kind: 'addendum', parents: [a1.entry.id], body: { text: 'vu' } }, nurse);
    await expectSummaryTrue(db, p.id);
    const rt = await appendEntry(db, { ...base, docId: c.entry.docId, kind: 'retract', parents: [r.entry.id], body: { reason: 'mauvais patient' } }, nurse);
    expect(rt.doc.retracted).toBe(true);
    const after = await expectSummaryTrue(db, p.id);
    expect(after).toEqual({ noteCount: 1, lastNoteAt: rt.doc.lastAt });
    await expectBoardTrue(db);
    // A reprojection (a flag came back from the server) writes the same figures again.
    await db.transaction('rw', [db.entries, db.docs, db.noteSummaries], () => reprojectDoc(db, c.entry.docId));
    expect(await expectSummaryTrue(db, p.id)).toEqual(after);
  });

  it('follows pulled pages, the same page twice, and conflicts made on two tablets', async () => {
    const a = freshDb();
    const b = freshDb();
    const { entry: p } = await admitPatient(a);
    const c = await appendEntry(a, noteOn(p.id), nurse);
    const pull = async (from: ReleveDb, to: ReleveDb, next: number) => {
      const all = (await from.entries.toArray()) as Entry[];
      await applyServerEntries(to, all, 'feed', next);
      await applyServerEntries(to, all, 'feed', next); // a page pulled again changes nothing
    };
    await pull(a, b, 1);
    expect((await expectSummaryTrue(b, p.id)).noteCount).toBe(1);
    const base = { docType: 'note', scope: 'unit:MED', patientId: p.id, docId: c.entry.docId, kind: 'amend' as const, parents: [c.entry.id] };
    await appendEntry(a, { ...base, body: { ...aNote, results: 'A' } }, nurse);
    await appendEntry(b, { ...base, body: { ...aNote, results: 'B' } }, nurse2);
    await appendEntry(b, noteOn(p.id), nurse2);
    await pull(a, b, 2);
    await pull(b, a, 3);
    for (const db of [a, b]) expect(await db.docs.get(c.entry.docId)).toMatchObject({ status: 'conflicted' });
    const onA = await expectSummaryTrue(a, p.id);
    expect(await expectSummaryTrue(b, p.id)).toEqual(onA);
    expect(onA.noteCount).toBe(2);
    expect(await expectBoardTrue(b)).toEqual(await expectBoardTrue(a));
  });

  it('two tabs saving notes for one patient at the same moment are both counted', async () => {
    const tabA = new ReleveDb(freshDb().name);
    const { entry: p } = await admitPatient(tabA);
    const tabB = new ReleveDb(tabA.name);
    for (let round = 0; round < 3; round++) await Promise.all([appendEntry(tabA, noteOn(p.id), nurse), appendEntry(tabB, noteOn(p.id), nurse2)]);
    expect((await expectSummaryTrue(tabA, p.id)).noteCount).toBe(6);
  });

  it('a save whose summary cannot be written leaves no note, and a note not written leaves no count', async () => {
    const db = freshDb();
    const { entry: p } = await admitPatient(db);
    const entries = await db.entries.count();
    const failing = (table: Dexie.Table) => {
      table.hook('creating', () => { throw new Error('disque plein'); });
      table.hook('updating', () => { throw new Error('disque plein'); }); // her line exists since her admission
    };
    failing(db.noteSummaries);
    await expect(appendEntry(db, noteOn(p.id), nurse)).rejects.toThrow(/disque plein/);
    expect({ entries: await db.entries.count(), notes: (await counted(db, p.id)).noteCount }).toEqual({ entries, notes: 0 });
    const other = new ReleveDb(db.name); // a connection without the failing hook
    failing(other.docs);
    await expect(appendEntry(other, noteOn(p.id), nurse)).rejects.toThrow(/disque plein/);
    expect(summaryFigures(await other.noteSummaries.get(p.id))).toEqual({ noteCount: 0, lastNoteAt: null });
    expect(await other.entries.count()).toBe(entries);
  });

  it("the board opens one line per patient of its own ward, and no note nor record", async () => {
    const db = freshDb();
    const { entry: p } = await admitPatient(db);
    const { entry: elsewhere } = await admitPatient(db, { ...dupont, ipp: '80000002', unitCode: 'REA' });
    for (const id of [p.id, p.id, elsewhere.id]) await appendEntry(db, { ...noteOn(id), scope: `unit:${id === p.id ? 'MED' : 'REA'}` }, nurse);
    const read: string[] = [];
    const watched = new ReleveDb(db.name); // a second connection, watched from its opening
    watched.use({
      stack: 'dbcore', name: 'reads-watch', level: 0,
      create: (down) => ({
        ...down,
        table: (name) => {
          const t = down.table(name);
          const seen = (rows: unknown[]) => rows.forEach((r) => r && read.push(`${name}:${(r as { docType?: string }).docType ?? (r as { patientKey?: string }).patientKey}`));
          return { ...t, getMany: async (req) => { const rows = await t.getMany(req); seen(rows); return rows; }, query: async (req) => { const res = await t.query(req); if (req.values) seen(res.result); return res; } };
        },
      }),
    });
    const board = await loadWard('MED', watched);
    expect(board.map((r) => [r.patientId, r.noteCount])).toEqual([[p.id, 2]]);
    expect(read.filter((r) => r.startsWith('noteSummaries'))).toEqual([`noteSummaries:${p.id}`]);
    expect(read).not.toContain('docs:note');
    expect(read.filter((r) => r.startsWith('docs:'))).toEqual([]);
  });

  it("her line follows her record: a new room, a conflict on it, a discharge, entered in error", async () => {
    const db = freshDb();
    const { entry: p } = await admitPatient(db);
    const { entry: q } = await admitPatient(db, { ...dupont, ipp: '80000003', room: '12' });
    await appendEntry(db, noteOn(p.id), nurse);
    const record = { docId: p.docId, docType: 'patient', kind: 'amend' as const, parents: [p.id], scope: 'unit:MED' };
    await appendEntry(db, { ...record, body: { ...dupont, room: '7' } }, admin);
    expect((await expectBoardTrue(db)).find((r) => r.patientId === p.id)?.patient.room).toBe('7');
    const other = await appendEntry(db, { ...record, body: { ...dupont, room: '9' } }, admin);
    expect(other.doc.status).toBe('conflicted');
    expect((await expectBoardTrue(db)).find((r) => r.patientId === p.id)).toMatchObject({ conflicted: true, noteCount: 1 });
    await appendEntry(db, { ...record, kind: 'resolve', parents: other.doc.heads, body: { ...dupont, room: '7', status: 'discharged' } }, admin);
    expect((await expectBoardTrue(db)).map((r) => r.patientId)).toEqual([q.id]);
    await appendEntry(db, { docId: q.docId, docType: 'patient', kind: 'retract', parents: [q.id], scope: 'unit:MED', body: { reason: 'doublon' } }, admin);
    expect(await expectBoardTrue(db)).toEqual([]);
  });

  it('a tablet that pulls her record and notes from another builds the same lines', async () => {
    const a = freshDb();
    const b = freshDb();
    const { entry: p } = await admitPatient(a);
    await appendEntry(a, noteOn(p.id), nurse);
    await appendEntry(a, { docId: p.docId, docType: 'patient', kind: 'amend', parents: [p.id], scope: 'unit:MED', body: { ...dupont, room: '3' } }, admin);
    const all = (await a.entries.toArray()) as Entry[];
    // Her notes before her record: the line waits for the record to show on the board.
    await applyServerEntries(b, all.filter((e) => e.docType === 'note'), 'feed', 1);
    expect(await expectBoardTrue(b)).toEqual([]);
    await applyServerEntries(b, all, 'feed', 2);
    expect(await expectBoardTrue(b)).toEqual(await expectBoardTrue(a));
    expect((await loadWard('MED', b))[0]).toMatchObject({ noteCount: 1, patient: { room: '3' } });
  });

  it('a patient moved to another ward leaves the first board and shows on the second, her notes with her', async () => {
    const db = freshDb();
    const { entry: p } = await admitPatient(db);
    await appendEntry(db, noteOn(p.id), nurse);
    await appendEntry(db, { docId: p.docId, docType: 'patient', kind: 'amend', parents: [p.id], scope: 'unit:REA', body: { ...dupont, unitCode: 'REA' } }, admin);
    expect(await expectBoardTrue(db, 'MED')).toEqual([]);
    expect((await expectBoardTrue(db, 'REA')).map((r) => [r.patientId, r.noteCount])).toEqual([[p.id, 1]]);
  });
});
