// Sign-in is where passwords get guessed. Two limits, both on the login route only: per source
// address (before the body is read) and per username (once it is). Past either, the answer is
// 429 with Retry-After, and every further try while limited doubles the wait
// (exponentialBackoff), so a script slows to a crawl while a nurse who mistyped twice does not
// notice. The limits live in this process's memory; a restart forgets them.
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerHookHandler, onRequestHookHandler } from 'fastify';

export interface LoginLimits {
  /** Sign-in attempts per username per window. */
  perUsername: number;
  /** Sign-in attempts per source address per window (a ward's tablets each have their own). */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perUsername: 5, perAddress: 30, windowMs: 60_000 };

export interface LoginLimiters {
  /** Refuses a request from an address that has failed too often (before the body is read). */
  onRequest: onRequestHookHandler;
  /** Refuses a request for a username that has failed too often. */
  preHandler: preHandlerHookHandler;
  /** Counts a failed sign-in against its address and its username. */
  countFailure(request: FastifyRequest): Promise<void>;
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

// Only failures count: a nurse signing in and out on a shared tablet all shift long is never
// held up, while a guesser is. An attempt refused while limited counts too, so the wait doubles
// for whoever keeps trying (exponentialBackoff).
export async function loginLimiters(api: FastifyInstance, limits: LoginLimits, onLimited: (request: FastifyRequest, key: string) => void): Promise<LoginLimiters> {
  await api.register(rateLimit, { global: false });
  const common = { timeWindow: limits.windowMs, exponentialBackoff: true };
  const byAddress = api.createRateLimit({ ...common, max: limits.perAddress, keyGenerator: (r) => `address:${r.ip}` });
  const byUsername = api.createRateLimit({
    ...common,
    max: limits.perUsername,
    keyGenerator: (r) => `username:${usernameOf(r) ?? '?'}`,
    // No username (a malformed body): the route answers 400, and the address limit still counts it.
    allowList: (r) => usernameOf(r) === null,
  });
  const refuseIfLimited = (counter: typeof byAddress) => async (request: FastifyRequest, reply: FastifyReply) => {
    const seen = await counter(request, { increment: false });
    if (seen.isAllowed || seen.remaining > 0) return;
    const counted = await counter(request); // trying while limited makes the wait longer
    const seconds = counted.isAllowed ? 1 : counted.ttlInSeconds;
    onLimited(request, seen.key);
    void reply.header('retry-after', String(seconds));
    throw new TooManyAttempts(seconds);
  };
  return {
    onRequest: refuseIfLimited(byAddress),
    preHandler: refuseIfLimited(byUsername),
    async countFailure(request) {
      await byAddress(request);
      await byUsername(request);
    },
  };
}
