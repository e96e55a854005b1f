import type { FastifyInstance } from 'fastify';
import { pullQuerySchema, type PullResponse } from '../../domain/protocol';
import { parseRequest } from '../http/parse-body';
import { replyError } from '../http/reply-error';
import { sessionOf } from '../http/session';
import { audit } from '../store/audit';
import { pullEntries } from '../sync/pull';
import type { RouteContext } from './context';

export function pullRoute(api: FastifyInstance, ctx: RouteContext): void {
  api.get('/sync/pull', async (request, reply): Promise<PullResponse | undefined> => {
    const parsed = parseRequest(pullQuerySchema, request.query, 'query');
    if (!parsed.ok) return replyError(reply, 400, 'invalid_request', parsed.details);
    const { user, deviceId } = sessionOf(request);
    const page = await pullEntries(ctx.store, user, parsed.data.after, parsed.data.limit);
    // Who read which wards: pulls that returned something (an idle tablet polls every 30 s).
    if (page.entries.length > 0) {
      const scopes = [...new Set(page.entries.map((e) => e.scope))].sort();
      await audit(ctx.store.db, { event: 'pull', userId: user.id, deviceId, address: request.ip, details: { scopes, count: page.entries.length, after: parsed.data.after } }, ctx.now());
    }
    return page;
  });
}
