// Bad input never becomes a 500 and never blocks a batch (issue 10, part 2). Each test runs the
// same push again with the guard switched off (checksOff) to show that it is what holds.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entry } from '../../src/domain/entry';
import type { Store } from '../../src/server/store/open-store';
import { bearer, closeAll, entryBy, login, patientsOf, pushRaw, testApp, type Tablet } from './helpers';

/** A QuestionnaireResponse-shaped body nested `depth` groups deep. */
function deepForm(patientId: string, depth: number): unknown {
  let item: unknown = [{ linkId: 'leaf', answer: [{ valueString: 'x' }] }];
  for (let i = 0; i < depth; i++) item = [{ linkId: `g${i}`, item }];
  return { resourceType: 'QuestionnaireResponse', questionnaire: 'x|1', status: 'completed', subject: { reference: `Patient/${patientId}` }, authored: '2026-03-02', item };
}

const DEEP = '"<deep>"';
/** The push as JSON text, with the "<deep>" body spliced in as arrays nested `depth` deep (too deep for JSON.stringify here). */
function pushText(t: Tablet, entries: unknown[], depth = 900): string {
  return JSON.stringify({ deviceId: t.deviceId, entries }).replace(DEEP, '['.repeat(depth) + '"x"' + ']'.repeat(depth));
}

describe('no 500, no poisoned batch', () => {
  const apps: { app: FastifyInstance; store: Store }[] = [];
  async function start(checksOff: string[] = []) {
    const made = await testApp({ checksOff });
    apps.push(made);
    return { ...made, nurse: await login(made.app, 'demo-nurse'), med: await patientsOf(made.store, 'MED') };
  }
  let guarded: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    guarded = await start();
  });
  afterAll(async () => {
    for (const { app, store } of apps) await closeAll(app, store);
  });

  const pushDeep = (app: FastifyInstance, t: Tablet, entries: unknown[], depth?: number) =>
    app.inject({ method: 'POST', url: '/api/sync/push', headers: { ...bearer(t), 'content-type': 'application/json' }, payload: pushText(t, entries, depth) });

  async function hostileBatch(nurse: Tablet, med: Entry[]): Promise<Entry[]> {
    const before = await entryBy(nurse, { patient: med[0] });
    const hostile = await Promise.all(
      ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'].map((docType) => entryBy(nurse, { patient: med[0], docType })),
    );
    const deep = await entryBy(nurse, { patient: med[0], docType: 'form', body: deepForm(med[0]!.docId, 400) });
    // Too deep to seal here (hashing recurses): a real hash of another body, so only depth is wrong.
    const deeper = { ...(await entryBy(nurse, { patient: med[0] })), body: '<deep>' };
    const after = await entryBy(nurse, { patient: med[1] });
    return [before, ...hostile, deep, deeper, after];
  }

  it('rejects docTypes that name Object.prototype members and over-deep trees one by one, and accepts the rest of the batch', async () => {
    const { app, nurse, med, store } = guarded;
    const batch = await hostileBatch(nurse, med);
    const res = await pushDeep(app, nurse, batch);
    expect(res.statusCode).toBe(200);
    const results = res.json<{ results: { id: string; status: string; reason?: string }[] }>().results;
    expect(results.map((r) => r.status)).toEqual(['accepted', ...Array(7).fill('rejected'), 'accepted']);
    expect(results[1]!.reason).toMatch(/unknown docType '__proto__'/);
    expect(results[3]!.reason).toMatch(/unknown docType 'toString'/);
    expect(results[6]!.reason).toMatch(/too large: nested more than 64 levels/);
    expect(results[7]!.reason).toMatch(/too large/);
    const stored = store.sqlite.prepare(`select count(*) as n from entries where id in (${batch.map(() => '?').join(',')})`).get(...batch.map((e) => e.id));
    expect(stored).toEqual({ n: 2 });
  });

  it('with the depth limit switched off, the deep entries are not refused for their depth', async () => {
    const { app, nurse, med } = await start(['limits']);
    const res = await pushDeep(app, nurse, await hostileBatch(nurse, med));
    expect(res.statusCode).toBe(200);
    const results = res.json<{ results: { status: string; reason?: string }[] }>().results;
    expect(results[6]!.reason).not.toMatch(/too large/);
    expect(results[7]!.reason).not.toMatch(/too large/);
  });

  async function poisonedPush(app: FastifyInstance, store: Store, nurse: Tablet, med: Entry[]) {
    const ok1 = await entryBy(nurse, { patient: med[2] });
    const poisoned = await entryBy(nurse, { patient: med[2] });
    const ok2 = await entryBy(nurse, { patient: med[3] });
    // A trigger makes the database throw for this one entry, after its feed row was written.
    store.sqlite.exec(`create temp trigger poison before insert on entries when new.id = '${poisoned.id}' begin select raise(abort, 'poisoned'); end`);
    try {
      return { res: await pushRaw(app, nurse, [ok1, poisoned, ok2]), poisoned };
    } finally {
      store.sqlite.exec('drop trigger temp.poison');
    }
  }

  it('without per-entry isolation, an exception in one entry fails the whole push with a 500', async () => {
    const { app, nurse, med, store } = await start(['isolation']);
    const { res } = await poisonedPush(app, store, nurse, med);
    expect(res.statusCode).toBe(500);
  });

  it('an exception while storing one entry rolls back that entry alone (savepoint), not the batch', async () => {
    const { app, nurse, med, store } = guarded;
    const { res, poisoned } = await poisonedPush(app, store, nurse, med);
    expect(res.statusCode).toBe(200);
    expect(res.json<{ results: { status: string }[] }>().results.map((r) => r.status)).toEqual(['accepted', 'rejected', 'accepted']);
    expect(store.sqlite.prepare('select count(*) as n from feed where entry_id = ?').get(poisoned.id)).toEqual({ n: 0 });
  });
});
