// 200 simulated tablets syncing against the real server process (as `npm start` runs it), then
// the app shell's latency while a flood of bad sign-ins hits the same server, against the
// shell's latency on the idle server measured in the same run.
//
// Each tablet has its own account and its own source address (127.0.x.y: all of 127/8 is
// loopback on Linux), as on a ward network, so the per-address and per-username sign-in limits
// see what they would see in a hospital. BENCH_TABLETS and BENCH_LOAD_SECONDS change the size.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '../src/domain/entry';
import { sealEntry } from '../src/domain/hash';
import type { LoginResponse, PullResponse, PushResponse } from '../src/domain/protocol';
import { hashPassword } from '../src/server/auth/password';
import { seedDemoHospital } from '../src/server/seed/seed-demo-hospital';
import { openStore } from '../src/server/store/open-store';
import { insertUser } from '../src/server/store/users';

const TABLETS = Number(process.env.BENCH_TABLETS ?? 200);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
const FLOOD_SECONDS = Number(process.env.BENCH_FLOOD_SECONDS ?? 8);
const FLOOD_PARALLEL = 32;
const ROOT = join(import.meta.dirname, '..');

interface Answer { status: number; body: string; ms: number }

function call(port: number, agent: Agent, method: 'GET' | 'POST', path: string, body?: unknown, token?: string): Promise<Answer> {
  const t0 = performance.now();
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, method, path, agent, headers: {
      ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, ms: performance.now() - t0 }));
    });
    req.on('error', () => resolve({ status: 0, body: '', ms: performance.now() - t0 }));
    req.end(payload);
  });
}

const agentFor = (i: number) => new Agent({ keepAlive: true, localAddress: `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}` });

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function summary(label: string, times: number[], errors: number, seconds: number): string {
  const s = [...times].sort((a, b) => a - b);
  return `  ${label.padEnd(34)} ${String(times.length).padStart(6)} req  ${(times.length / seconds).toFixed(0).padStart(5)} req/s  p50 ${percentile(s, 50).toFixed(1).padStart(7)} ms  p99 ${percentile(s, 99).toFixed(1).padStart(8)} ms  errors ${errors}`;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** A data directory with the demo hospital and one nurse account per tablet (one hash for all: setup, not the bench). */
async function prepare(): Promise<{ dataDir: string; patients: string[] }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'releve-load-'));
  const store = await openStore({ dataDir });
  await seedDemoHospital(store, new Date());
  const hash = await hashPassword('bench-password');
  for (let i = 0; i < TABLETS; i++) {
    await insertUser(store.db, { username: `bench-${i}`, name: `Infirmière ${i}`, role: 'nurse', units: ['MED'], passwordHash: hash }, new Date());
  }
  const rows = await store.db.selectFrom('entries').select('doc_id').where('doc_type', '=', 'patient').where('scope', '=', 'unit:MED').where('kind', '=', 'create').execute();
  await store.close();
  return { dataDir, patients: rows.map((r) => r.doc_id) };
}

function rssMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

async function shellLatencies(port: number, seconds: number): Promise<number[]> {
  const agent = new Agent({ keepAlive: true });
  const out: number[] = [];
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    const a = await call(port, agent, 'GET', '/');
    if (a.status === 200) out.push(a.ms);
    await new Promise((r) => setTimeout(r, 20));
  }
  return out;
}

export async function runSyncLoad(): Promise<void> {
  console.log(`\nsync load: ${TABLETS} tablets for ${LOAD_SECONDS} s against the real server, then the app shell under a sign-in flood`);
  const { dataDir, patients } = await prepare();
  const port = await freePort();
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', RELEVE_DATA_DIR: dataDir, RELEVE_LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const probe = new Agent();
    for (let i = 0; (await call(port, probe, 'GET', '/api/health')).status !== 200; i++) {
      if (i > 400) throw new Error('the server did not start');
      await new Promise((r) => setTimeout(r, 150));
    }

    const baseline = await shellLatencies(port, 4);

    // Sign-ins, each tablet from its own address.
    const tablets = Array.from({ length: TABLETS }, (_, i) => ({ i, agent: agentFor(i), deviceId: `bench-tablet-${i}`, seq: 1, cursor: 0, login: undefined as LoginResponse | undefined }));
    const loginStart = performance.now();
    let busy = 0;
    await Promise.all(tablets.map(async (t) => {
      // A tablet told 503 (the password queue is full) waits as Retry-After says and tries again.
      for (let attempt = 0; attempt < 20 && !t.login; attempt++) {
        const a = await call(port, t.agent, 'POST', '/api/auth/login', { username: `bench-${t.i}`, password: 'bench-password', deviceId: t.deviceId });
        if (a.status === 200) t.login = JSON.parse(a.body) as LoginResponse;
        else if (a.status === 503) {
          busy++;
          await new Promise((r) => setTimeout(r, 1000 + Math.random() * 2000));
        } else break;
      }
    }));
    const signedIn = tablets.filter((t) => t.login);
    console.log(`  ${signedIn.length}/${TABLETS} tablets signed in in ${((performance.now() - loginStart) / 1000).toFixed(1)} s (${busy} answers 503 "busy, retry", each retried)`);

    // Sync: each tablet writes a note or two, pushes, pulls, waits a moment, again.
    const times: number[] = [];
    let errors = 0;
    const errorKinds = new Map<string, number>();
    const countError = (kind: string) => {
      errors++;
      errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
    };
    const until = performance.now() + LOAD_SECONDS * 1000;
    const loadStart = performance.now();
    await Promise.all(signedIn.map(async (t) => {
      const login = t.login!;
      const author = { userId: login.user.id, name: login.user.name, role: login.user.role };
      while (performance.now() < until) {
        const entries = await Promise.all(Array.from({ length: 1 + (t.seq % 2) }, () => sealEntry({
          id: newId(), docId: newId(), docType: 'note', kind: 'create', parents: [], scope: 'unit:MED',
          patientId: patients[(t.i + t.seq) % patients.length]!, author, deviceId: t.deviceId, deviceSeq: t.seq++,
          createdAt: new Date().toISOString(), body: { target: 'Surveillance', data: 'Constantes stables', actions: 'RAS', results: '' },
        })));
        const pushed = await call(port, t.agent, 'POST', '/api/sync/push', { deviceId: t.deviceId, entries }, login.token);
        times.push(pushed.ms);
        if (pushed.status !== 200) countError(`push ${pushed.status}`);
        else if ((JSON.parse(pushed.body) as PushResponse).results.some((r) => r.status !== 'accepted')) countError('push entry not accepted');
        const pulled = await call(port, t.agent, 'GET', `/api/sync/pull?after=${t.cursor}&limit=500`, undefined, login.token);
        times.push(pulled.ms);
        if (pulled.status === 200) t.cursor = (JSON.parse(pulled.body) as PullResponse).next;
        else countError(`pull ${pulled.status}`);
        await new Promise((r) => setTimeout(r, 200 + Math.random() * 800));
      }
    }));
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const afterLoad = rssMb(server.pid!);
    console.log(summary('push + pull', times, errors, loadSeconds));
    if (errors > 0) console.log(`  errors by kind: ${[...errorKinds].map(([k, n]) => `${n}× ${k}`).join(', ')}`);
    console.log(`  server memory: ${afterLoad.rss.toFixed(0)} MB resident, ${afterLoad.peak.toFixed(0)} MB peak`);

    // A flood of wrong passwords from many addresses and names, while a nurse opens the app.
    let stop = false;
    let flood = 0;
    const floodStatuses = new Map<number, number>();
    const flooders = Array.from({ length: FLOOD_PARALLEL }, async (_, k) => {
      for (let n = 0; !stop; n++) {
        const agent = agentFor(1000 + ((k * 997 + n) % 5000));
        const a = await call(port, agent, 'POST', '/api/auth/login', { username: `bench-${(k * 31 + n) % TABLETS}`, password: 'wrong', deviceId: `flood-${k}-${n}` });
        agent.destroy();
        flood++;
        floodStatuses.set(a.status, (floodStatuses.get(a.status) ?? 0) + 1);
      }
    });
    const during = await shellLatencies(port, FLOOD_SECONDS);
    stop = true;
    await Promise.all(flooders);
    console.log(`  sign-in flood: ${flood} attempts in ${FLOOD_SECONDS} s (${[...floodStatuses].map(([s, n]) => `${n}× ${s}`).join(', ')})`);
    console.log(summary('app shell, idle server (baseline)', baseline, 0, 4));
    console.log(summary('app shell, during the flood', during, 0, FLOOD_SECONDS));
    const p50 = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);
    const p99 = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 99);
    console.log(`  ratio flood/baseline: p50 ${(p50(during) / p50(baseline)).toFixed(2)}x, p99 ${(p99(during) / p99(baseline)).toFixed(2)}x`);
    console.log(`  server memory at the end: ${rssMb(server.pid!).rss.toFixed(0)} MB`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}
