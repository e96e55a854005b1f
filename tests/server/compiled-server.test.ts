// The production server is compiled JavaScript (scripts/build-server.mjs): no TypeScript is
// transpiled when it starts. Built here into a scratch folder of the repo, then run as `npm start`
// runs it: a CLI command, and serving the API.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script, no types
import { buildServer, serverBuildIsStale, serverEntry } from '../../scripts/build-server.mjs';

const outDir = join('.tmp', `dist-server-test-${process.pid}`);
const entry = () => serverEntry(join(process.cwd(), outDir)) as string;

/** Runs the compiled server; once its output matches `until`, calls `then` with the match and stops it. */
function run(args: string[], env: NodeJS.ProcessEnv, until?: RegExp, then?: (m: RegExpMatchArray) => Promise<void>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [entry(), ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let seen = false;
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = until && !seen ? out.match(until) : null;
      if (!m) return;
      seen = true;
      void (then?.(m) ?? Promise.resolve()).finally(() => child.kill('SIGTERM'));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => resolve({ code, out }));
  });
}

beforeAll(async () => {
  await buildServer(join(process.cwd(), outDir));
}, 60_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the compiled server', () => {
  it('is plain JavaScript, bundled from the sources, with packages left to node_modules', () => {
    const code = readFileSync(entry(), 'utf8');
    expect(code).toMatch(/from "better-sqlite3"/);
    expect(code).not.toMatch(/from "\.\.?\/.*\.ts"/);
    expect(serverBuildIsStale(join(process.cwd(), outDir))).toBe(false);
  });

  it('runs a CLI command (`npm run releve -- help`)', { timeout: 60_000 }, async () => {
    const { code, out } = await run(['help'], { RELEVE_DATA_DIR: mkdtempSync(join(tmpdir(), 'releve-compiled-')) });
    expect(code).toBe(0);
    expect(out).toMatch(/usage: npm run releve -- <command>/);
  });

  it('serves the API, and stops on SIGTERM', async () => {
    const env = { RELEVE_DATA_DIR: mkdtempSync(join(tmpdir(), 'releve-compiled-')), RELEVE_SEED: 'none', PORT: '0', HOST: '127.0.0.1' };
    let health: unknown;
    const { code } = await run([], env, /Relève is serving on (http:\/\/\S+:\d+)/, async (m) => {
      health = await (await fetch(`${m[1]}/api/health`)).json();
    });
    expect(health).toMatchObject({ ok: true, serverId: expect.any(String) });
    expect(code).toBe(0);
  }, 60_000);
});
