// Issue 15: a save is ONE strict commit and a pulled page is ONE, whatever they read first.
// Counted at Dexie's lowest layer (DBCore), so a helper committing a transaction of its own
// (as ensureDeviceId once did) shows up here.
import { describe, expect, it } from 'vitest';
import { admitPatient, aNote, freshDb, nurse } from './helpers';
import { appendEntry, InvalidEntryError } from '../../src/client/db/append';
import { applyServerEntries } from '../../src/client/db/apply-pull';
import { getMeta } from '../../src/client/db/meta';
import { BOARD_LINES_BUILT } from '../../src/client/db/note-summary';
import { ReleveDb } from '../../src/client/db/schema';
import { hashMatches } from '../../src/domain/hash';
import type { Entry } from '../../src/domain/entry';

function countingCommits(db: ReleveDb): { readwrite: number } {
  const counter = { readwrite: 0 };
  db.use({
    stack: 'dbcore',
    name: 'count-commits',
    create: (down) => ({
      ...down,
      transaction(stores, mode, options) {
        if (mode === 'readwrite') counter.readwrite++;
        return down.transaction(stores, mode, options);
      },
    }),
  });
  return counter;
}

const served = (entries: Entry[]) => entries.map((e, i) => ({ ...e, serverSeq: i + 1, receivedAt: '2026-01-01T00:00:00.000Z' }));

describe('one commit per save, one per pulled page', () => {
  it('a first save on a fresh tablet makes its device id in the same transaction as the entry', async () => {
    const db = freshDb();
    const commits = countingCommits(db);
    const { entry } = await admitPatient(db);
    expect(commits.readwrite).toBe(1);
    expect(await getMeta(db, 'deviceId')).toBe(entry.deviceId);
    const note = { docType: 'note', kind: 'create' as const, parents: [], scope: 'unit:MED', patientId: entry.id, body: aNote };
    const second = await appendEntry(db, note, nurse);
    expect(second.entry.deviceId).toBe(entry.deviceId);
    expect(second.entry.deviceSeq).toBe(2);
    expect(commits.readwrite).toBe(2);
  });

  it('a refused first save leaves even the device id unwritten', async () => {
    const db = freshDb();
    const bad = { docType: 'note', kind: 'create' as const, parents: [], scope: 'unit:MED', patientId: 'nobody', body: aNote };
    await expect(appendEntry(db, bad, nurse)).rejects.toBeInstanceOf(InvalidEntryError);
    // A new tablet's database holds one fact from its creation: its note summaries are complete.
    expect((await db.meta.toArray()).map((m) => m.key)).toEqual([BOARD_LINES_BUILT]);
    expect(await db.entries.count()).toBe(0);
  });

  it('a page of many documents, one of them already held, is applied in one transaction', async () => {
    const a = freshDb();
    const { entry: p } = await admitPatient(a);
    const notes: Entry[] = [];
    for (let i = 0; i < 5; i++) {
      notes.push((await appendEntry(a, { docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId: p.id, body: aNote }, nurse)).entry);
    }
    const amend = await appendEntry(a, { docId: notes[0]!.docId, docType: 'note', kind: 'amend', parents: [notes[0]!.id], scope: 'unit:MED', patientId: p.id, body: { ...aNote, results: 'EVA 1/10' } }, nurse);
    const b = freshDb();
    const commits = countingCommits(b);
    await applyServerEntries(b, served([p, notes[0]!]), 'k', 2);
    commits.readwrite = 0;
    // the rest, with one entry twice in the page (a retried page overlapping the last one)
    const r = await applyServerEntries(b, served([...notes.slice(1), amend.entry, notes[1]!]), 'k', 9);
    expect(commits.readwrite).toBe(1);
    expect(r).toEqual({ added: 5, known: 1, corrupt: [] });
    expect(await b.entries.count()).toBe(7);
    expect(await b.docs.get(notes[0]!.docId)).toMatchObject({ status: 'ok', body: { results: 'EVA 1/10' }, entryCount: 2 });
    expect(await b.docs.get(notes[0]!.docId)).toEqual(await a.docs.get(notes[0]!.docId));
  });

  it('two tabs saving on one tablet never share a device sequence: a stale guess is hashed again', async () => {
    // Two connections to one database (two tabs); the vault is beside the point here.
    const tabA = new ReleveDb(freshDb().name);
    const tabB = new ReleveDb(tabA.name);
    const { entry: p } = await admitPatient(tabA);
    const note = { docType: 'note', kind: 'create' as const, parents: [], scope: 'unit:MED', patientId: p.id, body: aNote };
    const written: Entry[] = [p];
    // A remembers deviceSeq 1; B saves 2 and 3 behind its back; A must not reuse 2.
    for (const tab of [tabB, tabB, tabA, tabB, tabA, tabA]) written.push((await appendEntry(tab, note, nurse)).entry);
    expect(written.map((e) => e.deviceSeq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(new Set(written.map((e) => e.deviceId)).size).toBe(1);
    for (const e of written) {
      expect(await hashMatches(e)).toBe(true);
      expect(await tabA.entries.get(e.id)).toEqual(e);
    }
    expect(await getMeta(tabA, 'deviceSeq')).toBe(7);
  });
});
