import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/server/auth/token';
import { revokeDevice } from '../../src/server/store/devices';
import type { Store } from '../../src/server/store/open-store';
import { bearer, closeAll, login, NOTE, patientsOf, pushRaw, entryBy, testApp, testStore } from './helpers';

const loginAs = (app: FastifyInstance, payload: unknown) => app.inject({ method: 'POST', url: '/api/auth/login', payload: payload as object });
const me = (app: FastifyInstance, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url: '/api/auth/me', headers });

describe('login and tokens', () => {
  let app: FastifyInstance;
  let store: Store;
  beforeAll(async () => ({ app, store } = await testApp()));
  afterAll(async () => closeAll(app, store));

  it('answers /api/health without a token', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      ok: true,
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      serverId: store.serverId,
      feedHead: expect.any(Number),
      serverTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(res.json().feedHead).toBeGreaterThan(0); // the seed is in the feed
  });

  it('logs in with username, password and deviceId, and answers token, user and expiry', async () => {
    const res = await loginAs(app, { username: 'demo-nurse', password: 'demo', deviceId: 'tablet-med-1' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.user).toEqual({ id: expect.any(String), name: 'Camille Martin', role: 'nurse', units: ['MED'] });
    const ttl = Date.parse(body.expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(167 * 3_600_000);
    expect(ttl).toBeLessThanOrEqual(168 * 3_600_000);
  });

  it('stores only the SHA-256 of a token, and the password only as a salted scrypt hash', async () => {
    const t = await login(app, 'demo-nurse');
    const rows = store.sqlite.prepare('select token_hash from tokens').all() as { token_hash: string }[];
    expect(rows.map((r) => r.token_hash)).toContain(hashToken(t.token));
    expect(rows.map((r) => r.token_hash)).not.toContain(t.token);
    const hashes = store.sqlite.prepare('select password_hash from users').all() as { password_hash: string }[];
    expect(hashes.every((h) => h.password_hash.startsWith('scrypt$'))).toBe(true);
    expect(new Set(hashes.map((h) => h.password_hash)).size).toBe(hashes.length); // per-user salt
  });

  it('refuses a wrong password and an unknown user alike, with 401 invalid_credentials', async () => {
    for (const payload of [
      { username: 'demo-nurse', password: 'wrong', deviceId: 'd' },
      { username: 'nobody', password: 'demo', deviceId: 'd' },
    ]) {
      const res = await loginAs(app, payload);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: 'invalid_credentials' });
    }
  });

  it('refuses a malformed login with 400 invalid_request naming the field', async () => {
    const res = await loginAs(app, { username: 'demo-nurse', password: 'demo' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid_request', details: expect.stringContaining('deviceId') });
    const extra = await loginAs(app, { username: 'demo-nurse', password: 'demo', deviceId: 'd', admin: true });
    expect(extra.statusCode).toBe(400);
  });

  it('answers /api/auth/me with the token user and device', async () => {
    const t = await login(app, 'demo-charge', 'pc-cadre');
    const res = await me(app, bearer(t));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ user: t.user, deviceId: 'pc-cadre' });
  });

  it('refuses a missing, malformed or unknown token with 401 unauthorized on every guarded route', async () => {
    const headers = [{}, { authorization: 'Basic abc' }, { authorization: 'Bearer' }, { authorization: 'Bearer ' + 'x'.repeat(43) }];
    for (const h of headers) {
      for (const req of [
        { method: 'GET' as const, url: '/api/auth/me' },
        { method: 'GET' as const, url: '/api/sync/pull' },
        { method: 'POST' as const, url: '/api/sync/push', payload: { deviceId: 'd', entries: [] } },
      ]) {
        const res = await app.inject({ ...req, headers: h });
        expect(res.statusCode).toBe(401);
        expect(res.json()).toEqual({ error: 'unauthorized' });
      }
    }
  });

  it('ends a session at logout: the token stops working, other tokens do not', async () => {
    const t = await login(app, 'demo-nurse', 'tablet-logout');
    const other = await login(app, 'demo-nurse', 'tablet-logout');
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(t) });
    expect(out.json()).toEqual({ ok: true });
    expect((await me(app, bearer(t))).statusCode).toBe(401);
    expect((await me(app, bearer(other))).statusCode).toBe(200);
  });

  it('refuses a token once it has expired', async () => {
    let now = new Date();
    const { app: timed } = await testApp({ store, now: () => now, tokenTtlHours: 1 });
    const t = await login(timed, 'demo-nurse');
    expect((await me(timed, bearer(t))).statusCode).toBe(200);
    now = new Date(now.getTime() + 3_600_000 + 1);
    const res = await me(timed, bearer(t));
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: 'unauthorized' });
    await timed.close();
  });

  it('refuses a push whose deviceId is not the device the token was issued to', async () => {
    const t = await login(app, 'demo-nurse', 'tablet-a');
    const res = await pushRaw(app, t, [], 'tablet-b');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid_request', details: expect.stringContaining('tablet-b') });
  });
});

describe('a revoked device', () => {
  it('gets 401 device_revoked on every guarded route and at login, and its pushes store nothing', async () => {
    const { app, store } = await testApp({ store: await testStore() });
    const t = await login(app, 'demo-nurse', 'stolen-tablet');
    const [patient] = await patientsOf(store, 'MED');
    const note = await entryBy(t, { patient, body: NOTE });
    expect(await revokeDevice(store.db, 'stolen-tablet', new Date())).toBe(true);

    expect((await me(app, bearer(t))).json()).toEqual({ error: 'device_revoked' });
    const pushed = await pushRaw(app, t, [note]);
    expect(pushed.statusCode).toBe(401);
    expect(pushed.json()).toEqual({ error: 'device_revoked' });
    expect(store.sqlite.prepare('select count(*) as n from entries where id = ?').get(note.id)).toEqual({ n: 0 });
    const pulled = await app.inject({ method: 'GET', url: '/api/sync/pull', headers: bearer(t) });
    expect(pulled.statusCode).toBe(401);

    const again = await loginAs(app, { username: 'demo-nurse', password: 'demo', deviceId: 'stolen-tablet' });
    expect(again.statusCode).toBe(401);
    expect(again.json()).toEqual({ error: 'device_revoked' });
    // Other tablets of the same nurse keep working.
    const other = await login(app, 'demo-nurse', 'ward-tablet');
    expect((await me(app, bearer(other))).statusCode).toBe(200);
    await closeAll(app, store);
  });
});
