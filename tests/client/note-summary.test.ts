// The ward board's per-patient note summary (client/db/note-summary.ts) always says what counting
// the notes says, after every kind of write, and is written with them or not at all.
import { describe, expect, it } from 'vitest';
import { admin, admitPatient, aNote, dupont, freshDb, nurse, nurse2 } from './helpers';
import Dexie from 'dexie';
import { appendEntry, type NewEntry } from '../../src/client/db/append';
import { applyServerEntries } from '../../src/client/db/apply-pull';
import { buildBoardIndex, figuresOf, summaryFigures, BOARD_LINES_BUILT } from '../../src/client/db/note-summary';
import { reprojectDoc } from '../../src/client/db/project-doc';
import { getMeta } from '../../src/client/db/meta';
import { ReleveDb } from '../../src/client/db/schema';
import { loadWard } from '../../src/client/data/ward';
import { vaultMiddleware } from '../../src/client/db/vault/middleware';
import { docShapeMiddleware } from '../../src/client/db/doc-shape';
import type { Entry } from '../../src/domain/entry';

/** What counting her notes gives, read the slow way. */
async function counted(db: ReleveDb, patientId: string) {
  return figuresOf(await db.docs.where('[patientKey+docType]').equals([patientId, 'note']).toArray());
}

async function expectSummaryTrue(db: ReleveDb, patientId: string) {
  const figures = await counted(db, patientId);
  expect(summaryFigures(await db.noteSummaries.get(patientId))).toEqual(figures);
  return figures;
}

/** The board read from its lines is the board read the slow way (every record, every note counted). */
async function expectBoardTrue(db: ReleveDb, unit = 'MED') {
  const fromLines = await loadWard(unit, db);
  const built = await db.meta.get(BOARD_LINES_BUILT);
  await db.meta.delete(BOARD_LINES_BUILT);
  const slow = await loadWard(unit, db);
  await db.meta.put(built!);
  expect(fromLines).toEqual(slow);
  return fromLines;
}

const noteOn = (patientId: string): NewEntry => ({ docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId, body: aNote });

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

describe('her line has a fixed size and moves by what each write changes (issue 15)', () => {
  it('after forty notes, amends and a retraction her line is no longer than after one', async () => {
    const db = freshDb();
    const { entry: p } = await admitPatient(db);
    const first = await appendEntry(db, noteOn(p.id), nurse);
    const size = async () => JSON.stringify(await db.noteSummaries.get(p.id)).length;
    const afterOne = await size();
    for (let i = 0; i < 39; i++) await appendEntry(db, noteOn(p.id), i % 2 ? nurse : nurse2);
    const base = { docType: 'note', scope: 'unit:MED', patientId: p.id, docId: first.entry.docId } as const;
    const amend = await appendEntry(db, { ...base, kind: 'amend', parents: [first.entry.id], body: { ...aNote, results: 'A' } }, nurse);
    await appendEntry(db, { ...base, kind: 'retract', parents: [amend.entry.id], body: { reason: 'mauvais patient' } }, nurse);
    expect(await expectSummaryTrue(db, p.id)).toMatchObject({ noteCount: 39 });
    expect(await db.noteSummaries.get(p.id)).not.toHaveProperty('notes');
    expect(await size()).toBeLessThanOrEqual(afterOne + 2); // the count's digits, no more
  });

  it('a note entered in error on two tablets at once, and pulled by a third in two pages, leaves the count once', async () => {
    const [a, b, c] = [freshDb(), freshDb(), freshDb()];
    const { entry: p } = await admitPatient(a);
    const n = await appendEntry(a, noteOn(p.id), nurse);
    await appendEntry(a, noteOn(p.id), nurse);
    const served = (entries: Entry[]) => entries.map((e, i) => ({ ...e, serverSeq: i + 1, receivedAt: e.createdAt }));
    const held = async (db: ReleveDb) => (await db.entries.toArray()) as Entry[];
    await applyServerEntries(b, served(await held(a)), 'feed', 3);
    await applyServerEntries(c, served(await held(a)), 'feed', 3); // the third tablet holds both notes already
    const retract = { docType: 'note', scope: 'unit:MED', patientId: p.id, docId: n.entry.docId, kind: 'retract' as const, parents: [n.entry.id], body: { reason: 'doublon' } };
    await appendEntry(a, retract, nurse);
    await appendEntry(b, retract, admin);
    // Each retraction reaches the others separately, then again with everything.
    const [onA, onB] = [await held(a), await held(b)];
    await applyServerEntries(a, served(onB), 'feed', 4);
    await applyServerEntries(b, served(onA), 'feed', 4);
    await applyServerEntries(c, served(onA), 'feed', 4);
    await applyServerEntries(c, served([...onA, ...onB]), 'feed', 5);
    for (const db of [a, b, c]) expect(await expectSummaryTrue(db, p.id)).toMatchObject({ noteCount: 1 });
    expect(await expectBoardTrue(c)).toEqual(await expectBoardTrue(a));
  });

  it('a line written before session 25 (each note named) is read as its counts, and the next save and page write counts', async () => {
    const source = freshDb();
    const { entry: p } = await admitPatient(source);
    const notes = [await appendEntry(source, noteOn(p.id), nurse), await appendEntry(source, noteOn(p.id), nurse2)];
    const all = (await source.entries.toArray()) as Entry[];
    const tablet = freshDb();
    await applyServerEntries(tablet, all.map((e, i) => ({ ...e, serverSeq: i + 1, receivedAt: e.createdAt })), 'feed', 3);
    const { noteCount: _n, lastNoteAt: _l, ...line } = (await tablet.noteSummaries.get(p.id))!;
    const named = Object.fromEntries(notes.map((n) => [n.entry.docId, { lastAt: n.doc.lastAt, retracted: false }]));
    for (const db of [source, tablet]) await db.noteSummaries.put({ ...line, notes: named });
    const before = await expectBoardTrue(tablet);
    expect(before.map((r) => r.noteCount)).toEqual([2]);
    // The next save on one tablet, a retraction pulled by the other: both lines in the new shape, counted right.
    const third = await appendEntry(source, noteOn(p.id), nurse);
    const base = { docType: 'note', scope: 'unit:MED', patientId: p.id, docId: notes[0]!.entry.docId } as const;
    const rt = await appendEntry(source, { ...base, kind: 'retract', parents: [notes[0]!.entry.id], body: { reason: 'doublon' } }, nurse);
    expect(await source.noteSummaries.get(p.id)).not.toHaveProperty('notes');
    await applyServerEntries(tablet, [third.entry, rt.entry].map((e, i) => ({ ...e, serverSeq: 4 + i, receivedAt: e.createdAt })), 'feed', 5);
    expect(await tablet.noteSummaries.get(p.id)).not.toHaveProperty('notes');
    for (const db of [source, tablet]) expect(await expectSummaryTrue(db, p.id)).toEqual({ noteCount: 2, lastNoteAt: rt.doc.lastAt });
  });
});

describe('a tablet upgraded with patients and notes already stored', () => {
  /** The database as the version before the board index left it: version 1, notes and all. */
  async function versionOneTablet() {
    const source = freshDb();
    const { entry: p } = await admitPatient(source);
    await appendEntry(source, noteOn(p.id), nurse);
    const last = await appendEntry(source, noteOn(p.id), nurse2);
    const name = freshDb().name;
    const old = new Dexie(name, { chromeTransactionDurability: 'strict' });
    old.version(1).stores({ entries: 'id, docId, serverSeq', docs: 'docId, [docType+scope], [patientKey+docType], status', outbox: 'entryId, state, authorId', drafts: 'key', meta: 'key' });
    old.use(vaultMiddleware);
    old.use(docShapeMiddleware);
    await old.table('entries').bulkAdd(await source.entries.toArray());
    await old.table('docs').bulkAdd((await source.docs.toArray()).map(({ ward: _, ...row }) => row));
    old.close();
    return { name, patientId: p.id, lastAt: last.doc.lastAt };
  }

  it('counts her notes until the board index is built, then reads the index, with the same board', async () => {
    const { name, patientId, lastAt } = await versionOneTablet();
    const db = new ReleveDb(name);
    expect(await getMeta(db, BOARD_LINES_BUILT)).toBeUndefined();
    const before = await loadWard('MED', db);
    expect(before.map((r) => [r.noteCount, r.lastNoteAt])).toEqual([[2, lastAt]]);
    expect(await db.noteSummaries.count()).toBe(0);
    expect((await db.docs.get(patientId))?.ward).toBeUndefined();
    expect(await buildBoardIndex(db)).toBe(3); // her 2 notes and her record
    expect((await db.docs.get(patientId))?.ward).toBe('MED');
    expect(await getMeta(db, BOARD_LINES_BUILT)).toBeDefined();
    await expectSummaryTrue(db, patientId);
    expect(await loadWard('MED', db)).toEqual(before);
    expect(await buildBoardIndex(db)).toBe(0); // once built, never again
    expect(await db.entries.count()).toBe(3); // nothing lost
  });

  it('a build that fails leaves nothing built, and the board still counts', async () => {
    const { name, patientId } = await versionOneTablet();
    const db = new ReleveDb(name);
    db.noteSummaries.hook('creating', () => { throw new Error('disque plein'); });
    await expect(buildBoardIndex(db)).rejects.toThrow(/disque plein/);
    expect(await getMeta(db, BOARD_LINES_BUILT)).toBeUndefined();
    expect(await db.noteSummaries.get(patientId)).toBeUndefined();
    expect((await loadWard('MED', db))[0]?.noteCount).toBe(2);
  });

  it("a tablet of the version before (summaries of notes only) counts until unlock, then builds lines with her record", async () => {
    const source = freshDb();
    const { entry: p } = await admitPatient(source);
    const last = await appendEntry(source, noteOn(p.id), nurse);
    const name = freshDb().name;
    const old = new Dexie(name, { chromeTransactionDurability: 'strict' });
    old.version(1).stores({ entries: 'id, docId, serverSeq', docs: 'docId, [docType+scope], [patientKey+docType], status', outbox: 'entryId, state, authorId', drafts: 'key', meta: 'key' });
    old.version(2).stores({ noteSummaries: 'patientKey' });
    old.version(3).stores({ docs: 'docId, [docType+scope], [patientKey+docType], status, ward' });
    old.use(vaultMiddleware);
    old.use(docShapeMiddleware);
    await old.table('entries').bulkAdd(await source.entries.toArray());
    await old.table('docs').bulkAdd(await source.docs.toArray());
    await old.table('noteSummaries').bulkAdd((await source.noteSummaries.toArray()).map(({ patientKey, notes }) => ({ patientKey, notes })));
    await old.table('meta').put({ key: 'boardIndexBuilt', value: '2026-12-01T00:00:00.000Z' });
    old.close();
    const db = new ReleveDb(name);
    const before = await loadWard('MED', db);
    expect(before.map((r) => [r.patientId, r.noteCount, r.lastNoteAt])).toEqual([[p.id, 1, last.doc.lastAt]]);
    expect(await buildBoardIndex(db)).toBe(2);
    expect(await db.noteSummaries.get(p.id)).toMatchObject({ ward: 'MED', patient: dupont, retracted: false });
    expect(await loadWard('MED', db)).toEqual(before);
    expect(await db.entries.count()).toBe(2); // nothing lost
  });
});
