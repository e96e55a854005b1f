// Push and pull of 10 k notes over HTTP on loopback, in Chromium (issue 15), against PouchDB 9:
// - the app: a signed-in tablet's outbox sent by the app's own client code (pushOutbox) to a
//   fresh server started as `npm start` starts it, then a fresh tablet of the ward pulling the
//   feed (pullFeed: the census and the notes), vault on, strict IndexedDB durability;
// - the baseline, same run, same notes: pouchdb-browser replicating them to an express-pouchdb
//   server (pouchdb-node on LevelDB, its own process) and a fresh browser database replicating
//   them back, with the same batch size.
// PouchDB lives in bench/pouchdb/ with its own package.json and lock (installed on first run),
// so nothing of it reaches the app's dependencies.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { DEFAULT_PULL_LIMIT, MAX_PUSH_ENTRIES } from '../src/domain/protocol';
import type { Entry } from '../src/domain/entry';
import { CHROMIUM, freePort } from '../tests/e2e/harness';
import { serveBuiltPages } from './built-pages';
import { measure } from './measure';

const NOTES = Number(process.env.BENCH_NOTES ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ROOT = join(import.meta.dirname, '..');
const POUCH_DIR = join(import.meta.dirname, 'pouchdb');
const PAGES_DIR = join(ROOT, '.tmp', 'bench-pouchdb');
// BENCH_PROFILE=<dir>: a CPU profile of the page for each of the app's push and pull (the bench
// pages are built with source maps then), to see where their time goes. The profiled runs are the
// measured ones, so their figures carry the profiler's cost: not for the ratios.
const PROFILE_DIR = process.env.BENCH_PROFILE;

type Bench = {
  appPrepare(count: number): Promise<number>;
  appPush(): Promise<number>;
  appPull(): Promise<[number, number]>;
  pullFloor(): Promise<number>;
  pullFloorWithProjections(): Promise<number>;
  notes(): Entry[];
  pouchPrepare(entries: Entry[]): Promise<void>;
  pouchPush(batchSize: number): Promise<number>;
  pouchPull(batchSize: number): Promise<number>;
};

interface Child {
  url: string;
  stop(): Promise<void>;
}

function installPouchDB(): void {
  if (existsSync(join(POUCH_DIR, 'node_modules', 'pouchdb-browser'))) return;
  console.log('  installing the PouchDB baseline (bench/pouchdb, npm ci)...');
  const res = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: POUCH_DIR, stdio: 'inherit' });
  if (res.status !== 0) throw new Error('npm ci in bench/pouchdb failed');
}

function stopper(proc: ChildProcess): () => Promise<void> {
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  return async () => {
    if (proc.exitCode === null) proc.kill('SIGTERM');
    await exited;
  };
}

async function startPouchServer(): Promise<Child> {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(POUCH_DIR, 'pouch-server.ts')], { cwd: POUCH_DIR, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: proc.stdout! }).once('line', resolve);
    proc.once('exit', () => reject(new Error('the PouchDB server did not start')));
  });
  return { url, stop: stopper(proc) };
}

/** The app's server as `npm start` runs it (compiled server, built app), fresh data directory. */
async function startApp(): Promise<Child> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'releve-bench-app-'));
  const proc = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', RELEVE_DATA_DIR: dataDir },
    // BENCH_APP_LOG=<file>: the server's request log (response times, 503s under pressure).
    stdio: ['ignore', process.env.BENCH_APP_LOG ? openSync(process.env.BENCH_APP_LOG, 'a') : 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 120_000; ; ) {
    if (proc.exitCode !== null) throw new Error('the app server exited early');
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) throw new Error('the app server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = stopper(proc);
  return { url, stop: async () => (await stop(), rmSync(dataDir, { recursive: true, force: true })) };
}

/** The bench page, opened at `origin` (served by the browser from the build, not by the server). */
async function benchPage(context: BrowserContext, origin: string): Promise<{ page: Page; call: <K extends keyof Bench>(name: K, ...args: Parameters<Bench[K]>) => Promise<Awaited<ReturnType<Bench[K]>>> }> {
  const page = await context.newPage();
  // BENCH_CONSOLE=1: the page's console (timings put there while looking for where time goes).
  if (process.env.BENCH_CONSOLE) page.on('console', (m) => console.log(`[page] ${m.text()}`));
  const served = await serveBuiltPages(page, origin, '/bench-pages/', PAGES_DIR);
  await page.goto(`${origin}/bench-pages/replication.html`);
  await page.waitForFunction(() => document.title === 'ready');
  // The page is one script, loaded: its requests to either server now go straight to it.
  await served();
  const evaluate = (name: string, args: unknown[]) =>
    page.evaluate(([n, a]) => (window as unknown as { releveBench: Record<string, (...x: unknown[]) => unknown> }).releveBench[n as string]!(...(a as unknown[])), [name, args] as const);
  const profiled = async (name: string, args: unknown[]) => {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
    try {
      return await evaluate(name, args);
    } finally {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(join(PROFILE_DIR!, `${name}-${Date.now()}.cpuprofile`), JSON.stringify(profile));
      await cdp.detach();
    }
  };
  const call = (name: string, ...args: unknown[]) => (PROFILE_DIR && (name === 'appPush' || name === 'appPull') ? profiled(name, args) : evaluate(name, args));
  return { page, call: call as never };
}

const rate = (count: number, ms: number) => (count / ms) * 1000;

function print(what: string, app: { count: number; ms: number }, pouch: { count: number; ms: number }): void {
  const a = rate(app.count, app.ms);
  const p = rate(pouch.count, pouch.ms);
  console.log(`  ${`${what}, the app's client`.padEnd(48)} ${app.ms.toFixed(0).padStart(7)} ms  ${a.toFixed(0).padStart(6)} entries/s  (${app.count})`);
  console.log(`  ${`${what}, PouchDB 9 replication`.padEnd(48)} ${pouch.ms.toFixed(0).padStart(7)} ms  ${p.toFixed(0).padStart(6)} entries/s  (${pouch.count})`);
  console.log(`  ratio app/PouchDB (entries/s, medians): ${(a / p).toFixed(2)}x (goal >= 3x)`);
}

export async function runSyncPouchDB(): Promise<void> {
  console.log(`\n== Push and pull over HTTP: the app's client vs PouchDB 9 (issue 15), ${NOTES} notes, ${RUNS} runs ==`);
  installPouchDB();
  await build({ configFile: false, root: POUCH_DIR, base: '/bench-pages/', logLevel: 'warn', build: { outDir: PAGES_DIR, emptyOutDir: true, sourcemap: !!PROFILE_DIR, rolldownOptions: { input: join(POUCH_DIR, 'replication.html') } } });
  const profile = mkdtempSync(join(tmpdir(), 'releve-bench-profile-'));
  // A persistent profile: IndexedDB on disk, as on a tablet (an incognito context keeps it in memory).
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const pouch = await startPouchServer();
  const runs = { appPush: [] as number[], appPull: [] as number[], pullFloor: [] as number[], pullModel: [] as number[], pouchPush: [] as number[], pouchPull: [] as number[] };
  let pulled = 0;
  try {
    for (let i = 0; i < RUNS; i++) {
      const app = await startApp();
      let notes: Entry[];
      try {
        const { page, call } = await benchPage(context, app.url);
        await call('appPrepare', NOTES);
        runs.appPush.push(await call('appPush'));
        const [ms, count] = await call('appPull');
        runs.appPull.push(ms);
        pulled = count;
        runs.pullFloor.push(await call('pullFloor'));
        runs.pullModel.push(await call('pullFloorWithProjections'));
        notes = await call('notes');
        await page.close();
      } finally {
        await app.stop();
      }
      const { page, call } = await benchPage(context, pouch.url);
      await call('pouchPrepare', notes);
      runs.pouchPush.push(await call('pouchPush', MAX_PUSH_ENTRIES));
      runs.pouchPull.push(await call('pouchPull', MAX_PUSH_ENTRIES));
      await page.close();
      console.log(`  run ${i + 1}: app push ${runs.appPush[i]!.toFixed(0)} ms, pull ${runs.appPull[i]!.toFixed(0)} ms (storing alone ${runs.pullFloor[i]!.toFixed(0)} ms, with the projections ${runs.pullModel[i]!.toFixed(0)} ms); PouchDB push ${runs.pouchPush[i]!.toFixed(0)} ms, pull ${runs.pouchPull[i]!.toFixed(0)} ms`);
    }
  } finally {
    await pouch.stop();
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  const median = async (name: string, xs: number[]) => (await measure(name, xs.length, async () => xs.shift()!)).median;
  console.log(`\nPush (batches of ${MAX_PUSH_ENTRIES}; PouchDB batch_size the same):`);
  print('push', { count: NOTES, ms: await median('app push', [...runs.appPush]) }, { count: NOTES, ms: await median('pouch push', [...runs.pouchPush]) });
  console.log('\nPull into a fresh browser database (the app pulls the ward\'s census as well):');
  const pouchPull = await median('pouch pull', [...runs.pouchPull]);
  print('pull', { count: pulled, ms: await median('app pull', [...runs.appPull]) }, { count: NOTES, ms: pouchPull });
  // What 3x asks of the pull, beside what storing its entries costs alone (issue 9's sealed rows,
  // strict): a floor above the target means no client code can meet it on this machine.
  const floor = await median('pull floor', [...runs.pullFloor]);
  const target = ((pouchPull / NOTES) * pulled) / 3;
  console.log(`  storing the ${pulled} pulled entries alone (sealed, strict bulkPut, pages of ${DEFAULT_PULL_LIMIT}; no network, no checks): ${floor.toFixed(0)} ms`);
  console.log(`  3x PouchDB's pull rate leaves ${target.toFixed(0)} ms for all of it: the floor is ${(floor / target).toFixed(2)}x that budget`);
  // The app keeps a projection per document and a board line per patient beside the entries
  // (what the board and the notes open from): written raw with the entries, page by page.
  const model = await median('pull floor with projections', [...runs.pullModel]);
  console.log(`  storing them with the projections, board lines and cursor the app stored (raw, strict, same pages): ${model.toFixed(0)} ms, ${(model / target).toFixed(2)}x that budget`);
}

if (import.meta.url === `file://${process.argv[1]}`) await runSyncPouchDB();
