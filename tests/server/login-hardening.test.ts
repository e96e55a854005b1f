// Sign-in and connections (issue 10, part 3): rate limits per username and per address with a
// growing wait, failed logins logged and audited, device ids bound to their first sign-in,
// disabled accounts. Each rule is also run with its check switched off (checksOff).
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { BoundedQueue, PasswordQueueFull } from '../../src/server/auth/password-queue';
import type { BuildAppOptions } from '../../src/server/app';
import type { Store } from '../../src/server/store/open-store';
import { bearer, closeAll, login, testApp } from './helpers';

const running: { app: FastifyInstance; store: Store }[] = [];
async function start(opts: Partial<BuildAppOptions> = {}) {
  const made = await testApp(opts);
  running.push(made);
  return made;
}
afterAll(async () => {
  for (const { app, store } of running) await closeAll(app, store);
});

const tryLogin = (app: FastifyInstance, username: string, password = 'wrong', deviceId = 'tablet-x', remoteAddress = '10.0.0.1', deviceKey?: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { username, password, deviceId, ...(deviceKey ? { deviceKey } : {}) } });

describe('login rate limits', () => {
  const limits = { perUsername: 3, perAddress: 6, windowMs: 60_000 };

  it('per username: 429 with Retry-After past the limit, and the wait grows while someone keeps trying', async () => {
    const { app } = await start({ loginLimits: limits });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await tryLogin(app, 'demo-nurse', 'wrong', 'tablet-x', `10.0.1.${i}`)).statusCode);
    expect(statuses).toEqual([401, 401, 401]);
    const limited = await tryLogin(app, 'demo-nurse', 'demo', 'tablet-x', '10.0.1.9'); // even the right password now waits
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({ error: 'too_many_attempts', details: expect.stringMatching(/try again in \d+ s/) });
    const first = Number(limited.headers['retry-after']);
    expect(first).toBeGreaterThan(0);
    const again = await tryLogin(app, 'demo-nurse', 'demo', 'tablet-x', '10.0.1.10');
    expect(again.statusCode).toBe(429);
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(first);
    // Another person is not held up.
    expect((await tryLogin(app, 'demo-nurse2', 'demo', 'tablet-y', '10.0.1.11')).statusCode).toBe(200);
  });

  it('per address: one machine trying many usernames is stopped', async () => {
    const { app } = await start({ loginLimits: limits });
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await tryLogin(app, `guess-${i}`, 'x', 'tablet-x', '10.0.2.1')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429]);
    expect((await tryLogin(app, 'demo-nurse', 'demo', 'tablet-z', '10.0.2.2')).statusCode).toBe(200);
  });

  it('without the limits (switched off), guessing goes on unhindered', async () => {
    const { app } = await start({ loginLimits: limits, checksOff: ['login-limits'] });
    for (let i = 0; i < 10; i++) expect((await tryLogin(app, 'demo-nurse')).statusCode).toBe(401);
  });
});

describe('failed logins are logged and audited', () => {
  it('writes the username and address to the log and the audit table, and a success too', async () => {
    const lines: Record<string, unknown>[] = [];
    const stream = { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) };
    const { app, store } = await start({ logger: { level: 'info', stream } });
    await tryLogin(app, 'demo-nurse', 'wrong', 'tablet-log', '10.0.3.1');
    await tryLogin(app, 'nobody', 'wrong', 'tablet-log', '10.0.3.1');
    expect(lines.filter((l) => l.msg === 'login failed').map((l) => [l.username, l.address])).toEqual([
      ['demo-nurse', '10.0.3.1'],
      ['nobody', '10.0.3.1'],
    ]);
    const t = await login(app, 'demo-nurse');
    const rows = store.sqlite.prepare("select event, username, address from audit_log where event like 'login%' order by seq").all();
    expect(rows).toEqual([
      { event: 'login_failed', username: 'demo-nurse', address: '10.0.3.1' },
      { event: 'login_failed', username: 'nobody', address: '10.0.3.1' },
      { event: 'login_ok', username: 'demo-nurse', address: '127.0.0.1' },
    ]);
    // Request logs carry who made the request.
    await app.inject({ method: 'GET', url: '/api/sync/pull?after=0&limit=1', headers: bearer(t) });
    const completed = lines.filter((l) => l.msg === 'request completed');
    expect(completed.at(-1)).toMatchObject({ userId: t.user.id, deviceId: t.deviceId });
  });
});

describe('device ids are bound to their first sign-in', () => {
  const scenario = async (checksOff: string[]) => {
    const { app } = await start({ checksOff });
    const first = await tryLogin(app, 'demo-nurse', 'demo', 'ward-tablet-1');
    expect(first.statusCode).toBe(200);
    const key = first.json<{ deviceKey?: string }>().deviceKey;
    // Another machine, another account, claiming the same device id without its key.
    const thief = await tryLogin(app, 'demo-nurse2', 'demo', 'ward-tablet-1', '10.9.9.9');
    // The real tablet, shared: the next nurse signs in with the tablet's key.
    const shared = await tryLogin(app, 'demo-nurse2', 'demo', 'ward-tablet-1', '10.0.0.1', key);
    return { key, thief: thief.statusCode, thiefError: thief.json<{ error: string }>().error, shared: shared.statusCode };
  };

  it('refuses another machine that claims a known device id, and lets the tablet’s own users in', async () => {
    expect(await scenario([])).toEqual({ key: expect.any(String), thief: 403, thiefError: 'device_taken', shared: 200 });
    expect((await scenario(['device-binding'])).thief).toBe(200);
  });
});

describe('disabled accounts', () => {
  it('cannot sign in, and their tokens stop working at once', async () => {
    const { app, store } = await start();
    const t = await login(app, 'demo-nurse');
    store.sqlite.prepare("update users set disabled_at = '2026-03-02T09:00:00.000Z' where username = 'demo-nurse'").run();
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(t) })).statusCode).toBe(401);
    const res = await tryLogin(app, 'demo-nurse', 'demo', 'tablet-d');
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toBe('account_disabled');
    expect((await tryLogin(app, 'demo-nurse', 'wrong', 'tablet-d')).json().error).toBe('invalid_credentials');
  });
});

describe('the password queue', () => {
  it('runs at most `concurrency` checks at once and refuses past its bound', async () => {
    const q = new BoundedQueue(2, 3);
    let now = 0;
    let peak = 0;
    const releases: (() => void)[] = [];
    const task = () =>
      q.run(async () => {
        peak = Math.max(peak, ++now);
        await new Promise<void>((r) => releases.push(r));
        now--;
      });
    const done = [task(), task(), task(), task(), task()];
    await expect(task()).rejects.toBeInstanceOf(PasswordQueueFull);
    expect(q.waiting).toBe(3);
    while (releases.length > 0 || q.waiting > 0) {
      releases.shift()?.();
      await new Promise((r) => setTimeout(r, 1));
    }
    await Promise.all(done);
    expect(peak).toBe(2);
  });
});
