// How long a connection may take, and what the server says when it is overloaded.
// - requestTimeout: a request whose headers and body are not all in after this is cut (an
//   unfinished login body once stayed open for seven minutes);
// - connectionTimeout: an idle socket is closed;
// - under pressure (event loop lagging), the API answers 503 with Retry-After at once, rather
//   than queueing work it cannot finish in time. The app shell and /api/health stay served.
import underPressure from '@fastify/under-pressure';
import { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { ErrorResponse } from '../../domain/protocol';

export interface ConnectionLimits {
  requestTimeoutMs: number;
  connectionTimeoutMs: number;
  /** Event-loop delay beyond which the API answers 503. */
  maxEventLoopDelayMs: number;
  retryAfterSeconds: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  requestTimeoutMs: 60_000,
  connectionTimeoutMs: 120_000,
  maxEventLoopDelayMs: 1_000,
  retryAfterSeconds: 10,
};

export async function useUnderPressure(app: FastifyInstance, limits: ConnectionLimits, sampleIntervalMs?: number): Promise<void> {
  await app.register(underPressure, {
    maxEventLoopDelay: limits.maxEventLoopDelayMs,
    retryAfter: limits.retryAfterSeconds,
    ...(sampleIntervalMs !== undefined ? { sampleInterval: sampleIntervalMs } : {}),
    exposeStatusRoute: false,
    pressureHandler: (request, reply, type, value) => {
      const path = request.url.split('?')[0] ?? '';
      // Health must keep answering (tablets use it to tell "busy" from "offline"), and static files are cheap.
      if (!path.startsWith('/api/') || path === '/api/health') return;
      request.log.warn({ type, value }, 'under pressure: 503');
      void reply.code(503).header('retry-after', String(limits.retryAfterSeconds)).type('application/json; charset=utf-8');
      // Returning a body makes under-pressure send it and stop there.
      const body: ErrorResponse = { error: 'server_busy', details: `the server is overloaded: try again in ${limits.retryAfterSeconds} s` };
      return body as unknown as void;
    },
  });
}

/**
 * Node's own requestTimeout does not cut a request whose headers arrived but whose body stalls
 * (checked on Node 20), which is exactly the slow sign-in body that once stayed open for seven
 * minutes. So each request gets a deadline of its own: if its body is not all in by then, the
 * connection is answered 408 and closed.
 */
export function useBodyDeadline(app: FastifyInstance, ms: number): void {
  if (ms <= 0) return;
  app.addHook('onRequest', async (request) => {
    const raw = request.raw;
    if (raw.complete) return;
    const timer = setTimeout(() => {
      if (raw.complete) return;
      request.log.warn({ address: request.ip, url: request.url }, `request body not received within ${ms} ms: closing`);
      // An injected request (tests, light-my-request) has a stand-in socket that cannot be written to.
      const socket: unknown = raw.socket;
      if (raw.httpVersionMajor === 1 && socket instanceof Socket && !socket.destroyed) {
        socket.end('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        setTimeout(() => socket.destroy(), 1_000).unref();
      } else {
        raw.destroy();
      }
    }, ms);
    timer.unref();
    raw.once('end', () => clearTimeout(timer));
    raw.once('close', () => clearTimeout(timer));
  });
}
