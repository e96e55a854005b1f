// Shared tablets (issue 9), the server's half: the device-wrapping secret handed to every
// online sign-in on a bound tablet (never to a revoked one), and token refresh with a bounded
// session life.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_MAX_HOURS } from '../../src/server/auth/token';
import { revokeDevice } from '../../src/server/store/devices';
import type { Store } from '../../src/server/store/open-store';
import { bearer, closeAll, testApp } from './helpers';

let clock = new Date('2026-03-02T08:00:00.000Z');
const loginAs = (app: FastifyInstance, username: string, deviceId: string, deviceKey?: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'demo', deviceId, ...(deviceKey ? { deviceKey } : {}) } });
const refresh = (app: FastifyInstance, token: string) => app.inject({ method: 'POST', url: '/api/auth/refresh', headers: bearer({ token }) });
const me = (app: FastifyInstance, token: string) => app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer({ token }) });

describe('the device-wrapping secret', () => {
  let app: FastifyInstance;
  let store: Store;
  beforeAll(async () => ({ app, store } = await testApp({ now: () => clock })));
  afterAll(async () => closeAll(app, store));

  it('is the same for every person signing in on one tablet, different on another, and gone once revoked', async () => {
    const a = (await loginAs(app, 'demo-nurse', 'tab-1')).json();
    expect(a.deviceSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const b = (await loginAs(app, 'demo-nurse2', 'tab-1', a.deviceKey)).json();
    expect(b.deviceSecret).toBe(a.deviceSecret);
    const other = (await loginAs(app, 'demo-nurse', 'tab-2')).json();
    expect(other.deviceSecret).not.toBe(a.deviceSecret);

    // Another machine claiming tab-1's id without its device key gets nothing.
    const thief = await loginAs(app, 'demo-nurse', 'tab-1');
    expect(thief.statusCode).toBe(403);
    expect(thief.json().deviceSecret).toBeUndefined();

    await revokeDevice(store.db, 'tab-1', clock);
    const revoked = await loginAs(app, 'demo-nurse', 'tab-1', a.deviceKey);
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json()).toMatchObject({ error: 'device_revoked' });
    expect(revoked.json().deviceSecret).toBeUndefined();
    const row = store.sqlite.prepare('select wrap_secret from devices where id = ?').get('tab-1') as { wrap_secret: string | null };
    expect(row.wrap_secret).toBeNull();
  });
});

describe('token refresh', () => {
  let app: FastifyInstance;
  let store: Store;
  beforeAll(async () => ({ app, store } = await testApp({ now: () => clock })));
  afterAll(async () => closeAll(app, store));

  it('replaces the token with one that lives a full term more; the old one stops working', async () => {
    clock = new Date('2026-03-02T08:00:00.000Z');
    const first = (await loginAs(app, 'demo-nurse', 'tab-r1')).json();
    clock = new Date('2026-03-05T08:00:00.000Z');
    const res = await refresh(app, first.token);
    expect(res.statusCode).toBe(200);
    const { token, expiresAt } = res.json();
    expect(token).not.toBe(first.token);
    expect(expiresAt).toBe('2026-03-12T08:00:00.000Z'); // three days later, plus the 168 h term
    expect((await me(app, first.token)).statusCode).toBe(401);
    expect((await me(app, token)).statusCode).toBe(200);
  });

  it('never carries a session past its bounded life, however often it is refreshed', async () => {
    clock = new Date('2026-04-01T00:00:00.000Z');
    let { token } = (await loginAs(app, 'demo-nurse2', 'tab-r2')).json();
    const end = clock.getTime() + SESSION_MAX_HOURS * 3_600_000;
    let expiresAt = '';
    for (let day = 1; day <= 40; day++) {
      clock = new Date(Date.parse('2026-04-01T00:00:00.000Z') + day * 24 * 3_600_000);
      const res = await refresh(app, token);
      if (res.statusCode !== 200) break;
      ({ token, expiresAt } = res.json());
      expect(Date.parse(expiresAt)).toBeLessThanOrEqual(end);
    }
    expect(expiresAt).toBe(new Date(end).toISOString());
    clock = new Date(end + 1000);
    expect((await refresh(app, token)).statusCode).toBe(401);
  });

  it('refuses a refresh without a valid token', async () => {
    expect((await refresh(app, 'x'.repeat(43))).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/auth/refresh' })).statusCode).toBe(401);
  });
});
