// The admin screen's API for messages kept for an unmapped ward (issue 13): the list names the
// HIS ward code and the patient (both identifiers); mapping the ward from the screen replays them;
// only an admin may do either; a bad request maps nothing. Over MLLP to the running server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashMatches } from '../../src/domain/hash';
import type { UnmappedAnswer } from '../../src/domain/his/unmapped';
import type { PatientBody } from '../../src/domain/schemas';
import { runCommand } from '../../src/server/cli/run-command';
import { listHisWards } from '../../src/server/interface/store/wards';
import { admit, type Person } from './hl7-fixtures';
import { readAck } from './mllp-client';
import { pullNew, signIn, startFeedServer, type FeedServer, type Reader } from './mllp-harness';

let f: FeedServer;
let admin: Reader;
let nurse: Reader;
beforeAll(async () => {
  f = await startFeedServer();
  admin = await signIn(f.server, 'demo-admin');
  nurse = await signIn(f.server, 'demo-nurse');
  await pullNew(f.server, nurse);
});
afterAll(() => f.close());

const rose: Person = { ipp: '910001', birthName: 'LEROY', usedName: 'BLANC', given: 'Rose', birth: '19510704', sex: 'F' };
const paul: Person = { ipp: '910002', birthName: 'FAURE', given: 'Paul', birth: '19800101', sex: 'M' };

/** The status and body, refusals included; a 503 (load shed before any work) is tried again. */
async function call(r: Reader, method: 'GET' | 'POST', path: string, json?: unknown): Promise<{ status: number; body: unknown }> {
  for (let tries = 0; ; tries++) {
    const res = await fetch(`${f.server.url}/api/interface/${path}`, {
      method, headers: { authorization: `Bearer ${r.token}`, ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
    if (res.status !== 503 || tries > 20) return { status: res.status, body: await res.json() };
    await new Promise((ok) => setTimeout(ok, 500));
  }
}

describe('messages kept for an unmapped ward, on the admin screen', () => {
  it('lists each kept message with its ward code and the patient it names, oldest first per ward', async () => {
    expect(readAck(await f.mllp.send(admit(rose, { ward: 'REA', room: '3', bed: 'A' }, { controlId: 'KEPT-ROSE' }))).code).toBe('AA');
    expect(readAck(await f.mllp.send(admit(paul, { ward: 'USIC', room: '7' }, { controlId: 'KEPT-PAUL' }))).code).toBe('AA');
    const { status, body } = await call(admin, 'GET', 'unmapped');
    expect(status).toBe(200);
    const answer = body as UnmappedAnswer;
    expect(answer.messages.map((m) => m.controlId)).toEqual(['KEPT-PAUL', 'KEPT-ROSE']);
    expect(answer.messages[1]).toMatchObject({
      controlId: 'KEPT-ROSE', messageType: 'ADT^A01', ward: 'REA', room: '3',
      ipp: '910001', lastName: 'LEROY', usedName: 'BLANC', firstName: 'Rose', birthDate: '1951-07-04', sex: 'F',
    });
    expect(Date.parse(answer.messages[1]!.receivedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(answer.wards).toEqual(expect.arrayContaining([{ hisCode: 'MED', unitCode: 'MED' }]));
  });

  it('refuses a nurse, a unit Relève does not know and a malformed ward code, and maps nothing', async () => {
    expect((await call(nurse, 'GET', 'unmapped')).status).toBe(403);
    expect((await call(nurse, 'POST', 'ward-map', { his: 'REA', unit: 'MED' })).status).toBe(403);
    expect(await call(admin, 'POST', 'ward-map', { his: 'REA', unit: 'NOPE' })).toMatchObject({ status: 400, body: { details: expect.stringMatching(/no unit NOPE/) } });
    expect((await call(admin, 'POST', 'ward-map', { his: 'RE^A', unit: 'MED' })).status).toBe(400);
    expect((await call(admin, 'POST', 'ward-map', { his: 'REA' })).status).toBe(400);
    expect((await listHisWards(f.server.store.db)).map((w) => w.hisCode)).not.toContain('REA');
    expect((await call(admin, 'GET', 'unmapped')).body).toMatchObject({ messages: [{ controlId: 'KEPT-PAUL' }, { controlId: 'KEPT-ROSE' }] });
  });

  it('mapping the ward from the screen applies its kept messages: the ward nurse pulls the patient, the list shrinks', async () => {
    expect(await call(admin, 'POST', 'ward-map', { his: 'REA', unit: 'MED' })).toEqual({ status: 200, body: { his: 'REA', unit: 'MED', replayed: 1, stillKept: 1 } });
    const entries = await pullNew(f.server, nurse);
    // The server no longer hashes its own feed entries twice (feed-write.ts): the seal is still right.
    expect(await Promise.all(entries.map((e) => hashMatches(e)))).toEqual(entries.map(() => true));
    const pulled = entries.filter((e) => e.docType === 'patient').map((e) => e.body as PatientBody);
    expect(pulled).toEqual([expect.objectContaining({ ipp: '910001', lastName: 'LEROY', unitCode: 'MED', room: '3', bed: 'A' })]);
    expect(((await call(admin, 'GET', 'unmapped')).body as UnmappedAnswer).messages.map((m) => m.controlId)).toEqual(['KEPT-PAUL']);
  });

  it('the ward-map command does the same and says what it replayed', async () => {
    expect(await runCommand(['ward-map', '--his', 'USIC', '--unit', 'med'], { store: f.server.store })).toBe('HIS ward USIC -> unit MED; kept messages replayed: 1, still kept: 0');
    expect(await runCommand(['ward-map'], { store: f.server.store })).toMatch(/USIC +-> MED[\s\S]*messages kept for unmapped wards \(0\):$/);
    expect(((await call(admin, 'GET', 'unmapped')).body as UnmappedAnswer).messages).toEqual([]);
  });
});
