// End-to-end harness: the real server process (as `npm start` runs it) on a free port with
// its own data directory, and Debian's Chromium driven by playwright-core.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { get as httpsGet } from 'node:https';
import { createServer } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { beforeAll, afterAll } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = join(import.meta.dirname, '..', '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  proc: ChildProcess;
  /** Graceful stop. */
  stop(): Promise<void>;
  /** SIGKILL: the process gets no chance to flush anything. */
  kill(): Promise<void>;
  output(): string;
}

/** GET /api/health over http, or over https trusting `ca` (a throwaway test certificate). */
function healthOk(url: string, ca?: string): Promise<boolean> {
  if (!ca) return fetch(`${url}/api/health`).then((r) => r.ok);
  return new Promise((resolve, reject) => {
    const req = httpsGet(`${url}/api/health`, { ca }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', reject);
  });
}

export async function startServer(
  opts: { dataDir?: string; port?: number; env?: Record<string, string>; tls?: { certFile: string; keyFile: string; ca: string } } = {},
): Promise<RunningServer> {
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first');
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'releve-e2e-'));
  const port = opts.port ?? (await freePort());
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      RELEVE_DATA_DIR: dataDir,
      ...(opts.tls ? { RELEVE_TLS_CERT: opts.tls.certFile, RELEVE_TLS_KEY: opts.tls.keyFile } : {}),
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout?.on('data', (d) => (out += d));
  proc.stderr?.on('data', (d) => (out += d));
  // The test certificate names localhost: the page must use that name for the TLS check to pass.
  const url = opts.tls ? `https://localhost:${port}` : `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    try {
      if (await healthOk(url, opts.tls?.ca)) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url, port, dataDir, proc,
    output: () => out,
    stop: async () => {
      if (proc.exitCode === null) proc.kill('SIGTERM');
      await exited;
    },
    kill: async () => {
      if (proc.exitCode === null) proc.kill('SIGKILL');
      await exited;
    },
  };
}

export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', ...extraArgs],
  });
}

/** A ward tablet: its own profile (IndexedDB, service worker), 10-inch landscape, French. */
export async function newTablet(browser: Browser, opts: { landscape?: boolean } = {}): Promise<BrowserContext> {
  const landscape = opts.landscape ?? true;
  return browser.newContext({
    viewport: landscape ? { width: 1280, height: 800 } : { width: 800, height: 1280 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    serviceWorkers: 'allow',
  });
}

/** Waits until the service worker controls the page, so the app can reload offline. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  // Resolves once a worker is active (installed and its precache filled).
  // Bounded: an install that failed (network cut mid-precache) never becomes ready, and
  // should read as that, not as the test's own timeout.
  const ready = await page.evaluate(async () =>
    Promise.race([
      navigator.serviceWorker.ready.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 60_000)),
    ]),
  );
  if (!ready) throw new Error('The service worker did not become active within 60 s (did its install fail?)');
  // The first load stays uncontrolled ('prompt' mode: no clients.claim): the next load is.
  // (A predicate, not an async function: waitForFunction takes a returned promise as truthy.)
  if (await page.evaluate(() => !!navigator.serviceWorker.controller)) return;
  await page.reload();
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 30_000 });
  // Back to where the test was: the reloaded app has checked the server and finished its sync.
  await page.locator('.status-online--yes, .status-online--no').first().waitFor({ timeout: 30_000 });
  await page.locator('.status-sync:not([disabled])').waitFor({ timeout: 30_000 });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.RELEVE_SHOTS;
  if (dir) await page.screenshot({ path: join(dir, `${name}.png`), fullPage: false });
}

export interface Suite {
  server: RunningServer;
  browser: Browser;
}

/** One real server and one Chromium for a test file, started before its tests and stopped after. */
export function serverAndBrowser(): Suite {
  const suite = {} as Suite;
  beforeAll(async () => {
    suite.server = await startServer();
    suite.browser = await launchChromium();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
  });
  return suite;
}
