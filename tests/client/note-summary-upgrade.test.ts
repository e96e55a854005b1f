// The board line's fixed size, and tablets whose lines (or none) were written by an earlier version.
import { describe, expect, it } from 'vitest';
import { admin, admitPatient, aNote, dupont, freshDb, nurse, nurse2 } from './helpers';
import Dexie from 'dexie';
import { appendEntry } from '../../src/client/db/append';
import { applyServerEntries } from '../../src/client/db/apply-pull';
import { buildBoardIndex, BOARD_LINES_BUILT } from '../../src/client/db/note-summary';
import { getMeta } from '../../src/client/db/meta';
import { ReleveDb } from '../../src/client/db/schema';
import { loadWard } from '../../src/client/data/ward';
import { vaultMiddleware } from '../../src/client/db/vault/middleware';
import { docShapeMiddleware } from '../../src/client/db/doc-shape';
import type { Entry } from '../../src/domain/entry';
import { expectBoardTrue, expectSummaryTrue, noteOn } from './note-summary-checks';

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
