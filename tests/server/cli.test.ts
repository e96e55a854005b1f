// Bootstrapping a real install (RELEVE_SEED=none): accounts, wards, and revoking a lost tablet.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { parseArgs } from '../../src/server/cli/args';
import { addUnitCommand } from '../../src/server/cli/add-unit';
import { addUserCommand } from '../../src/server/cli/add-user';
import { revokeDeviceCommand } from '../../src/server/cli/revoke-device';
import { openStore } from '../../src/server/store/open-store';
import { bearer, pullAll, tempDir, testStore } from './helpers';

const run = promisify(execFile);

describe('the CLI commands', () => {
  it('add-user creates an account that can log in; add-unit writes a unit document; bad flags are refused', async () => {
    const store = await testStore({ empty: true });
    const env = { RELEVE_PASSWORD: 'correct horse battery' };
    await expect(addUnitCommand(store, parseArgs(['--code', 'MED', '--name', 'Médecine']))).rejects.toThrow(/add an admin first/);
    expect(await addUserCommand(store, parseArgs(['--username', 'it-admin', '--name', 'Admin SI', '--role', 'admin', '--units', 'med,CHIR']), env)).toMatch(/added it-admin/);
    await expect(addUserCommand(store, parseArgs(['--username', 'it-admin', '--name', 'X', '--role', 'admin']), env)).rejects.toThrow(/already exists/);
    await expect(addUserCommand(store, parseArgs(['--username', 'x', '--name', 'X', '--role', 'doctor', '--units', 'MED']), env)).rejects.toThrow(/--role/);
    await expect(addUserCommand(store, parseArgs(['--username', 'x', '--name', 'X', '--role', 'nurse']), env)).rejects.toThrow(/--units/);
    await expect(addUserCommand(store, parseArgs(['--username', 'x', '--name', 'X', '--role', 'nurse', '--units', 'MED']), { RELEVE_PASSWORD: 'short' })).rejects.toThrow(/at least 8/);
    expect(await addUnitCommand(store, parseArgs(['--code', 'MED', '--name', 'Médecine interne']))).toBe('added unit MED (Médecine interne)');
    await expect(addUnitCommand(store, parseArgs(['--code', 'MED', '--name', 'Encore']))).rejects.toThrow(/already exists/);

    const app = await buildApp({ store });
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'it-admin', password: 'correct horse battery', deviceId: 'pc-si' } });
    expect(res.statusCode).toBe(200);
    const session = { token: res.json().token as string, user: res.json().user, deviceId: 'pc-si', seq: 1 };
    expect(session.user).toMatchObject({ role: 'admin', units: ['CHIR', 'MED'] });
    const entries = await pullAll(app, session);
    expect(entries.map((e) => [e.docType, e.body])).toEqual([['unit', { code: 'MED', name: 'Médecine interne' }]]);

    expect(await revokeDeviceCommand(store, parseArgs(['pc-si']))).toBe('revoked device pc-si');
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(session) })).json()).toEqual({ error: 'device_revoked' });
    await expect(revokeDeviceCommand(store, parseArgs(['never-seen']))).rejects.toThrow(/no device/);
    await app.close();
    await store.close();
  });

  it('runs as `main.ts add-user` with the password from RELEVE_PASSWORD', async () => {
    const dataDir = tempDir();
    const env = { ...process.env, RELEVE_DATA_DIR: dataDir, RELEVE_PASSWORD: 'cellule-de-crise' };
    const args = ['--import', 'tsx', 'src/server/main.ts', 'add-user', '--username', 'cadre', '--name', 'Cadre de nuit', '--role', 'charge', '--units', 'URG'];
    const { stdout } = await run(process.execPath, args, { env });
    expect(stdout).toMatch(/added cadre \(charge, URG\)/);
    const bad = await run(process.execPath, ['--import', 'tsx', 'src/server/main.ts', 'add-user', '--username'], { env }).catch((e: { code: number; stderr: string }) => e);
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringMatching(/--username needs a value/) });
    const store = await openStore({ dataDir });
    expect(store.sqlite.prepare('select username, role from users').all()).toEqual([{ username: 'cadre', role: 'charge' }]);
    await store.close();
  });
});
