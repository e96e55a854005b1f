// Runs in Chromium (bench/sync-pouchdb.ts drives it, never shipped in the app): the same
// 10 k notes pushed and pulled over HTTP on loopback, once through the app's own client sync
// code (outbox -> pushOutbox -> the real server; a fresh tablet -> pullFeed) and once by
// PouchDB 9 replicating to and from express-pouchdb. The page is opened at the origin of the
// server it talks to, as the app is: no CORS on either side.
import PouchDB from 'pouchdb-browser';
import Dexie from 'dexie';
import { setMeta } from '../../src/client/db/meta';
import { setCurrentPerson } from '../../src/client/db/keyring/keyring';
import { ReleveDb } from '../../src/client/db/schema';
import { storedRows, timePagedBulkPut, timePagesWithProjections, type Stored } from '../browser/raw-db';
import { generateDataKey, setDataKey } from '../../src/client/db/vault/data-key';
import { pullFeed } from '../../src/client/sync/pull';
import { pushOutbox } from '../../src/client/sync/push';
import { api, HttpError } from '../../src/client/sync/http';
import { newId, type Entry } from '../../src/domain/entry';
import { sealEntry } from '../../src/domain/hash';
import { DEFAULT_PULL_LIMIT, pullPath, type LoginResponse, type PullResponse } from '../../src/domain/protocol';

const note = (i: number) => ({ target: 'Douleur', data: `EVA ${i % 10}/10`, actions: 'Paracétamol 1 g per os', results: 'EVA 2/10 à 1 h, patiente installée' });

let run = 0;
let notes: Entry[] = [];
let pushDb: ReleveDb | null = null;
let remote: PouchDB | null = null;
let pouchLocal: PouchDB | null = null;
/** The entries the last appPull stored, as IndexedDB holds them (sealed), in the order they came. */
let pulledRows: Entry[] = [];
/** Every row the last appPull stored (sealed): the projections, board lines and cursor besides. */
let pulledStore: Stored | undefined;

const time = async (fn: () => Promise<unknown>) => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};

/** Retries what the server turned away as busy (503): the time spent waiting counts. */
async function untilDone(step: () => Promise<boolean>): Promise<void> {
  for (;;) {
    try {
      if (await step()) return;
    } catch (err) {
      if (!(err instanceof HttpError && err.status === 503)) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

async function signIn(deviceId: string): Promise<LoginResponse> {
  let login: LoginResponse | undefined;
  await untilDone(async () => ((login = await api<LoginResponse>('/api/auth/login', { body: { username: 'demo-nurse', password: 'demo', deviceId } })), true));
  return login!;
}

/** The MED patients of the demo hospital, read from the feed as a tablet would see them. */
async function wardPatients(token: string): Promise<string[]> {
  const ids: string[] = [];
  for (let after = 0; ;) {
    const page = await api<PullResponse>(pullPath({ after, limit: DEFAULT_PULL_LIMIT }), { token });
    for (const e of page.entries) if (e.docType === 'patient' && e.kind === 'create' && e.scope === 'unit:MED') ids.push(e.docId);
    if (!page.more) return ids;
    after = page.next;
  }
}

/** A tablet whose nurse is signed in (as session.ts leaves it): device id, her session, the vault open. */
async function tablet(name: string, deviceId: string, login: LoginResponse): Promise<ReleveDb> {
  const db = new ReleveDb(name);
  await db.open();
  await setMeta(db, 'deviceId', deviceId);
  await setMeta(db, 'sessions', { [login.user.id]: { token: login.token, user: login.user, expiresAt: login.expiresAt } });
  await setCurrentPerson(db.keyring, login.user.id);
  return db;
}


const bench = {
  /** A night's notes waiting in a signed-in tablet's outbox, as appendEntry leaves them. */
  async appPrepare(count: number): Promise<number> {
    setDataKey(await generateDataKey());
    const deviceId = `bench-push-${newId()}`;
    const login = await signIn(deviceId);
    const patients = await wardPatients(login.token);
    pushDb = await tablet(`bench-push-${++run}`, deviceId, login);
    const author = { userId: login.user.id, name: login.user.name, role: login.user.role };
    const start = Date.now() - count;
    notes = [];
    for (let i = 0; i < count; i++) {
      const id = newId();
      const createdAt = new Date(start + i).toISOString();
      notes.push(await sealEntry({ id, docId: id, docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId: patients[i % patients.length]!, author, deviceId, deviceSeq: i + 1, createdAt, body: note(i) }));
    }
    await pushDb.transaction('rw', pushDb.entries, pushDb.outbox, async () => {
      await pushDb!.entries.bulkAdd(notes);
      await pushDb!.outbox.bulkAdd(notes.map((e) => ({ entryId: e.id, authorId: author.userId, state: 'pending' as const, deviceSeq: e.deviceSeq, reason: null, lastAttemptAt: null })));
    });
    return patients.length;
  },
  /** pushOutbox until the outbox is empty; ms. */
  async appPush(): Promise<number> {
    const db = pushDb!;
    const ms = await time(() => untilDone(async () => (await pushOutbox(db), (await db.outbox.where('state').equals('pending').count()) === 0)));
    // An acknowledged entry loses its outbox mark (push.ts); appPull then finds every note on the server.
    const left = await db.outbox.count();
    db.close();
    await Dexie.delete(db.name);
    if (left > 0) throw new Error(`app push: ${left} of ${notes.length} left in the outbox`);
    return ms;
  },
  /** A fresh tablet of the ward pulls the whole feed (the census and the notes just pushed); [ms, entries]. */
  async appPull(): Promise<[number, number]> {
    const deviceId = `bench-pull-${newId()}`;
    const login = await signIn(deviceId);
    const db = await tablet(`bench-pull-${++run}`, deviceId, login);
    let added = 0;
    const ms = await time(() => untilDone(async () => ((added += (await pullFeed(db, login.token, login.user)).added), true)));
    const held = await db.entries.count();
    db.close();
    pulledStore = await storedRows(db.name);
    pulledRows = [...pulledStore.entries].sort((a, b) => a.serverSeq! - b.serverSeq!);
    await Dexie.delete(db.name);
    const pulledIds = new Set(pulledRows.map((e) => e.id));
    const missing = notes.filter((n) => !pulledIds.has(n.id)).length;
    if (missing > 0 || held !== added) throw new Error(`app pull: ${held} entries held, ${added} added, ${missing} of the ${notes.length} pushed notes missing`);
    return [ms, held];
  },
  /**
   * The floor under any pull: the entries the last appPull stored, sealed as on disk, bulkPut raw
   * in pages of the pull's size, one strict transaction each (DESIGN.md: Dexie is strict). No
   * network, no hash check, no decryption, no projection: what storing them costs and nothing else.
   */
  pullFloor(): Promise<number> {
    return timePagedBulkPut(`bench-pull-floor-${++run}`, pulledRows, DEFAULT_PULL_LIMIT);
  },
  /** The same pages with the projections, board lines and cursor the app stored beside them (raw-db.ts). */
  pullFloorWithProjections(): Promise<number> {
    return timePagesWithProjections(`bench-pull-projections-${++run}`, pulledRows, pulledStore!);
  },
  /** The notes the app just pushed, for the PouchDB page. */
  notes(): Entry[] {
    return notes;
  },
  /** The same notes as PouchDB documents in this browser; a fresh database on the server. */
  async pouchPrepare(entries: Entry[]): Promise<void> {
    notes = entries;
    const local = new PouchDB(`bench-local-${++run}`);
    await local.bulkDocs(entries.map(({ id, ...rest }) => ({ _id: id, ...rest })));
    remote = new PouchDB(`${location.origin}/bench-${run}-${newId()}`);
    pouchLocal = local;
  },
  async pouchPush(batchSize: number): Promise<number> {
    const ms = await time(() => pouchLocal!.replicate.to(remote!, { batch_size: batchSize }));
    const { doc_count } = await remote!.info();
    await pouchLocal!.destroy();
    if (doc_count !== notes.length) throw new Error(`PouchDB push: ${doc_count} of ${notes.length} on the server`);
    return ms;
  },
  async pouchPull(batchSize: number): Promise<number> {
    const local = new PouchDB(`bench-pulled-${++run}`);
    const ms = await time(() => local.replicate.from(remote!, { batch_size: batchSize }));
    const { doc_count } = await local.info();
    await local.destroy();
    if (doc_count !== notes.length) throw new Error(`PouchDB pull: ${doc_count} of ${notes.length} in the browser`);
    return ms;
  },
};

(window as unknown as { releveBench: typeof bench }).releveBench = bench;
document.title = 'ready';
