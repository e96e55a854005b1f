// Connections and answers (issue 10, parts 3 and 5): a stalled request is cut, an overloaded
// server says 503 with Retry-After, /api answers are never cached, source maps are not served.
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import type { BuildAppOptions } from '../../src/server/app';
import type { Store } from '../../src/server/store/open-store';
import { bearer, closeAll, login, tempDir, testApp } from './helpers';

const running: { app: FastifyInstance; store: Store }[] = [];
async function start(opts: Partial<BuildAppOptions> = {}) {
  const made = await testApp(opts);
  running.push(made);
  return made;
}
afterAll(async () => {
  for (const { app, store } of running) await closeAll(app, store);
});

/** Opens a socket, sends a login's headers and half its body, and says when the server hangs up. */
function stalledLogin(port: number, waitMs: number): Promise<{ closedAfterMs: number | null; answer: string }> {
  return new Promise((resolve) => {
    const started = Date.now();
    let answer = '';
    const socket = connect(port, '127.0.0.1', () => {
      socket.write('POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"username":');
    });
    socket.on('data', (d) => (answer += d.toString()));
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ closedAfterMs: null, answer });
    }, waitMs);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ closedAfterMs: Date.now() - started, answer });
    });
  });
}

describe('timeouts', () => {
  it('cuts a request whose body never finishes (requestTimeout), and not without the timeout', async () => {
    const { app } = await start({ connectionLimits: { requestTimeoutMs: 1_000 } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    const cut = await stalledLogin(port, 8_000);
    expect(cut.closedAfterMs).not.toBeNull();
    expect(cut.closedAfterMs!).toBeLessThan(8_000);
    expect(cut.answer).toMatch(/^HTTP\/1.1 408/);

    const { app: open } = await start({ connectionLimits: { requestTimeoutMs: 0, connectionTimeoutMs: 0 } });
    await open.listen({ port: 0, host: '127.0.0.1' });
    const stillOpen = await stalledLogin((open.server.address() as { port: number }).port, 3_000);
    expect(stillOpen.closedAfterMs).toBeNull();
  });
});

describe('under pressure', () => {
  const blockEventLoop = (ms: number) => {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      /* a stuck event loop, as a CPU-bound request would make it */
    }
  };

  it('answers 503 with Retry-After while the event loop lags, but keeps /api/health up', async () => {
    // The sampler keeps only the last interval's delay, so a request may land just after a calm
    // sample: block and ask a few times, and keep the first answer that saw the pressure.
    const scenario = async (checksOff: string[]) => {
      const { app } = await start({ connectionLimits: { maxEventLoopDelayMs: 50, retryAfterSeconds: 7 }, pressureSampleMs: 10, checksOff });
      await app.ready();
      let last = { status: 0, retryAfter: undefined as unknown, error: '', health: 0 };
      for (let attempt = 0; attempt < 8; attempt++) {
        blockEventLoop(400);
        await new Promise((r) => setTimeout(r, 12)); // one sample
        const [api, health] = await Promise.all([app.inject({ method: 'GET', url: '/api/auth/me' }), app.inject({ method: 'GET', url: '/api/health' })]);
        last = { status: api.statusCode, retryAfter: api.headers['retry-after'], error: api.json<{ error: string }>().error, health: health.statusCode };
        if (last.status === 503) break;
      }
      return last;
    };
    expect(await scenario([])).toEqual({ status: 503, retryAfter: '7', error: 'server_busy', health: 200 });
    expect((await scenario(['under-pressure'])).status).toBe(401);
  });
});

describe('what the answers say about caching and sources', () => {
  it('marks every /api answer no-store, errors included', async () => {
    const { app } = await start();
    const t = await login(app, 'demo-nurse');
    for (const [url, headers] of [['/api/health', {}], ['/api/sync/pull?after=0&limit=1', bearer(t)], ['/api/auth/me', {}], ['/api/nothing', {}]] as const) {
      const res = await app.inject({ method: 'GET', url, headers });
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('does not serve source maps in production, and does in development', async () => {
    const dist = tempDir();
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Relève</title>');
    writeFileSync(join(dist, 'assets/index-B1x_9aZq.js'), 'console.log(1)\n//# sourceMappingURL=index-B1x_9aZq.js.map');
    writeFileSync(join(dist, 'assets/index-B1x_9aZq.js.map'), '{"sources":["../src/client/main.tsx"]}');
    const { app: prod } = await start({ staticDir: dist });
    expect((await prod.inject({ method: 'GET', url: '/assets/index-B1x_9aZq.js' })).statusCode).toBe(200);
    expect((await prod.inject({ method: 'GET', url: '/assets/index-B1x_9aZq.js.map' })).statusCode).toBe(404);
    const { app: dev } = await start({ staticDir: dist, production: false });
    expect((await dev.inject({ method: 'GET', url: '/assets/index-B1x_9aZq.js.map' })).statusCode).toBe(200);
  });
});

describe('the start-up line', () => {
  it('warns that over plain HTTP only localhost works as a PWA, and wants both TLS files or neither', async () => {
    const { startupLine, tlsFromEnv } = await import('../../src/server/serve');
    expect(startupLine('http://localhost:8080', false, '/data/releve.sqlite')).toMatch(/plain HTTP: .*only from https:\/\/ or http:\/\/localhost.*RELEVE_TLS_CERT/);
    expect(startupLine('https://ward:8443', true, '/data/releve.sqlite')).toMatch(/over HTTPS \(HTTP\/1.1 and HTTP\/2, HSTS on\)/);
    expect(tlsFromEnv({})).toBeUndefined();
    expect(() => tlsFromEnv({ RELEVE_TLS_CERT: '/x.pem' })).toThrow(/both RELEVE_TLS_CERT and RELEVE_TLS_KEY/);
  });
});
