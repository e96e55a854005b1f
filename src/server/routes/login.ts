import type { FastifyInstance } from 'fastify';
import { loginRequestSchema, type LoginResponse } from '../../domain/protocol';
import { logIn } from '../auth/login';
import { loginLimiters } from '../http/login-limits';
import { parseRequest } from '../http/parse-body';
import { replyError } from '../http/reply-error';
import { audit } from '../store/audit';
import type { RouteContext } from './context';

export async function loginRoute(api: FastifyInstance, ctx: RouteContext): Promise<void> {
  const limiters = await loginLimiters(api, ctx.loginLimits, (request, key) => {
    const username = (request.body as { username?: unknown } | undefined)?.username;
    request.log.warn({ key, address: request.ip }, 'login rate limit reached');
    void audit(ctx.store.db, { event: 'login_throttled', username: typeof username === 'string' ? username : null, address: request.ip, details: { key } }, ctx.now()).catch(
      (err: unknown) => request.log.error({ err }, 'audit write failed'),
    );
  });
  const limitsOn = !ctx.checks.off?.has('login-limits');
  const hooks = limitsOn ? { onRequest: limiters.onRequest, preHandler: limiters.preHandler } : {};
  api.post('/auth/login', hooks, async (request, reply): Promise<LoginResponse | undefined> => {
    const parsed = parseRequest(loginRequestSchema, request.body, 'body');
    if (!parsed.ok) return replyError(reply, 400, 'invalid_request', parsed.details);
    const { username, deviceId } = parsed.data;
    const outcome = await logIn(ctx.store, parsed.data, { now: ctx.now(), tokenTtlHours: ctx.tokenTtlHours, bindDevices: !ctx.checks.off?.has('device-binding') });
    if (!outcome.ok) {
      if (limitsOn) await limiters.countFailure(request);
      request.log.warn({ username, address: request.ip, deviceId, reason: outcome.error }, 'login failed');
      await audit(ctx.store.db, { event: 'login_failed', userId: outcome.userId, username, deviceId, address: request.ip, details: { reason: outcome.error } }, ctx.now());
      if (outcome.error === 'device_taken') {
        return replyError(reply, 403, 'device_taken', 'this device id belongs to another tablet: clear this browser’s site data and sign in again');
      }
      return replyError(reply, 401, outcome.error);
    }
    await audit(ctx.store.db, { event: 'login_ok', userId: outcome.response.user.id, username, deviceId, address: request.ip }, ctx.now());
    return outcome.response;
  });
}
