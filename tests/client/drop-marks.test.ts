import { describe, it, expect } from 'vitest';
import { freshDb } from './helpers';
import { dropMarks } from '../../src/client/db/drop-marks';
import { newId } from '../../src/domain/entry';
import type { OutboxRow } from '../../src/client/db/schema';

const mark = (entryId: string, deviceSeq: number, authorId = 'u-nurse'): OutboxRow => ({ entryId, authorId, state: 'pending', deviceSeq, reason: null, lastAttemptAt: null });

describe('dropping the marks of acknowledged entries', () => {
  it('drops exactly the marks named, even with others between them in key order', async () => {
    const db = freshDb();
    const ids = Array.from({ length: 12 }, () => newId());
    await db.outbox.bulkAdd(ids.map((id, i) => mark(id, i + 1, i === 4 || i === 9 ? 'u-other' : 'u-nurse')));
    // Acknowledged: 0-3, 5, 7-8 and 10 (a rejected run, 6, and another author's 4 and 9 stay; 11 was never sent).
    const going = [0, 1, 2, 3, 5, 7, 8, 10].map((i) => ids[i]!);
    await db.transaction('rw', db.outbox, () => dropMarks(db, [...going].reverse()));
    expect((await db.outbox.toCollection().primaryKeys()).sort()).toEqual([4, 6, 9, 11].map((i) => ids[i]!).sort());
  });

  it('ignores ids that have no mark, and an empty list', async () => {
    const db = freshDb();
    const [a, b, c] = [newId(), newId(), newId()];
    await db.outbox.bulkAdd([mark(a, 1), mark(c, 3)]);
    await dropMarks(db, []);
    await dropMarks(db, [b, c]);
    expect(await db.outbox.toCollection().primaryKeys()).toEqual([a]);
  });

  it('keeps every mark when its transaction fails', async () => {
    const db = freshDb();
    const ids = [newId(), newId(), newId()];
    await db.outbox.bulkAdd(ids.map((id, i) => mark(id, i + 1)));
    await expect(
      db.transaction('rw', db.outbox, async () => {
        await dropMarks(db, ids);
        throw new Error('the disk is full');
      }),
    ).rejects.toThrow('the disk is full');
    expect(await db.outbox.count()).toBe(3);
  });
});
