// Issue 15: inside a save's strict transaction every IndexedDB request costs a round trip (on a
// loaded tablet, most of a save's time). A note saved for a patient an earlier save found reads
// only what may have changed behind this tab (its device counter, the downtime episodes, her note
// summary), and makes its writes in the same round: nothing waits for a second round.
import { describe, expect, it } from 'vitest';
import { admitPatient, aNote, freshDb, nurse } from './helpers';
import Dexie from 'dexie';
import { appendEntry, InvalidEntryError, type NewEntry } from '../../src/client/db/append';
import { summaryFigures } from '../../src/client/db/note-summary';
import { ReleveDb } from '../../src/client/db/schema';

/** The DBCore requests of each read-write transaction, by table, in the order they are made, and how many rounds they took. */
function watchRequests(db: ReleveDb): { requests: string[]; rounds: number[] } {
  const seen = { requests: [] as string[], rounds: [] as number[] };
  db.use({
    stack: 'dbcore',
    name: 'watch-requests',
    create: (down) => ({
      ...down,
      table: (name) => {
        const t = down.table(name);
        const wrap = <A extends { trans: unknown }, R>(kind: string, call: (req: A) => Promise<R>) => (req: A) => {
          if ((req.trans as IDBTransaction).mode === 'readwrite') {
            seen.requests.push(`${name}.${kind}`);
            // A request made after another of the same transaction answered starts a new round.
            const state = req.trans as { rounds?: number; answered?: boolean };
            if (state.rounds === undefined || state.answered) {
              state.rounds = (state.rounds ?? 0) + 1;
              state.answered = false;
              seen.rounds.push(state.rounds);
            }
            return call(req).finally(() => void (state.answered = true));
          }
          return call(req);
        };
        return { ...t, get: wrap('get', t.get), getMany: wrap('getMany', t.getMany), query: wrap('query', t.query), mutate: wrap('mutate', t.mutate) };
      },
    }),
  });
  return seen;
}

const noteOn = (patientId: string): NewEntry => ({ docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId, body: aNote });

describe("a save's requests", () => {
  it('a second note for a patient reads the device counter, the episodes and her summary, in one round with its five writes', async () => {
    const db = freshDb();
    const seen = watchRequests(db);
    const { entry: p } = await admitPatient(db);
    await appendEntry(db, noteOn(p.id), nurse);
    seen.requests.length = 0;
    seen.rounds.length = 0;
    await appendEntry(db, noteOn(p.id), nurse);
    expect([...seen.requests].sort()).toEqual(
      ['docs.mutate', 'docs.query', 'entries.mutate', 'meta.mutate', 'meta.query', 'noteSummaries.get', 'noteSummaries.mutate', 'outbox.mutate'],
    );
    expect(Math.max(...seen.rounds)).toBe(1);
    expect(summaryFigures(await db.noteSummaries.get(p.id)).noteCount).toBe(2);
  });

  it("a patient's first note checks her through her index, keys only", async () => {
    const db = freshDb();
    const { entry: p } = await admitPatient(db);
    const tab = new ReleveDb(db.name); // another tab, which has never saved for her
    const seen = watchRequests(tab);
    await appendEntry(tab, noteOn(p.id), nurse);
    expect(seen.requests.filter((r) => r.startsWith('docs.'))).toEqual(['docs.query', 'docs.query', 'docs.mutate']);
    expect(seen.requests).not.toContain('docs.get');
  });

  it('a patient known to a replaced database is not taken for granted: the note is refused there', async () => {
    const db = freshDb();
    const { entry: p } = await admitPatient(db);
    await appendEntry(db, noteOn(p.id), nurse);
    // The tablet's database deleted behind this tab (a wipe) and made again, empty.
    db.close();
    await Dexie.delete(db.name);
    await db.open();
    await expect(appendEntry(db, noteOn(p.id), nurse)).rejects.toThrow(InvalidEntryError);
    expect(await db.entries.count()).toBe(0);
  });
});
