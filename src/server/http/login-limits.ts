// Sign-in is where passwords get guessed. Two limits, both on the login route only: per source
// address (before the body is read) and per username (once it is). Past either, the answer is
// 429 with Retry-After, and every further try while limited doubles the wait
// (exponentialBackoff), so a script slows to a crawl while a nurse who mistyped twice does not
// notice. The limits live in this process's memory; a restart forgets them.
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, preHandlerHookHandler, onRequestHookHandler } from 'fastify';

export interface LoginLimits {
  /** Sign-in attempts per username per window. */
  perUsername: number;
  /** Sign-in attempts per source address per window (a ward's tablets each have their own). */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perUsername: 5, perAddress: 30, windowMs: 60_000 };

export interface LoginLimiters {
  onRequest: onRequestHookHandler;
  preHandler: preHandlerHookHandler;
}

function usernameOf(request: FastifyRequest): string | null {
  const u = (request.body as { username?: unknown } | null | undefined)?.username;
  return typeof u === 'string' && u.length > 0 && u.length <= 100 ? u.trim().toLowerCase() : null;
}

class TooManyAttempts extends Error {
  readonly statusCode = 429;
  readonly code = 'RELEVE_TOO_MANY_ATTEMPTS';
  constructor(seconds: number) {
    super(`too many sign-in attempts: try again in ${seconds} s`);
  }
}

export async function loginLimiters(api: FastifyInstance, limits: LoginLimits, onLimited: (request: FastifyRequest, key: string) => void): Promise<LoginLimiters> {
  await api.register(rateLimit, { global: false });
  const common = { timeWindow: limits.windowMs, exponentialBackoff: true };
  // The address limit runs as the plugin's own hook, before the body is read.
  const onRequest = api.rateLimit({
    ...common,
    max: limits.perAddress,
    keyGenerator: (r) => `address:${r.ip}`,
    onExceeded: onLimited,
    errorResponseBuilder: (_req, ctx) => new TooManyAttempts(Math.ceil(ctx.ttl / 1000)),
  });
  // The plugin runs one of its own hooks per request, so the username limit asks its counter
  // directly (createRateLimit) once the body is parsed, and answers the same way.
  const byUsername = api.createRateLimit({
    ...common,
    max: limits.perUsername,
    keyGenerator: (r) => `username:${usernameOf(r) ?? '?'}`,
    // No username (a malformed body): the route answers 400, and the address limit still counts it.
    allowList: (r) => usernameOf(r) === null,
  });
  const preHandler: preHandlerHookHandler = async (request, reply) => {
    const verdict = await byUsername(request);
    if (verdict.isAllowed || !verdict.isExceeded) return;
    onLimited(request, verdict.key);
    void reply.header('retry-after', String(verdict.ttlInSeconds));
    throw new TooManyAttempts(verdict.ttlInSeconds);
  };
  return { onRequest, preHandler };
}
