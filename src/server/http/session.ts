// Puts the bearer check in front of a group of routes and hands the session to the handlers.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticate, type Session } from '../auth/authenticate';
import type { Store } from '../store/open-store';
import { replyError } from './reply-error';

declare module 'fastify' {
  interface FastifyRequest {
    session: Session | null;
  }
}

export function requireSession(scope: FastifyInstance, store: Store, now: () => Date): void {
  if (!scope.hasRequestDecorator('session')) scope.decorateRequest('session', null);
  // onRequest runs before the body is parsed: a stranger cannot make us parse 8 MB.
  scope.addHook('onRequest', async (request, reply) => {
    const outcome = await authenticate(store, request.headers.authorization, now());
    if (!outcome.ok) return replyError(reply, 401, outcome.error);
    request.session = outcome.session;
    // Every later log line of this request names who made it.
    request.log = request.log.child({ userId: outcome.session.user.id, deviceId: outcome.session.deviceId });
    reply.log = request.log;
  });
}

/** The session of a route behind requireSession; throws if the hook was forgotten. */
export function sessionOf(request: FastifyRequest): Session {
  if (!request.session) throw new Error('route is not behind requireSession');
  return request.session;
}
