// How fast the server takes a tablet's backlog (push) and hands a ward's feed out (pull),
// against the floor set by SQLite itself: the same rows written with the same durability
// (WAL, synchronous=FULL, one transaction per 500) and read back in the same pages.
// The push's baseline writes them into a copy of the same seeded store (the server's tables,
// indexes and foreign key); the two-table baseline of sessions 20-23 is printed beside it.
import { mkdtempSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { buildApp } from '../src/server/app';
import { openStore, DB_FILE_NAME } from '../src/server/store/open-store';
import { seedDemoHospital } from '../src/server/seed/seed-demo-hospital';
import { newId, type Entry } from '../src/domain/entry';
import { sealEntry } from '../src/domain/hash';
import type { LoginResponse, PullResponse, PushResponse } from '../src/domain/protocol';
import { measure, measureAlternated, timed, report } from './measure';

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 2000);
const BATCH = 500;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

async function seededTemplate(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'releve-bench-'));
  const store = await openStore({ dataDir: dir });
  await seedDemoHospital(store, new Date('2026-03-02T08:00:00Z'));
  await store.close();
  return join(dir, DB_FILE_NAME);
}

async function freshServer(template: string) {
  const dir = mkdtempSync(join(tmpdir(), 'releve-bench-'));
  copyFileSync(template, join(dir, DB_FILE_NAME));
  const store = await openStore({ dataDir: dir });
  const app = await buildApp({ store });
  const deviceId = `bench-${newId()}`;
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'demo-nurse', password: 'demo', deviceId } });
  const login = res.json() as LoginResponse;
  const patients = await store.db.selectFrom('entries').select('doc_id as id').where('doc_type', '=', 'patient').where('scope', '=', 'unit:MED').execute();
  return { store, app, deviceId, login, patientIds: patients.map((p) => p.id) };
}

/** A night of notes: creates, then amends and addenda of them, spread over the ward. */
async function backlog(login: LoginResponse, deviceId: string, patientIds: string[]): Promise<Entry[]> {
  const author = { userId: login.user.id, name: login.user.name, role: login.user.role };
  const out: Entry[] = [];
  for (let i = 0; i < ENTRIES; i++) {
    const createdAt = new Date(Date.UTC(2026, 2, 2, 20) + i * 1000).toISOString();
    const patientId = patientIds[i % patientIds.length]!;
    const earlier = i >= 3 && i % 3 === 0 ? out[i - 3] : undefined;
    const base = { scope: 'unit:MED', patientId, author, deviceId, deviceSeq: i + 1, createdAt, docType: 'note' };
    const id = newId();
    if (earlier && earlier.kind === 'create') {
      out.push(await sealEntry({ ...base, patientId: earlier.patientId!, id, docId: earlier.docId, kind: 'addendum', parents: [earlier.id], body: { text: `Réévaluation ${i}` } }));
    } else {
      out.push(await sealEntry({ ...base, id, docId: id, kind: 'create', parents: [], body: { target: 'Douleur', data: `EVA ${i % 10}/10`, actions: 'Paracétamol 1 g', results: 'EVA 2/10 à 1 h' } }));
    }
  }
  return out;
}

function rawSqlite() {
  const dir = mkdtempSync(join(tmpdir(), 'releve-bench-raw-'));
  const db = new Database(join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE entries (id TEXT PRIMARY KEY, doc_id TEXT, scope TEXT, json TEXT); CREATE TABLE feed (seq INTEGER PRIMARY KEY AUTOINCREMENT, entry_id TEXT, scope TEXT)');
  const ins = db.prepare('INSERT INTO entries VALUES (?, ?, ?, ?)');
  const feed = db.prepare('INSERT INTO feed (entry_id, scope) VALUES (?, ?)');
  const write = db.transaction((batch: Entry[]) => {
    for (const e of batch) {
      ins.run(e.id, e.docId, e.scope, JSON.stringify(e));
      feed.run(e.id, e.scope);
    }
  });
  const page = db.prepare('SELECT f.seq, e.json FROM feed f JOIN entries e ON e.id = f.entry_id WHERE f.seq > ? AND f.scope IN (?, ?) ORDER BY f.seq LIMIT ?');
  return { db, write, page };
}

/**
 * The rows a push stores, written raw into a copy of the server's own seeded store: one feed row
 * and one entries row (every column, the server's indexes and deferred foreign key) per entry,
 * with the server's pragmas (WAL, synchronous=FULL, foreign keys on).
 */
function rawServerTables(template: string) {
  const dir = mkdtempSync(join(tmpdir(), 'releve-bench-raw-'));
  copyFileSync(template, join(dir, DB_FILE_NAME));
  const db = new Database(join(dir, DB_FILE_NAME));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  const feed = db.prepare('insert into feed (entry_id, scope) values (?, ?)');
  const ins = db.prepare(`insert into entries (id, doc_id, doc_type, kind, scope, patient_id, hash, device_id, device_seq,
    server_seq, received_at, flags, json) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const write = db.transaction((batch: Entry[]) => {
    const receivedAt = new Date().toISOString();
    for (const e of batch) {
      const seq = feed.run(e.id, e.scope).lastInsertRowid;
      ins.run(e.id, e.docId, e.docType, e.kind, e.scope, e.patientId ?? null, e.hash, e.deviceId, e.deviceSeq, seq, receivedAt, null, JSON.stringify(e));
    }
  });
  return { db, write };
}

export async function runSyncThroughput(): Promise<void> {
  const template = await seededTemplate();
  console.log(`\nsync throughput: ${ENTRIES} entries from one tablet, batches of ${BATCH}, ${RUNS} runs`);

  // Push and raw alternate (push, raw, push, ...) so each run's figures share the load of its moment.
  const rawRun = (open: () => { db: Database.Database; write: (batch: Entry[]) => void }) => async () => {
    const s = await freshServer(template);
    const entries = await backlog(s.login, s.deviceId, s.patientIds);
    await s.app.close();
    await s.store.close();
    const raw = open();
    const ms = await timed(async () => {
      for (let i = 0; i < entries.length; i += BATCH) raw.write(entries.slice(i, i + BATCH));
    });
    raw.db.close();
    return ms;
  };
  const [pushCase, rawWrite, rawTwoTables] = await measureAlternated(
    ['server push (validate, hash, check, FULL)', "baseline: raw inserts, server's own tables", 'raw inserts, two bare tables (s20-s23)'],
    RUNS,
    [
      async () => {
        const s = await freshServer(template);
        const entries = await backlog(s.login, s.deviceId, s.patientIds);
        const ms = await timed(async () => {
          for (let i = 0; i < entries.length; i += BATCH) {
            const res = await s.app.inject({ method: 'POST', url: '/api/sync/push', headers: { authorization: `Bearer ${s.login.token}` }, payload: { deviceId: s.deviceId, entries: entries.slice(i, i + BATCH) } });
            const body = res.json() as PushResponse;
            const bad = body.results.find((r) => r.status !== 'accepted');
            if (bad) throw new Error(`bench push was not all accepted: ${bad.reason}`);
          }
        });
        await s.app.close();
        await s.store.close();
        return ms;
      },
      rawRun(() => rawServerTables(template)),
      rawRun(rawSqlite),
    ],
  );
  report(pushCase!, rawWrite!, { count: ENTRIES, label: 'entries' }, true);
  report(pushCase!, rawTwoTables!, { count: ENTRIES, label: 'entries' }, true);

  // Pull: a second tablet of the ward reading the whole feed (census + the backlog).
  const s = await freshServer(template);
  const entries = await backlog(s.login, s.deviceId, s.patientIds);
  for (let i = 0; i < entries.length; i += BATCH) {
    await s.app.inject({ method: 'POST', url: '/api/sync/push', headers: { authorization: `Bearer ${s.login.token}` }, payload: { deviceId: s.deviceId, entries: entries.slice(i, i + BATCH) } });
  }
  let pulled = 0;
  const pullCase = await measure('server pull (scopes, pages of 500)', RUNS, () =>
    timed(async () => {
      pulled = 0;
      for (let after = 0; ;) {
        const res = await s.app.inject({ method: 'GET', url: `/api/sync/pull?after=${after}&limit=${BATCH}`, headers: { authorization: `Bearer ${s.login.token}` } });
        const page = res.json() as PullResponse;
        pulled += page.entries.length;
        after = page.next;
        if (!page.more) break;
      }
    }),
  );
  const raw = rawSqlite();
  raw.write(entries);
  const rawRead = await measure('baseline: raw SQLite paged read + JSON.parse', RUNS, () =>
    timed(async () => {
      for (let after = 0; ;) {
        const rows = raw.page.all(after, 'global', 'unit:MED', BATCH) as { seq: number; json: string }[];
        for (const r of rows) JSON.parse(r.json);
        if (rows.length < BATCH) break;
        after = rows[rows.length - 1]!.seq;
      }
    }),
  );
  console.log(`  (the server pull returns ${pulled} entries: census and units included)`);
  report(pullCase, rawRead, { count: pulled, label: 'entries' });
  raw.db.close();
  await s.app.close();
  await s.store.close();
}
