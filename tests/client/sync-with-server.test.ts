// The client's sync against the real server: a real SQLite file, Fastify listening on a port,
// and two tablets on fake-indexeddb talking to it over HTTP.
import { describe, it, expect, beforeAll, afterAll, afterEach, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { freshDb, unlockTablet } from './helpers';
import { testApp, closeAll, login, push, entryBy, patientsOf, pullAll } from '../server/helpers';
import type { Store } from '../../src/server/store/open-store';
import type { ReleveDb } from '../../src/client/db/schema';
import { ensureDeviceId, getMeta, setMeta } from '../../src/client/db/meta';
import { setCurrentPerson } from '../../src/client/db/keyring/keyring';
import { appendEntry } from '../../src/client/db/append';
import { api, setApiBase, OfflineError } from '../../src/client/sync/http';
import { pushOutbox } from '../../src/client/sync/push';
import { pullFeed } from '../../src/client/sync/pull';
import { syncOnce } from '../../src/client/sync/loop';
import { getLiveState, reportBrowserOffline } from '../../src/client/sync/live-state';
import { loadStoredStatus } from '../../src/client/data/sync-status';
import type { Author } from '../../src/domain/entry';
import type { LoginResponse } from '../../src/domain/protocol';
import { MAX_BODY_DEPTH } from '../../src/server/http/json-body';
import { revokeDevice } from '../../src/server/store/devices';
import Dexie from 'dexie';
import { wipeTablet } from '../../src/client/db/wipe';
import { KEYRING_DB_NAME } from '../../src/client/db/keyring/keyring-db';

let app: FastifyInstance;
let store: Store;

beforeAll(async () => {
  ({ app, store } = await testApp());
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  setApiBase(url);
});
afterAll(async () => {
  setApiBase('');
  await closeAll(app, store);
});
afterEach(unlockTablet); // a wipe destroys the data key, as on a revoked tablet

interface Tablet {
  db: ReleveDb;
  author: Author;
}

async function signedInTablet(username: string, db = freshDb()): Promise<Tablet> {
  const deviceId = await ensureDeviceId(db);
  const res = await api<LoginResponse>('/api/auth/login', { body: { username, password: 'demo', deviceId } });
  const sessions = (await getMeta(db, 'sessions')) ?? {};
  await setMeta(db, 'sessions', { ...sessions, [res.user.id]: { token: res.token, user: res.user, expiresAt: res.expiresAt } });
  await setCurrentPerson(db.keyring, res.user.id);
  return { db, author: { userId: res.user.id, name: res.user.name, role: res.user.role } };
}

async function firstMedPatient(t: Tablet) {
  const patients = await t.db.docs.where('[docType+scope]').equals(['patient', 'unit:MED']).toArray();
  patients.sort((a, b) => ((a.body as { ipp: string }).ipp < (b.body as { ipp: string }).ipp ? -1 : 1));
  return patients[0]!;
}

const note = (results: string) => ({ target: 'Douleur', data: 'EVA 6/10', actions: 'Paracétamol 1 g', results });

describe('sync between two tablets through the real server', () => {
  it('a first sync brings the census; a note written on A reaches B with its author', async () => {
    const a = await signedInTablet('demo-nurse');
    const b = await signedInTablet('demo-nurse2');
    expect(await syncOnce(a.db)).toBe('done');
    expect(await syncOnce(b.db)).toBe('done');
    const patients = await a.db.docs.where('[docType+scope]').equals(['patient', 'unit:MED']).count();
    expect(patients).toBeGreaterThanOrEqual(12);
    // a MED nurse receives no CHIR patient
    expect(await a.db.docs.where('[docType+scope]').equals(['patient', 'unit:CHIR']).count()).toBe(0);

    const p = await firstMedPatient(a);
    const w = await appendEntry(a.db, { docType: 'note', kind: 'create', parents: [], scope: p.scope, patientId: p.docId, body: note('ok') }, a.author);
    expect((await loadStoredStatus(a.db)).pending).toBe(1);
    expect(await syncOnce(a.db)).toBe('done');
    expect((await loadStoredStatus(a.db)).pending).toBe(0);
    expect(await a.db.outbox.get(w.entry.id)).toBeUndefined();

    await syncOnce(b.db);
    const seen = await b.db.docs.get(w.entry.docId);
    expect(seen?.body).toEqual(note('ok'));
    expect(seen?.history[0]?.author.name).toBe(a.author.name);
  });

  it("a round that ends well after the browser said offline leaves the tablet offline; the next one reached says online", async () => {
    const a = await signedInTablet('demo-nurse');
    const round = syncOnce(a.db);
    reportBrowserOffline(); // the network drops while the round's answers are on their way
    expect(await round).toBe('done');
    expect(getLiveState().online).toBe(false);
    expect(await syncOnce(a.db)).toBe('done');
    expect(getLiveState().online).toBe(true);
  });

  it('concurrent amends on two tablets show as conflicted on both, and a resolve converges them', async () => {
    const a = await signedInTablet('demo-nurse');
    const b = await signedInTablet('demo-nurse2');
    await syncOnce(a.db);
    const p = await firstMedPatient(a);
    const c = await appendEntry(a.db, { docType: 'note', kind: 'create', parents: [], scope: p.scope, patientId: p.docId, body: note('v1') }, a.author);
    await syncOnce(a.db);
    await syncOnce(b.db);
    const base = { docId: c.entry.docId, docType: 'note', kind: 'amend' as const, parents: [c.entry.id], scope: p.scope, patientId: p.docId };
    await appendEntry(a.db, { ...base, body: note('A') }, a.author);
    await appendEntry(b.db, { ...base, body: note('B') }, b.author);
    await syncOnce(a.db);
    await syncOnce(b.db);
    await syncOnce(a.db);
    const onA = await a.db.docs.get(c.entry.docId);
    const onB = await b.db.docs.get(c.entry.docId);
    expect(onA?.status).toBe('conflicted');
    expect(onB?.status).toBe('conflicted');
    expect(onA?.headVersions.map((v) => v.body)).toEqual(onB?.headVersions.map((v) => v.body));
    expect((await loadStoredStatus(b.db)).conflicts).toBeGreaterThanOrEqual(1);

    await appendEntry(a.db, { ...base, kind: 'resolve', parents: onA!.heads, body: note('A et B') }, a.author);
    await syncOnce(a.db);
    await syncOnce(b.db);
    expect(await b.db.docs.get(c.entry.docId)).toMatchObject({ status: 'ok', body: note('A et B') });
    expect(await a.db.docs.get(c.entry.docId)).toMatchObject({ status: 'ok', body: note('A et B') });
  });

  it('a retried push after a lost answer is harmless: the server answers duplicate and nothing doubles', async () => {
    const a = await signedInTablet('demo-nurse');
    await syncOnce(a.db);
    const p = await firstMedPatient(a);
    const w = await appendEntry(a.db, { docType: 'note', kind: 'create', parents: [], scope: p.scope, patientId: p.docId, body: note('x') }, a.author);
    await pushOutbox(a.db);
    // the answer was "lost": put the outbox mark back as if we never heard
    await a.db.outbox.put({ entryId: w.entry.id, authorId: a.author.userId, state: 'pending', reason: null, lastAttemptAt: null });
    const again = await pushOutbox(a.db);
    expect(again).toMatchObject({ sent: 1, accepted: 1, rejected: 0 });
    expect(await a.db.outbox.count()).toBe(0);
    const rows = await store.db.selectFrom('entries').select('id').where('id', '=', w.entry.id).execute();
    expect(rows).toHaveLength(1);
  });

  it('a rejected entry stays on the tablet, marked with the reason', async () => {
    const a = await signedInTablet('demo-nurse');
    await syncOnce(a.db);
    const p = await firstMedPatient(a);
    // A nurse's tablet holding an entry in a ward she does not belong to (e.g. from an old session).
    const w = await appendEntry(a.db, { docType: 'note', kind: 'create', parents: [], scope: 'unit:CHIR', patientId: p.docId, body: note('x') }, a.author);
    const summary = await pushOutbox(a.db);
    expect(summary.rejected).toBe(1);
    expect(await a.db.entries.get(w.entry.id)).toBeDefined();
    const mark = await a.db.outbox.get(w.entry.id);
    expect(mark?.state).toBe('rejected');
    expect(mark?.reason).toMatch(/scope/);
    expect((await loadStoredStatus(a.db)).rejected).toBe(1);
  });

  it('sets aside an entry that makes the server refuse its whole request, and sends the others', async () => {
    const a = await signedInTablet('demo-nurse');
    await syncOnce(a.db);
    const p = await firstMedPatient(a);
    const draft = { docType: 'note', kind: 'create' as const, parents: [], scope: 'unit:MED', patientId: p.docId };
    const before = await appendEntry(a.db, { ...draft, body: note('avant') }, a.author);
    const huge = await appendEntry(a.db, { ...draft, body: note('gros') }, a.author);
    const after = await appendEntry(a.db, { ...draft, body: note('après') }, a.author);
    // As if an older version had saved an entry nested deeper than the server reads: the whole push answers 400.
    let deep: unknown = 'fond';
    for (let i = 0; i < MAX_BODY_DEPTH; i++) deep = [deep];
    await a.db.entries.update(huge.entry.id, { body: { ...note('gros'), data: deep } });
    const summary = await pushOutbox(a.db);
    expect(summary).toMatchObject({ accepted: 2, rejected: 1 });
    expect(await a.db.outbox.get(before.entry.id)).toBeUndefined();
    expect(await a.db.outbox.get(after.entry.id)).toBeUndefined();
    const mark = await a.db.outbox.get(huge.entry.id);
    expect(mark).toMatchObject({ state: 'rejected', reason: expect.stringMatching(/malformed_json: .*nested more than/) });
  });

  it("holds a person's entries when their token is refused, and names them as waiting to sign in", async () => {
    const a = await signedInTablet('demo-nurse');
    await syncOnce(a.db);
    const p = await firstMedPatient(a);
    const sessions = (await getMeta(a.db, 'sessions'))!;
    await setMeta(a.db, 'sessions', { [a.author.userId]: { ...sessions[a.author.userId]!, token: 'forged-token' } });
    await appendEntry(a.db, { docType: 'note', kind: 'create', parents: [], scope: p.scope, patientId: p.docId, body: note('x') }, a.author);
    const summary = await pushOutbox(a.db);
    expect(summary).toMatchObject({ accepted: 0, held: 1 });
    const status = await loadStoredStatus(a.db);
    expect(status.pending).toBe(1);
    expect(status.waitingForSignIn).toEqual([a.author.name]);
  });

  it("records each run's answer while the next run is sent, a refused token in between holding only that person's", async () => {
    const a = await signedInTablet('demo-nurse');
    const b = (await signedInTablet('demo-nurse2')).author;
    await syncOnce(a.db);
    const p = await firstMedPatient(a);
    const sessions = (await getMeta(a.db, 'sessions'))!;
    const mine = sessions[a.author.userId]!;
    const forged = { ...mine, token: 'forged-token', user: { ...mine.user, id: b.userId, name: b.name } };
    await setMeta(a.db, 'sessions', { ...sessions, [b.userId]: forged });
    // A, B, A, B, A: five runs of one author each.
    const written = [];
    for (const author of [a.author, b, a.author, b, a.author]) {
      written.push((await appendEntry(a.db, { docType: 'note', kind: 'create', parents: [], scope: p.scope, patientId: p.docId, body: note('run') }, author)).entry);
    }
    expect(await pushOutbox(a.db)).toMatchObject({ sent: 3, accepted: 3, held: 2 });
    for (const e of written) {
      const mark = await a.db.outbox.get(e.id);
      if (e.author.userId === a.author.userId) expect(mark).toBeUndefined();
      else expect(mark?.state).toBe('pending');
    }
  });

  it("reports the network's failure, not the tablet's, when a run is lost while the one before is being recorded", async () => {
    const a = await signedInTablet('demo-nurse');
    await syncOnce(a.db);
    const p = await firstMedPatient(a);
    const sessions = (await getMeta(a.db, 'sessions'))!;
    const mine = sessions[a.author.userId]!;
    const b = { ...a.author, userId: 'second-nurse' };
    await setMeta(a.db, 'sessions', { ...sessions, [b.userId]: { ...mine, user: { ...mine.user, id: b.userId } } });
    // A then B: two runs. A's answer is being written when B's send is lost with the network.
    const written = [];
    for (const author of [a.author, b]) {
      written.push((await appendEntry(a.db, { docType: 'note', kind: 'create', parents: [], scope: p.scope, patientId: p.docId, body: note('run') }, author)).entry);
    }
    const realFetch = globalThis.fetch;
    let pushes = 0;
    const network = vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      if (String(input).endsWith('/api/sync/push')) pushes++;
      return pushes > 1 ? Promise.reject(new TypeError('Failed to fetch')) : realFetch(input, init);
    });
    // Recording A's answer drops its marks (db/drop-marks.ts reads them by key): that write fails.
    const where = a.db.outbox.where.bind(a.db.outbox) as (index: string) => unknown;
    const disk = vi.spyOn(a.db.outbox, 'where').mockImplementation(((index: string) => {
      if (index === ':id') throw new Error('QuotaExceededError');
      return where(index);
    }) as never);
    try {
      await expect(pushOutbox(a.db)).rejects.toBeInstanceOf(OfflineError);
    } finally {
      network.mockRestore();
      disk.mockRestore();
    }
    // Nothing was lost: both entries still wait in the outbox, to be sent again.
    for (const e of written) expect((await a.db.outbox.get(e.id))?.state).toBe('pending');
  });

  it('pulls a feed of several pages, each asked for while the one before is written, every entry once', async () => {
    const nurse = await login(app, 'demo-nurse');
    const [patient] = await patientsOf(store, 'MED');
    for (let n = 0; n < 2; n++) {
      const notes = await Promise.all(Array.from({ length: 400 }, () => entryBy(nurse, { patient })));
      await push(app, nurse, notes);
    }
    const served = await pullAll(app, nurse);
    const t = await signedInTablet('demo-nurse');
    const sessions = (await getMeta(t.db, 'sessions'))!;
    const { token, user } = sessions[t.author.userId]!;
    const summary = await pullFeed(t.db, token, user);
    expect(summary.pages).toBeGreaterThan(1);
    expect(summary.added).toBe(served.length);
    expect(await t.db.entries.count()).toBe(served.length);
    const cursors = (await getMeta(t.db, 'pullCursors'))!;
    expect(Object.values(cursors)).toEqual([Math.max(...served.map((e) => e.serverSeq!))]);
  });

  it('a revoked tablet is wiped at its next sync: both databases deleted, its unsent entries counted as lost', async () => {
    const a = await signedInTablet('demo-nurse');
    await syncOnce(a.db);
    const p = await firstMedPatient(a);
    await appendEntry(a.db, { docType: 'note', kind: 'create', parents: [], scope: p.scope, patientId: p.docId, body: note('x') }, a.author);
    await revokeDevice(store.db, (await getMeta(a.db, 'deviceId'))!, new Date());
    expect(await Dexie.exists(a.db.name)).toBe(true);
    expect(await syncOnce(a.db)).toBe('failed');
    expect(await Dexie.exists(a.db.name)).toBe(false);
    expect(await Dexie.exists(KEYRING_DB_NAME)).toBe(false);
  });

  it('counts what a wipe loses: every entry the server never acknowledged', async () => {
    const a = await signedInTablet('demo-nurse');
    await syncOnce(a.db);
    const p = await firstMedPatient(a);
    await appendEntry(a.db, { docType: 'note', kind: 'create', parents: [], scope: p.scope, patientId: p.docId, body: note('y') }, a.author);
    await appendEntry(a.db, { docType: 'note', kind: 'create', parents: [], scope: p.scope, patientId: p.docId, body: note('z') }, a.author);
    expect((await wipeTablet(a.db)).lost).toBe(2);
    expect(await Dexie.exists(a.db.name)).toBe(false);
  });
});
