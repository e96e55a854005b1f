import type { FastifyInstance } from 'fastify';
import type { RefreshResponse } from '../../domain/protocol';
import { bearerToken } from '../auth/authenticate';
import { hashToken, newToken, SESSION_MAX_HOURS } from '../auth/token';
import { rotateToken } from '../store/tokens';
import { replyError } from '../http/reply-error';
import type { RouteContext } from './context';

/**
 * A tablet online refreshes its people's tokens, so a nurse who works online every day never
 * meets expiry; the old token dies at once, and no session outlives SESSION_MAX_HOURS.
 */
export function refreshRoute(api: FastifyInstance, ctx: RouteContext): void {
  api.post('/auth/refresh', async (request, reply): Promise<RefreshResponse | undefined> => {
    const old = bearerToken(request.headers.authorization);
    if (!old) return replyError(reply, 401, 'unauthorized');
    const token = newToken();
    const maxHours = Math.max(SESSION_MAX_HOURS, ctx.tokenTtlHours);
    const expiresAt = await rotateToken(ctx.store.db, { oldHash: hashToken(old), newHash: hashToken(token), now: ctx.now(), ttlHours: ctx.tokenTtlHours, maxHours });
    if (!expiresAt) return replyError(reply, 401, 'unauthorized');
    return { token, expiresAt };
  });
}
