// Test helpers: a real SQLite file per test (copied from a seeded template, as seeding hashes
// five passwords), the app through inject(), and sealed entries written as a given user.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { newId, type Entry, type EntryKind, type UnsignedEntry } from '../../src/domain/entry';
import { sealEntry } from '../../src/domain/hash';
import type { LoginResponse, PullResponse, PushResponse, SessionUser } from '../../src/domain/protocol';
import { unitScope } from '../../src/domain/scope';
import { buildApp, type BuildAppOptions } from '../../src/server/app';
import { seedDemoHospital } from '../../src/server/seed/seed-demo-hospital';
import { DB_FILE_NAME, openStore, type Store } from '../../src/server/store/open-store';

export const SEED_NOW = new Date('2026-03-02T08:00:00.000Z');

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'releve-server-test-'));
}

let template: Promise<string> | undefined;

/** A seeded database file, made once per test file and closed (checkpointed) for copying. */
function seededTemplate(): Promise<string> {
  template ??= (async () => {
    const dir = tempDir();
    const store = await openStore({ dataDir: dir });
    await seedDemoHospital(store, SEED_NOW);
    await store.close();
    return join(dir, DB_FILE_NAME);
  })();
  return template;
}

/** A fresh store in its own temp dir: seeded with the demo hospital unless `empty`. */
export async function testStore(opts: { empty?: boolean } = {}): Promise<Store> {
  const dir = tempDir();
  if (!opts.empty) copyFileSync(await seededTemplate(), join(dir, DB_FILE_NAME));
  return openStore({ dataDir: dir });
}

export async function testApp(opts: { empty?: boolean } & Partial<BuildAppOptions> = {}): Promise<{ app: FastifyInstance; store: Store }> {
  const store = opts.store ?? (await testStore({ empty: opts.empty }));
  // A loaded CI machine is not an overloaded server: its event loop can lag a second between two
  // test files, and a 503 "busy" there failed tests that do not test overload. That answer has its
  // own tests (connections.test.ts), which pass their own limit.
  const connectionLimits = { maxEventLoopDelayMs: 60_000, ...opts.connectionLimits };
  const app = await buildApp({ ...opts, connectionLimits, store });
  return { app, store };
}

export async function closeAll(app: FastifyInstance, store: Store): Promise<void> {
  await app.close();
  await store.close();
}

export interface Tablet {
  token: string;
  user: SessionUser;
  deviceId: string;
  /** Next deviceSeq this tablet will use. */
  seq: number;
}

/** The key each device id got at its first sign-in, as a tablet keeps it (LoginResponse.deviceKey). */
const deviceKeys = new Map<string, string>();

export async function login(app: FastifyInstance, username: string, deviceId = `tablet-${newId()}`): Promise<Tablet> {
  const deviceKey = deviceKeys.get(deviceId);
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'demo', deviceId, ...(deviceKey ? { deviceKey } : {}) } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const body = res.json<LoginResponse>();
  if (body.deviceKey) deviceKeys.set(deviceId, body.deviceKey);
  return { token: body.token, user: body.user, deviceId, seq: 1 };
}

export const bearer = (t: Pick<Tablet, 'token'>) => ({ authorization: `Bearer ${t.token}` });

export async function pushRaw(app: FastifyInstance, t: Tablet, entries: unknown[], deviceId = t.deviceId): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/api/sync/push', headers: bearer(t), payload: { deviceId, entries } });
}

export async function push(app: FastifyInstance, t: Tablet, entries: unknown[]): Promise<PushResponse> {
  const res = await pushRaw(app, t, entries);
  if (res.statusCode !== 200) throw new Error(`push: ${res.statusCode} ${res.body}`);
  return res.json<PushResponse>();
}

export async function pull(app: FastifyInstance, t: Tablet, after = 0, limit?: number): Promise<PullResponse> {
  const q = limit === undefined ? `after=${after}` : `after=${after}&limit=${limit}`;
  const res = await app.inject({ method: 'GET', url: `/api/sync/pull?${q}`, headers: bearer(t) });
  if (res.statusCode !== 200) throw new Error(`pull: ${res.statusCode} ${res.body}`);
  return res.json<PullResponse>();
}

/** Every entry the tablet's user may read, following `more` to the end. */
export async function pullAll(app: FastifyInstance, t: Tablet): Promise<Entry[]> {
  const out: Entry[] = [];
  for (let after = 0; ; ) {
    const page = await pull(app, t, after, 1000);
    out.push(...page.entries);
    after = page.next;
    if (!page.more) return out;
  }
}

/** The seeded census of a unit, as its patients' create entries. */
export async function patientsOf(store: Store, unit: string): Promise<Entry[]> {
  const rows = await store.db
    .selectFrom('entries')
    .select('json')
    .where('doc_type', '=', 'patient')
    .where('scope', '=', unitScope(unit))
    .where('device_id', '=', 'server-seed') // the census, not the drill's temporary admission
    .orderBy('server_seq')
    .execute();
  return rows.map((r) => JSON.parse(r.json) as Entry);
}

export const NOTE = { target: 'Douleur', data: 'EVA 6/10 au flanc droit', actions: 'Paracétamol 1 g IV', results: 'EVA 3/10 à 30 min' };

/** A sealed entry written on `t` by its user. Defaults: a note create for `patient`. */
export async function entryBy(
  t: Tablet,
  fields: Partial<UnsignedEntry> & { patient?: Entry; kind?: EntryKind } = {},
): Promise<Entry> {
  const { patient, ...rest } = fields;
  const unsigned: UnsignedEntry = {
    id: newId(),
    docId: newId(),
    docType: 'note',
    kind: 'create',
    parents: [],
    scope: patient?.scope ?? unitScope(t.user.units[0] ?? 'MED'),
    body: NOTE,
    author: { userId: t.user.id, name: t.user.name, role: t.user.role },
    deviceId: t.deviceId,
    deviceSeq: t.seq++,
    createdAt: new Date().toISOString(),
    ...(patient ? { patientId: patient.docId } : {}),
    ...rest,
  };
  return sealEntry(unsigned);
}

/** The next version of a document, written on `t`. */
export function amendOf(t: Tablet, parent: Entry, body: unknown = { ...NOTE, results: 'EVA 2/10' }): Promise<Entry> {
  const fields: Partial<UnsignedEntry> = { docId: parent.docId, docType: parent.docType, kind: 'amend', parents: [parent.id], scope: parent.scope, body };
  if (parent.patientId) fields.patientId = parent.patientId;
  return entryBy(t, fields);
}

/** Re-seals an entry after a change, as a (buggy or hostile) client would. */
export function reseal(e: Entry, change: Partial<UnsignedEntry>): Promise<Entry> {
  const { hash: _h, serverSeq: _s, receivedAt: _r, ...rest } = e;
  return sealEntry({ ...rest, ...change });
}
