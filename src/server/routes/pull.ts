import type { FastifyInstance } from 'fastify';
import { pullQuerySchema, type PullResponse } from '../../domain/protocol';
import { parseRequest } from '../http/parse-body';
import { replyError } from '../http/reply-error';
import { sessionOf } from '../http/session';
import { pullEntries } from '../sync/pull';
import type { RouteContext } from './context';

export function pullRoute(api: FastifyInstance, ctx: RouteContext): void {
  api.get('/sync/pull', async (request, reply): Promise<PullResponse | undefined> => {
    const parsed = parseRequest(pullQuerySchema, request.query, 'query');
    if (!parsed.ok) return replyError(reply, 400, 'invalid_request', parsed.details);
    return pullEntries(ctx.store, sessionOf(request).user, parsed.data.after, parsed.data.limit);
  });
}
