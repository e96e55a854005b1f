import type { FastifyInstance } from 'fastify';
import { loginRequestSchema, type LoginResponse } from '../../domain/protocol';
import { logIn } from '../auth/login';
import { parseRequest } from '../http/parse-body';
import { replyError } from '../http/reply-error';
import type { RouteContext } from './context';

export function loginRoute(api: FastifyInstance, ctx: RouteContext): void {
  api.post('/auth/login', async (request, reply): Promise<LoginResponse | undefined> => {
    const parsed = parseRequest(loginRequestSchema, request.body, 'body');
    if (!parsed.ok) return replyError(reply, 400, 'invalid_request', parsed.details);
    const outcome = await logIn(ctx.store, parsed.data, { now: ctx.now(), tokenTtlHours: ctx.tokenTtlHours });
    if (!outcome.ok) return replyError(reply, 401, outcome.error);
    return outcome.response;
  });
}
