import { describe, it, expect } from 'vitest';
import { freshDb, nurse, admitPatient, aNote } from './helpers';
import { appendEntry } from '../../src/client/db/append';
import { StorageFullError, isQuotaError } from '../../src/client/db/storage-full';

describe('a full disk', () => {
  it('recognises QuotaExceededError bare and wrapped in an AbortError', () => {
    const quota = new DOMException('quota', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    const wrapped = Object.assign(new Error('aborted'), { name: 'AbortError', inner: quota });
    expect(isQuotaError(wrapped)).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
  });

  it('turns a quota failure during a save into StorageFullError and writes nothing', async () => {
    const db = freshDb();
    let full = false;
    // Once `full` is set, every write fails the way a full disk does, inside the real Dexie stack.
    db.use({
      stack: 'dbcore',
      name: 'full-disk',
      create: (down) => ({
        ...down,
        table: (name) => {
          const t = down.table(name);
          return {
            ...t,
            mutate: (req) => (full ? Promise.reject(new DOMException('disk full', 'QuotaExceededError')) : t.mutate(req)),
          };
        },
      }),
    });
    const { entry: p } = await admitPatient(db);
    full = true;
    const before = await db.entries.count();
    await expect(
      appendEntry(db, { docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId: p.id, body: aNote }, nurse),
    ).rejects.toBeInstanceOf(StorageFullError);
    expect(await db.entries.count()).toBe(before);
  });
});
