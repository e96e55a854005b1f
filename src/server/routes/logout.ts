import type { FastifyInstance } from 'fastify';
import { bearerToken } from '../auth/authenticate';
import { hashToken } from '../auth/token';
import { deleteToken } from '../store/tokens';
import type { RouteContext } from './context';

/** Ends this token's session. The client must push its outbox first: entries are signed by the user. */
export function logoutRoute(api: FastifyInstance, ctx: RouteContext): void {
  api.post('/auth/logout', async (request): Promise<{ ok: true }> => {
    const token = bearerToken(request.headers.authorization);
    if (token) await deleteToken(ctx.store.db, hashToken(token));
    return { ok: true };
  });
}
