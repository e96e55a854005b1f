// A server restored from a backup has lost what it accepted after the backup. The tablets
// still hold those entries and must send them again (safety rule 1, across a restore).
import { describe, it, expect, afterEach } from 'vitest';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { freshDb } from './helpers';
import { testApp, testStore } from '../server/helpers';
import { openStore, DB_FILE_NAME, type Store } from '../../src/server/store/open-store';
import { runCommand } from '../../src/server/cli/run-command';
import { ensureDeviceId, getMeta, setMeta } from '../../src/client/db/meta';
import { setCurrentPerson } from '../../src/client/db/keyring/keyring';
import { appendEntry } from '../../src/client/db/append';
import { api, setApiBase } from '../../src/client/sync/http';
import { syncOnce } from '../../src/client/sync/loop';
import type { ReleveDb } from '../../src/client/db/schema';
import type { LoginResponse } from '../../src/domain/protocol';

let running: { app: FastifyInstance; store: Store } | null = null;

async function up(dataDir: string): Promise<void> {
  const store = await openStore({ dataDir });
  const { app } = await testApp({ store });
  setApiBase(await app.listen({ port: 0, host: '127.0.0.1' }));
  running = { app, store };
}
async function down(): Promise<void> {
  if (!running) return;
  await running.app.close();
  await running.store.close(); // checkpoints the WAL, so the file alone is a whole backup
  running = null;
}
afterEach(async () => {
  await down();
  setApiBase('');
});

/** A data directory holding the demo hospital, closed so a server can open it. */
async function seededDataDir(): Promise<string> {
  const seeded = await testStore();
  await seeded.close();
  return join(seeded.file, '..');
}

async function signIn(db: ReleveDb) {
  const deviceId = await ensureDeviceId(db);
  const res = await api<LoginResponse>('/api/auth/login', { body: { username: 'demo-nurse', password: 'demo', deviceId } });
  await setMeta(db, 'sessions', { [res.user.id]: { token: res.token, user: res.user, expiresAt: res.expiresAt } });
  await setCurrentPerson(db.keyring, res.user.id);
  return { userId: res.user.id, name: res.user.name, role: res.user.role };
}

async function writeNotes(db: ReleveDb, author: Awaited<ReturnType<typeof signIn>>, n: number): Promise<string[]> {
  const patient = (await db.docs.where('[docType+scope]').equals(['patient', 'unit:MED']).first())!;
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const body = { target: 'Surveillance', data: `Note ${i}`, actions: '', results: '' };
    const { entry } = await appendEntry(db, { docType: 'note', kind: 'create', parents: [], scope: patient.scope, patientId: patient.docId, body }, author);
    ids.push(entry.id);
  }
  return ids;
}

async function serverHas(dataDir: string, ids: string[]): Promise<number> {
  const store = await openStore({ dataDir });
  const rows = await store.db.selectFrom('entries').select('id').where('id', 'in', ids).execute();
  await store.close();
  return rows.length;
}

describe('a server restored from a backup', () => {
  it('gets back from the tablet every entry the backup predates', async () => {
    const dir = await seededDataDir();
    await up(dir);
    const tablet = freshDb();
    const author = await signIn(tablet);
    expect(await syncOnce(tablet)).toBe('done');
    await down();
    const backup = join(mkdtempSync(join(tmpdir(), 'releve-backup-')), DB_FILE_NAME);
    copyFileSync(join(dir, DB_FILE_NAME), backup);

    await up(dir);
    const written = await writeNotes(tablet, author, 3);
    expect(await syncOnce(tablet)).toBe('done');
    expect(await tablet.outbox.count()).toBe(0);
    await down();
    expect(await serverHas(dir, written)).toBe(3);

    // The ransomware night: the server comes back from the older backup.
    copyFileSync(backup, join(dir, DB_FILE_NAME));
    expect(await serverHas(dir, written)).toBe(0);
    await up(dir);
    expect(await syncOnce(tablet)).toBe('done');
    await down();
    expect(await serverHas(dir, written)).toBe(3);
    expect(await getMeta(tablet, 'serverReplacedAt')).toBeTruthy();
  });

  it('after-restore gives the database a new identity; tablets re-send and the server answers duplicate', async () => {
    const dir = await seededDataDir();
    await up(dir);
    const tablet = freshDb();
    const author = await signIn(tablet);
    await syncOnce(tablet);
    const written = await writeNotes(tablet, author, 2);
    await syncOnce(tablet);
    const before = await getMeta(tablet, 'serverId');
    await down();

    const store = await openStore({ dataDir: dir });
    await runCommand(['after-restore'], { store });
    await store.close();
    await up(dir);
    expect(await syncOnce(tablet)).toBe('done');
    expect(await getMeta(tablet, 'serverId')).not.toBe(before);
    expect(await tablet.outbox.count()).toBe(0);
    await down();
    expect(await serverHas(dir, written)).toBe(2);
  });

  it('a first contact with a server queues nothing again', async () => {
    const dir = await seededDataDir();
    await up(dir);
    const tablet = freshDb();
    await signIn(tablet);
    await syncOnce(tablet);
    expect(await getMeta(tablet, 'serverReplacedAt')).toBeUndefined();
  });
});
