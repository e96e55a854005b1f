// The tablet side of issue 15, in Chromium, each figure next to its baseline from the same run:
// - save one note through the app's write path vs a raw strict Dexie put of the same entry;
// - a fresh tablet applying a 10 k feed page by page vs raw strict bulkPut of the same pages;
// - the JS + CSS that index.html loads (gzipped) vs the floor page (React 19 + Dexie + workbox-window);
// - offline cold start to the ward board under 4x CPU slowdown vs the floor page's first render.
// The write paths run in a page built for the bench (bench/browser), never shipped in the app,
// on a persistent profile so strict durability really reaches the disk.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM, launchChromium, newTablet, startServer, waitForServiceWorker } from '../tests/e2e/harness';
import { signIn } from '../tests/e2e/ward-tablet';
import { BENCH_PAGES_DIR } from './browser/vite.config';
import { measure, type Figures } from './measure';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SAVES = Number(process.env.BENCH_SAVES ?? 100);
const FEED = Number(process.env.BENCH_FEED ?? 10_000);
const DIST = join(import.meta.dirname, '..', 'dist');
// BENCH_TABLET=first-load measures the bytes and the cold start only (the write paths take
// minutes); BENCH_TABLET=write the save and apply paths only (no app build or server needed),
// BENCH_TABLET=save or apply one of them.
const PARTS = new Set(({ 'first-load': ['bytes', 'cold'], write: ['save', 'apply'], save: ['save'], apply: ['apply'] } as Record<string, string[]>)[process.env.BENCH_TABLET ?? ''] ?? ['bytes', 'save', 'apply', 'cold']);

type Bench = Record<'prepare' | 'saves' | 'rawPuts' | 'apply' | 'rawBulkPuts' | 'rawPagesWithProjections', (arg?: number) => Promise<number>>;

const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.webmanifest': 'application/manifest+json' };

function serveStatic(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = readFileSync(join(dir, path === '/' ? 'floor.html' : path));
      res.writeHead(200, { 'content-type': MIME[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const addr = server.address();
    resolve({ server, url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}` });
  }));
}

/** The gzipped bytes of the scripts, module preloads and style sheets an HTML page loads. */
export function initialBytes(dir: string, html: string): { files: string[]; gzip: number } {
  const text = readFileSync(join(dir, html), 'utf8');
  const files = [...text.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="(?:stylesheet|modulepreload)"[^>]*\shref)="([^"]+)"/g)].map((m) => m[1]!);
  const gzip = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, f.replace(/^\//, '')))).length, 0);
  return { files, gzip };
}

function line(f: Figures, unit: string) {
  return `  ${f.name.padEnd(52)} median ${f.median.toFixed(1).padStart(8)} ${unit}  (min ${f.min.toFixed(1)}, max ${f.max.toFixed(1)})`;
}

function compare(subject: Figures, baseline: Figures, paired = false): number {
  const ratio = subject.median / baseline.median;
  console.log(line(subject, 'ms'));
  console.log(line(baseline, 'ms'));
  console.log(`  ratio subject/baseline (median): ${ratio.toFixed(2)}x`);
  if (paired) {
    // Runs measured in pairs (subject then baseline): each pair shares the machine's load of its moment.
    const pairs = subject.runs.map((s, i) => s / baseline.runs[i]!).sort((a, b) => a - b);
    console.log(`  per-run pairs: median ${pairs[Math.floor(pairs.length / 2)]!.toFixed(2)}x (${pairs.map((r) => r.toFixed(2)).join(', ')})`);
  }
  return ratio;
}

/** BENCH_PROFILE=<dir>: one more run of a path under Chromium's CPU profiler, saved as <dir>/<name>.cpuprofile. */
async function profiler(context: BrowserContext, page: Page) {
  const dir = process.env.BENCH_PROFILE;
  const cdp = dir ? await context.newCDPSession(page) : null;
  return {
    async save(name: string, run: () => Promise<unknown>): Promise<void> {
      if (!dir || !cdp) return;
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
      await run();
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
      console.log(`  (CPU profile of one more run: ${join(dir, `${name}.cpuprofile`)})`);
    },
  };
}

async function writePaths(pagesUrl: string): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'releve-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await context.newPage();
    page.on('console', (m) => { if (m.text().startsWith('PHASES')) console.log(m.text()); });
    await page.goto(`${pagesUrl}/tablet.html`);
    await page.waitForFunction(() => document.title === 'ready');
    const call = (name: keyof Bench, arg?: number) => page.evaluate(([n, a]) => (window as unknown as { releveBench: Bench }).releveBench[n](a), [name, arg] as const);
    await call('prepare', PARTS.has('apply') ? FEED : 0);
    const profile = await profiler(context, page);
    const fig = (name: string, runs: number[]) => measure(name, runs.length, async () => runs.shift()!);
    if (PARTS.has('save')) await savePath(call, fig, profile);
    if (PARTS.has('apply')) await applyPath(call, fig, profile);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

type Call = (name: keyof Bench, arg?: number) => Promise<number>;
type Fig = (name: string, runs: number[]) => Promise<Figures>;
type Profiler = Awaited<ReturnType<typeof profiler>>;

async function savePath(call: Call, fig: Fig, profile: Profiler): Promise<void> {
  console.log(`\nSave one note (appendEntry, ${SAVES} in a row, per save), Chromium, persistent profile:`);
  const saves: number[] = [];
  const puts: number[] = [];
  const entryPuts: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    saves.push((await call('saves', SAVES)) / SAVES);
    puts.push((await call('rawPuts')) / SAVES);
    entryPuts.push((await call('rawPuts', 1)) / SAVES);
  }
  const save = await fig('appendEntry, per save', [...saves]);
  compare(save, await fig('raw strict put of the rows a save stores, sealed', [...puts]), true);
  console.log('  (those rows: the entry, its outbox mark, its projection, the note summary, the device counter, one strict transaction)');
  compare(save, await fig('raw strict put of the sealed entry alone', [...entryPuts]), true);
  await profile.save('save', () => call('saves', SAVES));
}

async function applyPath(call: Call, fig: Fig, profile: Profiler): Promise<void> {
  console.log(`\nA fresh tablet applies ${FEED} pulled entries (pages of the protocol's size, hash checks included;`);
  console.log('  the baseline bulkPuts the same entries as the app stored them, sealed):');
  // Interleaved, as the saves: the machine's load moves between runs, each pair shares it.
  const applies: number[] = [];
  const bulks: number[] = [];
  const modelled: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    applies.push(await call('apply'));
    bulks.push(await call('rawBulkPuts'));
    modelled.push(await call('rawPagesWithProjections'));
  }
  await profile.save('apply', () => call('apply'));
  const apply = await fig(`applyServerEntries, ${FEED} entries`, applies);
  const bulk = await fig('raw strict bulkPut, same pages, sealed', bulks);
  compare(apply, bulk, true);
  // The goal's baseline stores the entries alone; the app stores each touched document's
  // projection and each patient's board line beside them. Written raw, those rows alone show how
  // much of the ratio is the storage model rather than the apply's code.
  console.log('\n  The same pages with the projections, board lines and cursor the app stored, written raw (no checks, no reads):');
  const floor = await fig('raw strict bulkPut of every row the apply stores', modelled);
  compare(apply, floor, true);
  console.log(`  that floor / the entries alone: ${(floor.median / bulk.median).toFixed(2)}x (the goal, <= 2x the entries alone, asks the apply to cost no more than writing its rows does)`);
}

/** Milliseconds from navigation to the first element matching `selector`, offline, CPU slowed 4x;
 * with `profileTo`, the run is recorded by Chromium's CPU profiler and saved there. */
async function coldStart(context: BrowserContext, url: string, selector: string, profileTo?: string): Promise<number> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    if (profileTo) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    await page.addInitScript((sel) => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector(sel)) return;
        (window as unknown as { firstRender: number }).firstRender = performance.now();
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    }, selector);
    await page.goto(url);
    const handle = await page.waitForFunction(() => (window as unknown as { firstRender?: number }).firstRender, undefined, { timeout: 60_000 });
    if (profileTo) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(profileTo, JSON.stringify(profile));
      console.log(`  (CPU profile of one more run: ${profileTo})`);
    }
    return (await handle.jsonValue()) as number;
  } finally {
    await page.close();
  }
}

async function coldStarts(pagesUrl: string): Promise<void> {
  const server = await startServer();
  const browser = await launchChromium();
  try {
    const app = await newTablet(browser);
    const first: Page = await app.newPage();
    await signIn(first, server.url, 'demo-nurse');
    await waitForServiceWorker(first);
    await first.close();
    await app.setOffline(true);
    const floor = await newTablet(browser);
    const f = await floor.newPage();
    await f.goto(`${pagesUrl}/floor.html`);
    await f.locator('.floor-list li').first().waitFor();
    await f.evaluate(async () => void (await navigator.serviceWorker.ready));
    await f.close();
    await floor.setOffline(true);
    console.log('\nOffline cold start, CPU slowed 4x (navigation to first useful render):');
    const board = await measure('the ward board (/ward/MED, from the service worker)', RUNS, () => coldStart(app, `${server.url}/ward/MED`, '.ward-list a'));
    const bare = await measure('the floor page (React 19 + Dexie + workbox-window)', RUNS, () => coldStart(floor, `${pagesUrl}/floor.html`, '.floor-list li'));
    compare(board, bare);
    const dir = process.env.BENCH_PROFILE;
    if (dir) {
      await coldStart(app, `${server.url}/ward/MED`, '.ward-list a', join(dir, 'cold-board.cpuprofile'));
      await coldStart(floor, `${pagesUrl}/floor.html`, '.floor-list li', join(dir, 'cold-floor.cpuprofile'));
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

function firstLoadBytes(): void {
  const app = initialBytes(DIST, 'index.html');
  const floor = initialBytes(BENCH_PAGES_DIR, 'floor.html');
  console.log('\nJS + CSS that the first page loads, gzipped:');
  console.log(`  the app (dist/index.html: ${app.files.length} files)`.padEnd(54) + `${(app.gzip / 1024).toFixed(1).padStart(8)} KB`);
  console.log(`  the floor (React 19 + Dexie + workbox-window)`.padEnd(54) + `${(floor.gzip / 1024).toFixed(1).padStart(8)} KB`);
  console.log(`  ratio app/floor: ${(app.gzip / floor.gzip).toFixed(2)}x`);
  if (process.env.BENCH_PROFILE) console.log('  (BENCH_PROFILE builds the floor unminified: this ratio does not count)');
}

export async function runTablet(): Promise<void> {
  console.log('\n== Tablet (issue 15): save, apply, first load ==');
  await build({ configFile: join(import.meta.dirname, 'browser', 'vite.config.ts') });
  if (PARTS.has('bytes')) firstLoadBytes();
  const { server, url } = await serveStatic(BENCH_PAGES_DIR);
  try {
    if (PARTS.has('save') || PARTS.has('apply')) await writePaths(url);
    if (PARTS.has('cold')) await coldStarts(url);
  } finally {
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runTablet();
