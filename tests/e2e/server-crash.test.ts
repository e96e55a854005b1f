// Safety rule 1 under fire: the real server process is SIGKILLed while many pushes are in
// flight, then restarted on the same data. Every entry it had answered `accepted` must still be
// there, and replaying every batch (what a client's retry does) must come back `duplicate` for
// those and never `rejected` for anything. No browser needed.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { newId, type Entry, type UnsignedEntry } from '../../src/domain/entry';
import { sealEntry } from '../../src/domain/hash';
import type { LoginResponse, PushResponse } from '../../src/domain/protocol';
import { apiCall, pullToEnd, signInApi } from '../support/server-api';

const ROOT = join(import.meta.dirname, '..', '..');
const BATCHES = 40;
const PER_BATCH = 25;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

interface ServerProcess {
  proc: ChildProcess;
  url: string;
  exited: Promise<void>;
  output: () => string;
}

/** The server exactly as npm start runs it, minus the wrapper: this pid holds the database. */
async function startServer(dataDir: string, port: number): Promise<ServerProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', RELEVE_DATA_DIR: dataDir, RELEVE_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 60_000; ; ) {
    if (proc.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    const up = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (up) return { proc, url, exited, output: () => out };
    if (Date.now() > deadline) throw new Error(`server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}


async function pullEverything(url: string, token: string): Promise<Entry[]> {
  return (await pullToEnd(url, token)).entries;
}

/** Notes from one tablet: each batch writes 20 new notes and amends 5 of them, in order. */
async function writeBatches(login: LoginResponse, deviceId: string, patients: Entry[]): Promise<Entry[][]> {
  let deviceSeq = 0;
  const author = { userId: login.user.id, name: login.user.name, role: login.user.role };
  const make = (fields: Partial<UnsignedEntry>) =>
    sealEntry({
      id: newId(), docId: newId(), docType: 'note', kind: 'create', parents: [], scope: 'unit:MED',
      body: { target: 'Surveillance', data: `Relevé ${deviceSeq + 1}`, actions: '', results: '' },
      author, deviceId, deviceSeq: ++deviceSeq, createdAt: new Date().toISOString(), ...fields,
    });
  const batches: Entry[][] = [];
  for (let b = 0; b < BATCHES; b++) {
    const batch: Entry[] = [];
    for (let i = 0; i < PER_BATCH - 5; i++) batch.push(await make({ patientId: patients[(b + i) % patients.length]!.docId }));
    for (const created of batch.slice(0, 5)) {
      batch.push(await make({ docId: created.docId, kind: 'amend', parents: [created.id], patientId: created.patientId!,
        body: { target: 'Surveillance', data: 'Relevé corrigé', actions: '', results: '' } }));
    }
    batches.push(batch);
  }
  return batches;
}

describe('a server crash loses nothing', () => {
  const running: ServerProcess[] = [];
  afterAll(async () => {
    for (const s of running) if (s.proc.exitCode === null && s.proc.signalCode === null) s.proc.kill('SIGKILL');
  });

  it('keeps every accepted entry through a SIGKILL mid-push, and replays come back duplicate', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'releve-crash-'));
    const port = await freePort();
    const first = await startServer(dataDir, port);
    running.push(first);

    const deviceId = 'tablet-crash';
    const login = await signInApi(first.url, 'demo-nurse', deviceId);
    const patients = (await pullEverything(first.url, login.token)).filter((e) => e.docType === 'patient');
    expect(patients.length).toBeGreaterThan(0);
    const batches = await writeBatches(login, deviceId, patients);

    // Fire every push at once; SIGKILL the server as soon as the first answers come back.
    let answered = 0;
    const outcomes = await Promise.allSettled(
      batches.map(async (entries) => {
        const res = await apiCall<PushResponse>(`${first.url}/api/sync/push`, { method: 'POST', token: login.token, json: { deviceId, entries } });
        if (++answered === 3) first.proc.kill('SIGKILL');
        return res;
      }),
    );
    await first.exited;
    expect(first.proc.signalCode).toBe('SIGKILL');
    const accepted = new Map<string, number>();
    for (const o of outcomes) {
      if (o.status !== 'fulfilled') continue;
      for (const r of o.value.results) {
        expect(r.status, r.reason).toBe('accepted');
        accepted.set(r.id, r.serverSeq!);
      }
    }
    const failed = outcomes.filter((o) => o.status === 'rejected').length;
    expect(accepted.size).toBeGreaterThanOrEqual(3 * PER_BATCH);
    expect(failed, 'the kill must land while pushes are still in flight').toBeGreaterThan(0);

    // Restart on the same data. The old token was committed too, so the tablet carries on.
    const second = await startServer(dataDir, port);
    running.push(second);
    const afterCrash = new Map((await pullEverything(second.url, login.token)).map((e) => [e.id, e]));
    for (const [id, serverSeq] of accepted) {
      expect(afterCrash.get(id)?.serverSeq, `accepted entry ${id} lost`).toBe(serverSeq);
    }

    // The client's retry: every batch again, in order.
    const replay = { accepted: 0, duplicate: 0 };
    for (const entries of batches) {
      const { results } = await apiCall<PushResponse>(`${second.url}/api/sync/push`, { method: 'POST', token: login.token, json: { deviceId, entries } });
      for (const r of results) {
        if (accepted.has(r.id)) expect(r).toMatchObject({ status: 'duplicate', serverSeq: accepted.get(r.id) });
        // Committed just before the kill but never answered: duplicate; never reached the disk: accepted.
        else expect(['accepted', 'duplicate'], `${r.id}: ${r.reason}`).toContain(r.status);
        if (r.status !== 'rejected') replay[r.status]++;
      }
    }
    console.info(`crash test: ${accepted.size} answered accepted, ${failed}/${BATCHES} pushes cut off; replay ${JSON.stringify(replay)}`);
    const finalIds = (await pullEverything(second.url, login.token)).map((e) => e.id);
    expect(new Set(finalIds).size).toBe(finalIds.length);
    for (const entries of batches) for (const e of entries) expect(finalIds).toContain(e.id);

    // A clean stop, then the file itself is sound.
    second.proc.kill('SIGTERM');
    await second.exited;
    expect(second.proc.exitCode, second.output()).toBe(0);
    const db = new Database(join(dataDir, 'releve.sqlite'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((db.prepare("select count(*) as n from entries where device_id = ?").get(deviceId) as { n: number }).n).toBe(BATCHES * PER_BATCH);
    db.close();
  });
});
