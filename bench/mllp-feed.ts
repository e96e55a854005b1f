// The HIS feed: HL7v2 messages per second from MLLP to the feed (each journalled and committed
// with fsync before its ACK), and the time from an ACK to the entry being pullable by a nurse.
// Goals (issue 13): >= 500 messages/s, <= 1 s. Baseline, same run: the same number of raw
// journal rows inserted into SQLite with the same durability (WAL, synchronous=FULL), one
// transaction per message, the fsync floor of "journal before ACK" without grouping.
// Senders, in a process of their own (mllp-senders.ts), as the HIS is another machine: each connection waits for its ACK before the next message (MLLP original mode, as HIS
// interface engines send), so a group commit (feed-queue.ts) holds at most one message per
// connection. Three cases: 1 connection in order (one feed: one commit per message), 4 (a site's
// ADT, pharmacy, lab and one more feed) and 8 (several connections per type, as a hospital's
// interface engine opens them, or an engine catching up in parallel).
import { fork } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { serve } from '../src/server/serve';
import { openStore, DB_FILE_NAME } from '../src/server/store/open-store';
import { seedDemoHospital } from '../src/server/seed/seed-demo-hospital';
import { admit } from '../tests/server/hl7-fixtures';
import { MllpClient, readAck } from '../tests/server/mllp-client';
import { pullNew, signIn } from '../tests/server/mllp-harness';
import { measure, report, timed } from './measure';
import { messageOf, person } from './hl7-messages';
import type { Burst, SenderReply } from './mllp-senders';

const MESSAGES = Number(process.env.BENCH_HL7 ?? 1000);
/** Connections per case (BENCH_CONNECTIONS=4 for one case). */
const SENDERS = (process.env.BENCH_CONNECTIONS ?? '1,4,8').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const LATENCY_SAMPLES = 50;

async function seededCopy(template: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'releve-bench-hl7-'));
  copyFileSync(template, join(dir, DB_FILE_NAME));
  return dir;
}

/** Times a burst sent by the HIS process: from 'go' (messages built, connections open) to the last ACK. */
function burst(b: Burst): Promise<number> {
  const senders = fork(new URL('./mllp-senders.ts', import.meta.url), [], { execArgv: ['--import', 'tsx'] });
  return new Promise<number>((resolve, reject) => {
    let t0 = 0;
    senders.on('message', (r: SenderReply) => {
      if (r.kind === 'ready') {
        t0 = performance.now();
        senders.send('go');
      } else if (r.kind === 'done') resolve(performance.now() - t0);
      else reject(new Error(`HIS senders: ${r.text}`));
    });
    senders.once('exit', (code) => reject(new Error(`HIS senders exited (${code})`)));
    senders.send(b);
  }).finally(() => senders.kill());
}

function rawJournal(dir: string, run: number): Promise<number> {
  const db = new Database(join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('create table if not exists j (seq integer primary key autoincrement, control_id text unique not null, received_at text not null, raw text not null)');
  const insert = db.prepare('insert into j (control_id, received_at, raw) values (?, ?, ?)');
  return timed(async () => {
    for (let i = 0; i < MESSAGES; i++) insert.run(`R${run}-${i}`, new Date().toISOString(), messageOf(run, i));
  }).finally(() => db.close());
}

export async function runMllpFeed(): Promise<void> {
  console.log(`\nHIS feed over MLLP: ${MESSAGES} messages (half ADT^A01, half ORU^R01), each ACK awaited before the connection's next message, ${RUNS} runs`);
  const templateDir = mkdtempSync(join(tmpdir(), 'releve-bench-hl7-'));
  const store = await openStore({ dataDir: templateDir });
  await seedDemoHospital(store, new Date('2026-03-02T08:00:00Z'));
  await store.close();
  const template = join(templateDir, DB_FILE_NAME);

  let run = 0;
  const baseline = await measure('raw journal insert, fsync each (baseline)', RUNS, async () => rawJournal(mkdtempSync(join(tmpdir(), 'releve-bench-raw-')), ++run));
  for (const connections of SENDERS) {
    let perCommit = 0;
    const subject = await measure(`MLLP -> feed, ACK, ${connections} connection${connections > 1 ? 's' : ''}`, RUNS, async () => {
      const dir = await seededCopy(template);
      const server = await serve({ PORT: '0', HOST: '127.0.0.1', RELEVE_DATA_DIR: dir, RELEVE_MLLP_PORT: '0', RELEVE_LOG_LEVEL: 'silent', RELEVE_STATIC_DIR: '/nonexistent' });
      try {
        const r = ++run;
        const ms = await burst({ port: server.mllp!.port, run: r, connections, messages: MESSAGES });
        perCommit = server.mllp!.counts.messages / server.mllp!.counts.groups;
        return ms;
      } finally {
        await server.stop();
      }
    });
    report(subject, baseline, { count: MESSAGES, label: 'msg' });
    const rate = (MESSAGES / subject.median) * 1000;
    console.log(`  group commit: ${perCommit.toFixed(2)} messages per transaction (last run)`);
    console.log(`  goal >= 500 msg/s: ${rate >= 500 ? 'met' : 'NOT met'} (${rate.toFixed(0)} msg/s)`);
  }

  // ACK -> pullable: one admission at a time, then a nurse's pull until it is there.
  const server = await serve({ PORT: '0', HOST: '127.0.0.1', RELEVE_DATA_DIR: await seededCopy(template), RELEVE_MLLP_PORT: '0', RELEVE_LOG_LEVEL: 'silent', RELEVE_STATIC_DIR: '/nonexistent' });
  try {
    const nurse = await signIn(server, 'demo-nurse');
    await pullNew(server, nurse);
    const c = await MllpClient.connect(server.mllp!.port);
    const waits: number[] = [];
    for (let i = 0; i < LATENCY_SAMPLES; i++) {
      const p = person(999, i);
      const ack = readAck(await c.send(admit(p, { ward: 'MED', room: '199' }, { controlId: `LAT-${i}` })));
      if (ack.code !== 'AA') throw new Error(ack.text);
      const t0 = performance.now();
      for (;;) {
        const got = await pullNew(server, nurse);
        if (got.some((e) => (e.body as { ipp?: string }).ipp === p.ipp)) break;
      }
      waits.push(performance.now() - t0);
    }
    c.close();
    waits.sort((a, b) => a - b);
    const median = waits[Math.floor(waits.length / 2)]!;
    const max = waits[waits.length - 1]!;
    console.log(`  ACK -> pullable by a MED nurse (${LATENCY_SAMPLES} admissions): median ${median.toFixed(1)} ms, max ${max.toFixed(1)} ms; goal <= 1000 ms: ${max <= 1000 ? 'met' : 'NOT met'}`);
  } finally {
    await server.stop();
  }
}
