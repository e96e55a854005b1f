// What IT runs (issue 10, part 5): backup and restore, accounts, devices, sessions, the audit
// log, and the permissions of the data directory. Commands run through runCommand, as
// `npm run releve -- <command>` does, against the store a live app is using.
import { copyFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entry } from '../../src/domain/entry';
import { runCommand } from '../../src/server/cli/run-command';
import { DB_FILE_NAME, openStore, type Store } from '../../src/server/store/open-store';
import { bearer, closeAll, entryBy, login, patientsOf, push, tempDir, testApp, type Tablet } from './helpers';

describe('IT commands', () => {
  let app: FastifyInstance;
  let store: Store;
  let nurse: Tablet;
  let med: Entry[];
  const run = (...argv: string[]) => runCommand(argv, { store, env: { RELEVE_PASSWORD: 'nouveau-mot-de-passe' } });
  const me = (t: Tablet) => app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(t) });
  const tryLogin = (username: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password, deviceId: `cli-test-${username}-${Math.random()}` } });

  beforeAll(async () => {
    ({ app, store } = await testApp());
    nurse = await login(app, 'demo-nurse');
    med = await patientsOf(store, 'MED');
  });
  afterAll(async () => closeAll(app, store));

  it('backup: a consistent copy while the server runs, which a restore plus after-restore brings back; a plain file copy misses what is in the WAL', async () => {
    const note = await entryBy(nurse, { patient: med[0] });
    expect((await push(app, nurse, [note])).results[0]!.status).toBe('accepted');
    const file = join(tempDir(), 'releve-backup.sqlite');
    expect(await run('backup', file)).toMatch(/backup written to/);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const restoredDir = tempDir();
    copyFileSync(file, join(restoredDir, DB_FILE_NAME));
    const restored = await openStore({ dataDir: restoredDir });
    try {
      expect(await runCommand(['after-restore'], { store: restored })).toMatch(/new server identity/);
      expect(restored.sqlite.prepare('select count(*) as n from entries where id = ?').get(note.id)).toEqual({ n: 1 });
      expect(restored.sqlite.prepare('select count(*) as n from entries').get()).toEqual(store.sqlite.prepare('select count(*) as n from entries').get());
      expect((restored.sqlite.prepare('select id from server_identity').get() as { id: string }).id).not.toBe(store.serverId);
    } finally {
      await restored.close();
    }

    // What `backup` is for: a plain copy of the file alone (no checkpoint) lacks the latest commits.
    const plainDir = tempDir();
    copyFileSync(store.file, join(plainDir, DB_FILE_NAME));
    const plain = await openStore({ dataDir: plainDir });
    try {
      expect(plain.sqlite.prepare('select count(*) as n from entries where id = ?').get(note.id)).toEqual({ n: 0 });
    } finally {
      await plain.close();
    }
  });

  it('user disable / enable: no sign-in and no session while disabled', async () => {
    const t = await login(app, 'demo-nurse2');
    expect(await run('user', 'disable', 'demo-nurse2')).toBe('disabled demo-nurse2');
    expect((await me(t)).statusCode).toBe(401);
    expect((await tryLogin('demo-nurse2', 'demo')).json().error).toBe('account_disabled');
    expect(await run('user', 'list')).toMatch(/demo-nurse2\t.*\tnurse\tMED\tdisabled /);
    expect(await run('user', 'enable', 'demo-nurse2')).toBe('enabled demo-nurse2');
    expect((await tryLogin('demo-nurse2', 'demo')).statusCode).toBe(200);
    await expect(run('user', 'disable', 'nobody')).rejects.toThrow(/no user nobody/);
  });

  it('user reset-password: the old password and the old sessions stop working', async () => {
    const t = await login(app, 'demo-surg');
    expect(await run('user', 'reset-password', 'demo-surg')).toMatch(/new password for demo-surg/);
    expect((await me(t)).statusCode).toBe(401);
    expect((await tryLogin('demo-surg', 'demo')).statusCode).toBe(401);
    expect((await tryLogin('demo-surg', 'nouveau-mot-de-passe')).statusCode).toBe(200);
  });

  it('user set-units: the account reads and writes the new wards at its next request', async () => {
    const t = await login(app, 'demo-charge');
    expect(await run('user', 'set-units', 'demo-charge', '--units', 'med,URG')).toBe('demo-charge now belongs to MED,URG');
    expect((await me(t)).json().user.units).toEqual(['MED', 'URG']);
    await expect(run('user', 'set-units', 'demo-charge', '--units', 'not a unit')).rejects.toThrow(/unit code/);
  });

  it('device list and token revoke --user', async () => {
    const a = await login(app, 'demo-admin', 'admin-pc-1');
    const b = await login(app, 'demo-admin', 'admin-pc-2');
    const list = await run('device', 'list');
    expect(list).toMatch(/^admin-pc-1\tdemo-admin\tdemo-admin\t\S+\t0\tactive$/m);
    expect(list).toMatch(new RegExp(`^${nurse.deviceId}\\tdemo-nurse\\tdemo-nurse\\t\\S+\\t\\d+\\tactive$`, 'm'));
    expect(await run('token', 'revoke', '--user', 'demo-admin')).toBe('revoked 2 sessions of demo-admin');
    expect((await me(a)).statusCode).toBe(401);
    expect((await me(b)).statusCode).toBe(401);
    expect((await me(nurse)).statusCode).toBe(200);
  });

  it('audit: sign-ins, failures, pulls with their wards and counts, pushes and IT changes, filtered by user; append-only', async () => {
    await tryLogin('demo-nurse', 'wrong');
    await app.inject({ method: 'GET', url: '/api/sync/pull?after=0&limit=50', headers: bearer(nurse) });
    const all = await run('audit', '--since', '2000-01-01');
    for (const event of ['login_ok', 'login_failed', 'pull', 'push', 'backup', 'user_disabled', 'user_enabled', 'password_reset', 'units_set', 'tokens_revoked']) {
      expect(all, event).toMatch(new RegExp(`\\t${event}\\t`));
    }
    expect(all).toMatch(/\tpull\tdemo-nurse\t.*"scopes":\["global"(,"unit:MED")?\],"count":50/);
    const mine = await run('audit', '--since', '2000-01-01', '--user', 'demo-surg');
    expect(mine.split('\n').every((l) => l.includes('demo-surg') || l.includes('"by":"cli"'))).toBe(true);
    expect(await run('audit', '--since', '2999-01-01')).toBe('no events');
    expect(() => store.sqlite.prepare('delete from audit_log').run()).toThrow(/append-only/);
    expect(() => store.sqlite.prepare("update audit_log set event = 'x'").run()).toThrow(/append-only/);
  });

  it('keeps the data directory 0700 and the database files 0600', async () => {
    const dir = tempDir();
    const s = await openStore({ dataDir: join(dir, 'data') });
    try {
      expect(statSync(join(dir, 'data')).mode & 0o777).toBe(0o700);
      for (const f of [s.file, `${s.file}-wal`, `${s.file}-shm`]) expect(statSync(f).mode & 0o777, f).toBe(0o600);
    } finally {
      await s.close();
    }
  });
});
