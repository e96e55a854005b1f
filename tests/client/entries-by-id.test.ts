import { describe, it, expect } from 'vitest';
import { entryReads, freshDb, nurse, nurse2, admitPatient, aNote } from './helpers';
import { appendEntry } from '../../src/client/db/append';
import { entriesById } from '../../src/client/db/entries-by-id';
import type { Entry } from '../../src/domain/entry';

describe('reading entries by id', () => {
  it('reads a stretch of neighbouring entries at once and gives them back in the order asked', async () => {
    const db = freshDb();
    const reads = entryReads(db);
    const { entry: p } = await admitPatient(db);
    const notes: Entry[] = [];
    for (let i = 0; i < 8; i++) notes.push((await appendEntry(db, { docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId: p.id, body: aNote }, nurse)).entry);
    reads.length = 0;
    const asked = [notes[5]!.id, notes[1]!.id, 'not-here', notes[2]!.id, notes[3]!.id, notes[4]!.id];
    expect((await entriesById(db, asked)).map((e) => e?.id)).toEqual([notes[5]!.id, notes[1]!.id, undefined, notes[2]!.id, notes[3]!.id, notes[4]!.id]);
    // 1 to 5 are side by side: one range read of 5 rows, nothing else opened
    expect(reads).toEqual([{ by: 'range', rows: 5 }]);
  });

  it('opens only the rows asked for when others lie between them', async () => {
    const db = freshDb();
    const reads = entryReads(db);
    const { entry: p } = await admitPatient(db);
    const mine: Entry[] = [];
    for (let i = 0; i < 6; i++) {
      mine.push((await appendEntry(db, { docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId: p.id, body: aNote }, nurse)).entry);
      await appendEntry(db, { docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId: p.id, body: aNote }, nurse2);
    }
    reads.length = 0;
    const got = await entriesById(db, mine.map((e) => e.id));
    expect(got).toEqual(mine);
    expect(reads).toEqual([{ by: 'id', rows: 6 }]);
  });

  it('reads nothing for an empty list or ids it does not hold', async () => {
    const db = freshDb();
    const reads = entryReads(db);
    expect(await entriesById(db, [])).toEqual([]);
    expect(await entriesById(db, ['a', 'b'])).toEqual([undefined, undefined]);
    expect(reads).toEqual([]);
  });
});
