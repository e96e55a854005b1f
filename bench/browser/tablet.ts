// Runs in Chromium (bench/tablet.ts drives it): the app's own save and apply paths against raw
// strict Dexie writes of the same objects, in the same page, on the same disk. Every figure is
// the whole operation in ms; bench/tablet.ts turns them into medians and ratios.
import Dexie from 'dexie';
import { appendEntry } from '../../src/client/db/append';
import { applyServerEntries, preparePage } from '../../src/client/db/apply-pull';
import { ReleveDb, type NoteSummaryRow } from '../../src/client/db/schema';
import { generateDataKey, setDataKey } from '../../src/client/db/vault/data-key';
import { newId, type Author, type Entry } from '../../src/domain/entry';
import { sealEntry } from '../../src/domain/hash';
import { DEFAULT_PULL_LIMIT } from '../../src/domain/protocol';
import { rawDb, storedRows, timePagesWithProjections, type Stored } from './raw-db';

const admin: Author = { userId: 'u-admin', name: 'Admin', role: 'admin' };
const nurse: Author = { userId: 'u-nurse', name: 'Camille Martin', role: 'nurse' };
const note = { target: 'Douleur', data: 'EVA 6/10', actions: 'Paracétamol 1 g', results: 'EVA 3/10 à 1 h' };
const patient = (i: number) => ({
  ipp: String(80_000_000 + i), lastName: `PATIENT${i}`, firstName: 'Marie', birthDate: '1950-03-02', sex: 'F',
  unitCode: 'MED', room: String(100 + i), bed: 'A', allergies: ['Pénicilline'],
});

/** The app's database, vault on (patient fields encrypted at rest), as issue 15 is measured. */
function appDb(name: string): ReleveDb {
  return new ReleveDb(name);
}

let run = 0;
/** What the last `saves` stored for each note (entry, outbox mark, projection, patient's note summary), sealed, in order. */
let savedRows: { entry: Entry; mark: Stored['outbox'][number]; doc: Stored['docs'][number]; summary: Stored['summaries'][number] }[] = [];
let savedCounter: Stored['meta'][number] | undefined;
let feed: Entry[] = [];
/** The feed's entries as the app stored them (sealed), in feed order. */
let storedFeed: Entry[] = [];
/** Every row the last `apply` left (sealed): its projections, board lines and cursor besides the entries. */
let storedApply: Stored | undefined;

const time = async (fn: () => Promise<unknown>) => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};

/** The feed a fresh tablet pulls: patients, then notes with amends and addenda, hashed as served. */
async function makeFeed(count: number): Promise<Entry[]> {
  const out: Entry[] = [];
  const base = (i: number) => ({ scope: 'unit:MED', deviceId: 'bench-device', deviceSeq: i + 1, createdAt: new Date(Date.UTC(2026, 2, 2) + i * 1000).toISOString() });
  const patients = 30;
  for (let i = 0; i < count; i++) {
    const id = newId();
    let e;
    if (i < patients) e = { ...base(i), id, docId: id, docType: 'patient', kind: 'create' as const, parents: [], body: patient(i), author: admin };
    else {
      const patientId = out[i % patients]!.id;
      const earlier = out[i - 5];
      const common = { ...base(i), id, docType: 'note', patientId, author: nurse };
      if (i % 5 === 0 && earlier?.docType === 'note' && earlier.kind === 'create') {
        e = { ...common, docId: earlier.docId, patientId: earlier.patientId!, kind: 'amend' as const, parents: [earlier.id], body: { ...note, results: `EVA ${i % 10}/10` } };
      } else if (i % 7 === 0 && earlier?.docType === 'note') {
        e = { ...common, docId: earlier.docId, patientId: earlier.patientId!, kind: 'addendum' as const, parents: [earlier.id], body: { text: `Réévaluation ${i}` } };
      } else e = { ...common, docId: id, kind: 'create' as const, parents: [], body: { ...note, data: `EVA ${i % 10}/10` } };
    }
    out.push({ ...(await sealEntry(e)), serverSeq: i + 1, receivedAt: e.createdAt });
  }
  return out;
}

/**
 * The patient's note summary as each of the saves left it (the n-th save's row counts n notes,
 * the last at the n-th note's time), sealed by the app's own vault: written one after the other
 * into a scratch database of the app and read back raw. Untimed: only the baseline's rows are made here.
 */
async function summarySteps(final: NoteSummaryRow, lastAts: readonly string[]): Promise<Stored['summaries']> {
  const name = `bench-summaries-${++run}`;
  const [app, raw] = [appDb(name), rawDb(name)];
  const out: Stored['summaries'] = [];
  for (let n = 1; n <= lastAts.length; n++) {
    await app.noteSummaries.put({ ...final, noteCount: n, lastNoteAt: lastAts[n - 1]! });
    out.push((await raw.noteSummaries.get(final.patientKey))!);
  }
  app.close();
  raw.close();
  await Dexie.delete(name);
  return out;
}

const bench = {
  /** The tablet unlocked, as in use: the vault encrypts the app's rows (the baselines put those sealed rows as they are). */
  async prepare(feedSize: number): Promise<void> {
    setDataKey(await generateDataKey());
    feed = await makeFeed(feedSize);
  },
  /** `count` notes saved one after the other through the app's write path. */
  async saves(count: number): Promise<number> {
    const db = appDb(`bench-save-${++run}`);
    const { entry: p } = await appendEntry(db, { docType: 'patient', kind: 'create', parents: [], scope: 'unit:MED', body: patient(0) }, admin);
    const ids: string[] = [];
    const lastAts: string[] = [];
    const ms = await time(async () => {
      for (let i = 0; i < count; i++) {
        const done = await appendEntry(db, { docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId: p.id, body: note }, nurse);
        ids.push(done.entry.id);
        lastAts.push(done.doc.lastAt);
      }
    });
    const summary = (await db.noteSummaries.get(p.id))!;
    db.close();
    const stored = await storedRows(db.name);
    const byId = <T,>(rows: T[], key: (r: T) => string) => new Map(rows.map((r) => [key(r), r]));
    const [entries, marks, docs] = [byId(stored.entries, (e) => e.id), byId(stored.outbox, (o) => o.entryId), byId(stored.docs, (d) => d.docId)];
    const summaries = await summarySteps(summary, lastAts);
    savedRows = ids.map((id, i) => ({ entry: entries.get(id)!, mark: marks.get(id)!, doc: docs.get(id)!, summary: summaries[i]! }));
    savedCounter = stored.meta.find((m) => m.key === 'deviceSeq');
    await Dexie.delete(db.name);
    return ms;
  },
  /**
   * The rows each save of the last `saves` stored, sealed as on disk, put raw: `rows` 'all' puts
   * the entry, its outbox mark, its projection, the patient's note summary as that save left it
   * and the device counter in one strict transaction per save (requests issued together), 1 the
   * sealed entry alone.
   */
  async rawPuts(rows?: number): Promise<number> {
    const raw = rawDb(`bench-raw-put-${++run}`);
    await raw.open();
    const all = rows !== 1;
    const ms = await time(async () => {
      for (const { entry, mark, doc, summary } of savedRows) {
        if (!all) await raw.transaction('rw', raw.entries, () => raw.entries.put(entry));
        else {
          await raw.transaction('rw', [raw.entries, raw.outbox, raw.docs, raw.meta, raw.noteSummaries], () =>
            Promise.all([raw.entries.put(entry), raw.outbox.put(mark), raw.docs.put(doc), raw.noteSummaries.put(summary), raw.meta.put(savedCounter!)]));
        }
      }
    });
    raw.close();
    await Dexie.delete(raw.name);
    return ms;
  },
  /** The feed applied by a fresh tablet, page by page, through the app's apply path (hash checks included). */
  async apply(): Promise<number> {
    const db = appDb(`bench-apply-${++run}`);
    await db.open();
    const pageAt = (i: number) => feed.slice(i, i + DEFAULT_PULL_LIMIT);
    const ms = await time(async () => {
      // As sync/pull.ts does: the next page (there, as its answer arrives) is prepared while this one is written.
      let prepared = preparePage(pageAt(0));
      for (let i = 0; i < feed.length; i += DEFAULT_PULL_LIMIT) {
        const [page, mine] = [pageAt(i), prepared];
        if (i + DEFAULT_PULL_LIMIT < feed.length) prepared = preparePage(pageAt(i + DEFAULT_PULL_LIMIT));
        await applyServerEntries(db, page, 'global,unit:MED', page[page.length - 1]!.serverSeq!, mine);
      }
    });
    const held = await db.entries.count();
    db.close();
    const order = new Map(feed.map((e, i) => [e.id, i]));
    storedApply = await storedRows(db.name);
    storedFeed = [...storedApply.entries].sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    await Dexie.delete(db.name);
    if (held !== feed.length) throw new Error(`applied ${held} of ${feed.length}`);
    return ms;
  },
  /** The feed's entries as the last `apply` stored them (sealed), bulkPut raw page by page, one strict transaction per page. */
  async rawBulkPuts(): Promise<number> {
    const raw = rawDb(`bench-raw-bulk-${++run}`);
    await raw.open();
    const ms = await time(async () => {
      for (let i = 0; i < feed.length; i += DEFAULT_PULL_LIMIT) {
        const page = storedFeed.slice(i, i + DEFAULT_PULL_LIMIT);
        await raw.transaction('rw', raw.entries, () => raw.entries.bulkPut(page));
      }
    });
    raw.close();
    await Dexie.delete(raw.name);
    return ms;
  },
  /** The last `apply`'s pages with every row it stored (raw-db.ts timePagesWithProjections). */
  rawPagesWithProjections(): Promise<number> {
    return timePagesWithProjections(`bench-raw-projections-${++run}`, storedFeed, storedApply!);
  },
};

(window as unknown as { releveBench: typeof bench }).releveBench = bench;
document.title = 'ready';
