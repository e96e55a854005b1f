// Bootstrapping a real install (RELEVE_SEED=none): accounts, wards, and revoking a lost tablet.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/server/cli/run-command';
import { openStore } from '../../src/server/store/open-store';
import { bearer, pullAll, tempDir, testApp, testStore } from './helpers';

const run = promisify(execFile);

describe('the CLI commands', () => {
  it('add-user creates an account that can log in; add-unit writes a unit document; bad flags are refused', async () => {
    const store = await testStore({ empty: true });
    const env = { RELEVE_PASSWORD: 'correct horse battery' };
    await expect(runCommand(['add-unit', '--code', 'MED', '--name', 'Médecine'], { store })).rejects.toThrow(/add an admin first/);
    expect(await runCommand(['add-user', '--username', 'it-admin', '--name', 'Admin SI', '--role', 'admin', '--units', 'med,CHIR'], { store, env })).toMatch(/added it-admin/);
    await expect(runCommand(['add-user', '--username', 'it-admin', '--name', 'X', '--role', 'admin'], { store, env })).rejects.toThrow(/already exists/);
    await expect(runCommand(['add-user', '--username', 'x', '--name', 'X', '--role', 'doctor', '--units', 'MED'], { store, env })).rejects.toThrow(/--role/);
    await expect(runCommand(['add-user', '--username', 'x', '--name', 'X', '--role', 'nurse'], { store, env })).rejects.toThrow(/--units/);
    await expect(runCommand(['add-user', '--username', 'x', '--name', 'X', '--role', 'nurse', '--units', 'MED'], { store, env: { RELEVE_PASSWORD: 'short' } })).rejects.toThrow(/at least 8/);
    expect(await runCommand(['add-unit', '--code', 'MED', '--name', 'Médecine interne'], { store })).toBe('added unit MED (Médecine interne)');
    await expect(runCommand(['add-unit', '--code', 'MED', '--name', 'Encore'], { store })).rejects.toThrow(/already exists/);

    const { app } = await testApp({ store });
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'it-admin', password: 'correct horse battery', deviceId: 'pc-si' } });
    expect(res.statusCode).toBe(200);
    const session = { token: res.json().token as string, user: res.json().user, deviceId: 'pc-si', seq: 1 };
    expect(session.user).toMatchObject({ role: 'admin', units: ['CHIR', 'MED'] });
    const entries = await pullAll(app, session);
    expect(entries.map((e) => [e.docType, e.body])).toEqual([['unit', { code: 'MED', name: 'Médecine interne' }]]);

    expect(await runCommand(['revoke-device', 'pc-si'], { store })).toBe('revoked device pc-si');
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(session) })).json()).toEqual({ error: 'device_revoked' });
    await expect(runCommand(['revoke-device', 'never-seen'], { store })).rejects.toThrow(/no device/);
    await app.close();
    await store.close();
  });

  it('refuses unknown commands, unknown flags and stray arguments with the usage, and lists the commands on help', async () => {
    const store = await testStore({ empty: true });
    try {
      await expect(runCommand(['add-patient'], { store })).rejects.toThrow(/unknown command 'add-patient'[\s\S]*add-user/);
      await expect(runCommand(['add-unit', '--code', 'MED', '--nom', 'Médecine'], { store })).rejects.toThrow(/Unknown option '--nom'[\s\S]*usage: add-unit/);
      await expect(runCommand(['after-restore', 'now'], { store })).rejects.toThrow(/unexpected argument 'now'/);
      await expect(runCommand(['revoke-device', 'a', 'b'], { store })).rejects.toThrow(/unexpected argument 'b'/);
      const help = await runCommand(['help'], { store });
      for (const name of ['add-user', 'add-unit', 'revoke-device', 'after-restore']) expect(help).toContain(name);
      expect(store.sqlite.prepare('select count(*) as n from users').get()).toEqual({ n: 0 });
    } finally {
      await store.close();
    }
  });

  it('runs as `main.ts add-user` with the password from RELEVE_PASSWORD', async () => {
    const dataDir = tempDir();
    const env = { ...process.env, RELEVE_DATA_DIR: dataDir, RELEVE_PASSWORD: 'cellule-de-crise' };
    const args = ['--import', 'tsx', 'src/server/main.ts', 'add-user', '--username', 'cadre', '--name', 'Cadre de nuit', '--role', 'charge', '--units', 'URG'];
    const { stdout } = await run(process.execPath, args, { env });
    expect(stdout).toMatch(/added cadre \(charge, URG\)/);
    const bad = await run(process.execPath, ['--import', 'tsx', 'src/server/main.ts', 'add-user', '--username'], { env }).catch((e: { code: number; stderr: string }) => e);
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringMatching(/'--username <value>' argument missing/) });
    const store = await openStore({ dataDir });
    expect(store.sqlite.prepare('select username, role from users').all()).toEqual([{ username: 'cadre', role: 'charge' }]);
    await store.close();
  }, 90_000); // two Node processes compiling the server through tsx: 20 s on a loaded CI machine was not enough
});
