// Safety rule 1 for the HIS feed: the real server process is SIGKILLed during a burst of 1,000
// HL7v2 messages over MLLP from four connections. Every message it had acknowledged (AA) must be
// in the journal after the restart, with the patient it admitted; sending the whole burst again
// (what the HIS does after a cut) is acknowledged without a second copy of anything.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { admit, type Person } from '../server/hl7-fixtures';
import { MllpClient, readAck } from '../server/mllp-client';
import { freePort, startServer, type RunningServer } from './harness';

const TOTAL = 1000;
const CONNECTIONS = 4;
const KILL_AFTER = 300;

const person = (i: number): Person => ({ ipp: String(9_500_000 + i), birthName: `CRASH${i}`, given: 'Test', birth: '19700101', sex: 'F' });
const messageOf = (i: number) => admit(person(i), { ward: i % 2 ? 'MED' : 'CHIR', room: String(100 + (i % 50)) }, { controlId: `BURST-${i}` });

let server: RunningServer | undefined;
afterAll(async () => server?.stop());

/** Sends messages first..TOTAL-1 (every CONNECTIONS-th) on one connection; notes each AA; stops at the first failure. */
async function sender(port: number, offset: number, acked: Set<number>, onAck: () => void): Promise<void> {
  let client: MllpClient;
  try {
    client = await MllpClient.connect(port);
  } catch {
    return;
  }
  for (let i = offset; i < TOTAL; i += CONNECTIONS) {
    const reply = await Promise.race([client.send(messageOf(i)), new Promise<null>((r) => setTimeout(() => r(null), 5000))]).catch(() => null);
    if (!reply) return;
    if (readAck(reply).code !== 'AA') throw new Error(`message ${i}: ${reply}`);
    acked.add(i);
    onAck();
  }
  client.close();
}

describe('SIGKILL during a burst of 1,000 MLLP messages', () => {
  it('loses no acknowledged message, and a replay duplicates nothing', async () => {
    const mllpPort = await freePort();
    server = await startServer({ env: { RELEVE_MLLP_PORT: String(mllpPort) } });
    const acked = new Set<number>();
    let killing: Promise<void> | null = null;
    const onAck = () => {
      if (acked.size >= KILL_AFTER && !killing) killing = server!.kill();
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, (_, k) => sender(mllpPort, k, acked, onAck)));
    await killing;
    expect(acked.size).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(acked.size).toBeLessThan(TOTAL); // the kill did land mid-burst

    // What is on disk after the kill, read before anything else opens the file.
    const db = new Database(join(server.dataDir, 'releve.sqlite'), { readonly: true });
    const journalled = new Set(db.prepare("select control_id from his_journal where control_id like 'BURST-%'").pluck().all() as string[]);
    const admitted = new Set(db.prepare("select json_extract(json, '$.body.ipp') from entries where doc_type = 'patient' and json_extract(json, '$.body.lastName') like 'CRASH%'").pluck().all() as string[]);
    db.close();
    for (const i of acked) {
      expect(journalled.has(`BURST-${i}`), `BURST-${i} was acknowledged`).toBe(true);
      expect(admitted.has(person(i).ipp), `patient of BURST-${i}`).toBe(true);
    }

    // The HIS sends everything again: all acknowledged, nothing stored twice.
    server = await startServer({ dataDir: server.dataDir, env: { RELEVE_MLLP_PORT: String(mllpPort) } });
    const again = new Set<number>();
    await Promise.all(Array.from({ length: CONNECTIONS }, (_, k) => sender(mllpPort, k, again, () => {})));
    expect(again.size).toBe(TOTAL);
    const after = new Database(join(server.dataDir, 'releve.sqlite'), { readonly: true });
    const copies = after.prepare("select count(*) from entries where doc_type = 'patient' and json_extract(json, '$.body.lastName') like 'CRASH%'").pluck().get();
    const journal = after.prepare("select count(*) from his_journal where control_id like 'BURST-%'").pluck().get();
    after.close();
    expect(copies).toBe(TOTAL);
    expect(journal).toBe(TOTAL);
  });
});
