// An admin decides on an account enrolled offline: links it to a real account (or creates one)
// or refuses it, on the admin screen's API or at the CLI. Nothing she wrote is lost or
// re-attributed; every decision is audited. Real SQLite file, real routes.
import { describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/entry';
import { provisionalAuthor, type ProvisionalAccountView, type ProvisionalListAnswer } from '../../src/domain/provisional';
import { runCommand } from '../../src/server/cli/run-command';
import { setDisabled } from '../../src/server/store/accounts';
import { readAudit } from '../../src/server/store/audit';
import { bearer, entryBy, patientsOf, pullAll, push, type Tablet } from './helpers';
import { decide, provisionalWorlds, type World } from './provisional-world';

const world = provisionalWorlds();
const list = async (w: World, t: Tablet) => w.app.inject({ method: 'GET', url: '/api/admin/provisional', headers: bearer(t) });

describe('the admin screen’s API', () => {
  it('lists pending accounts with who enrolled them and how many entries they wrote; admin only', async () => {
    const w = await world();
    const res = await list(w, w.admin);
    expect(res.statusCode).toBe(200);
    expect(res.json<ProvisionalListAnswer>().accounts).toMatchObject([
      { id: w.enrol.body.accountId, name: 'Marie Relief', role: 'nurse', unit: 'MED', enrolledBy: w.charge.user.name, status: 'pending', entries: 1, deviceId: w.charge.deviceId },
    ]);
    // What she may be linked to: the enabled accounts, with their wards; a disabled one is not offered.
    expect(res.json<ProvisionalListAnswer>().linkable).toContainEqual({ username: 'demo-nurse', name: w.nurse.user.name, role: 'nurse', units: w.nurse.user.units });
    expect(res.json<ProvisionalListAnswer>().linkable.map((a) => a.username)).toContain('demo-nurse2');
    await setDisabled(w.store.db, 'demo-nurse2', true, new Date());
    expect((await list(w, w.admin)).json<ProvisionalListAnswer>().linkable.map((a) => a.username)).not.toContain('demo-nurse2');
    expect((await list(w, w.charge)).statusCode).toBe(403);
    expect((await decide(w, w.charge, { action: 'refuse', reason: 'x' })).statusCode).toBe(403);
  });

  it('links to an existing account: her entries keep both names, later ones are no longer flagged, and it is audited', async () => {
    const w = await world();
    const res = await decide(w, w.admin, { action: 'link', username: 'demo-nurse2' });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ account: ProvisionalAccountView }>().account).toMatchObject({ status: 'linked', linkedTo: 'demo-nurse2', decidedBy: w.admin.user.name });
    const later = await entryBy(w.charge, { patient: (await patientsOf(w.store, 'MED'))[1], author: provisionalAuthor(w.enrol) });
    const after = (await push(w.app, w.charge, [later])).results[0];
    expect(after).toMatchObject({ status: 'accepted' });
    expect(after?.flags).toBeUndefined();
    const seen = (await pullAll(w.app, w.nurse)).filter((e) => e.author.userId === w.enrol.body.accountId);
    expect(seen.map((e) => e.author)).toEqual([provisionalAuthor(w.enrol), provisionalAuthor(w.enrol)]);
    expect((await readAudit(w.store.db, new Date(0))).filter((a) => a.event === 'provisional_linked')).toMatchObject([
      { userId: w.admin.user.id, username: 'demo-admin', details: { accountId: w.enrol.body.accountId, enrolledBy: w.charge.user.name } },
    ]);
  });

  it('creates her account with her enrolled name, role and ward, and she signs in with it', async () => {
    const w = await world();
    const res = await decide(w, w.admin, { action: 'create', username: 'm.relief', password: 'motdepasse-1' });
    expect(res.json<{ account: ProvisionalAccountView }>().account).toMatchObject({ status: 'linked', linkedTo: 'm.relief' });
    const signIn = await w.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'm.relief', password: 'motdepasse-1', deviceId: `tablet-${newId()}` } });
    expect(signIn.json<{ user: unknown }>().user).toMatchObject({ name: 'Marie Relief', role: 'nurse', units: ['MED'] });
  });

  it('refuses: nothing she wrote is lost, later entries are still taken (flagged), and it is audited', async () => {
    const w = await world();
    expect((await decide(w, w.admin, { action: 'refuse', reason: 'Inconnue du service' })).json<{ account: ProvisionalAccountView }>().account).toMatchObject({ status: 'refused', reason: 'Inconnue du service' });
    const later = await entryBy(w.charge, { patient: (await patientsOf(w.store, 'MED'))[1], author: provisionalAuthor(w.enrol) });
    expect((await push(w.app, w.charge, [later])).results[0]).toMatchObject({ status: 'accepted', flags: ['author_provisional'] });
    expect((await pullAll(w.app, w.nurse)).filter((e) => e.author.userId === w.enrol.body.accountId)).toHaveLength(2);
    expect((await readAudit(w.store.db, new Date(0))).map((a) => a.event)).toContain('provisional_refused');
  });

  it('bad paths: a disabled account, an unknown id, a second decision, a taken username, a bad body', async () => {
    const w = await world();
    await setDisabled(w.store.db, 'demo-nurse2', true, new Date());
    expect(await decide(w, w.admin, { action: 'link', username: 'demo-nurse2' })).toMatchObject({ statusCode: 400, body: expect.stringMatching(/demo-nurse2 is disabled/) as string });
    expect(await decide(w, w.admin, { action: 'link', username: 'nobody' })).toMatchObject({ statusCode: 400, body: expect.stringMatching(/no user nobody/) as string });
    expect((await decide(w, w.admin, { action: 'refuse', reason: 'x' }, newId())).statusCode).toBe(404);
    const taken = await decide(w, w.admin, { action: 'create', username: 'demo-nurse', password: 'motdepasse-1' });
    expect(taken.statusCode).toBe(409);
    // The admin screen says which 409 it was from the problem's code.
    expect(taken.json<{ details: unknown }>().details).toMatchObject({ problem: 'username_taken' });
    expect((await decide(w, w.admin, { action: 'refuse', reason: '' })).statusCode).toBe(400);
    expect((await decide(w, w.admin, { action: 'promote' })).statusCode).toBe(400);
    // Nothing above changed her: still pending, and a first decision still works once.
    expect((await decide(w, w.admin, { action: 'link', username: 'demo-nurse' })).statusCode).toBe(200);
    const late = await decide(w, w.admin, { action: 'refuse', reason: 'trop tard' });
    expect(late).toMatchObject({ statusCode: 409, body: expect.stringMatching(/already linked/) as string });
    expect(late.json<{ details: unknown }>().details).toMatchObject({ problem: 'already_decided' });
  });
});

describe('npm run releve -- user provisional', () => {
  it('lists, links, refuses, and refuses a link to a disabled account', async () => {
    const w = await world();
    const run = (...argv: string[]) => runCommand(['user', 'provisional', ...argv], { store: w.store, env: { RELEVE_PASSWORD: 'motdepasse-1' } });
    const id = w.enrol.body.accountId;
    expect(await run('list')).toMatch(new RegExp(`${id}\\tmarie.relief\\tMarie Relief\\tnurse\\tMED\\tenrolled by ${w.charge.user.name} .*\\t1 entries\\tpending`));
    await setDisabled(w.store.db, 'demo-nurse2', true, new Date());
    await expect(run('link', id, 'demo-nurse2')).rejects.toThrow(/is disabled/);
    await expect(run('link', newId(), 'demo-nurse')).rejects.toThrow(/no provisional account/);
    await expect(run('refuse', id)).rejects.toThrow(/--reason is required/);
    expect(await run('link', id, '--create', 'marie.r')).toMatch(/created marie.r and linked Marie Relief \(1 entries\)/);
    expect(await run('list')).toMatch(/linked to marie.r/);
    expect((await readAudit(w.store.db, new Date(0))).filter((a) => a.event === 'provisional_linked')).toMatchObject([{ username: 'cli' }]);
  });
});
