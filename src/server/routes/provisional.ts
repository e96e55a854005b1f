// The admin screen's view of the accounts enrolled offline (domain/provisional.ts):
// GET /api/admin/provisional lists them (and the enabled accounts they may be linked to); POST /api/admin/provisional/:id links one to an
// account, creates that account, or refuses it, as `npm run releve -- user provisional` does.
// Admin only; every decision is in the audit log under the admin's name.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { provisionalDecisionSchema, type ProvisionalAccountView, type ProvisionalListAnswer } from '../../domain/provisional';
import { hashPassword } from '../auth/password';
import { parseRequest } from '../http/parse-body';
import { replyError } from '../http/reply-error';
import { sessionOf } from '../http/session';
import { linkProvisional, linkProvisionalToNew, listProvisional, ProvisionalError, refuseProvisional, type Decider } from '../store/provisional';
import { listEnabledAccounts } from '../store/users';
import type { RouteContext } from './context';

const STATUS: Record<ProvisionalError['code'], number> = { unknown_account: 404, already_decided: 409, username_taken: 409, no_such_user: 400, user_disabled: 400 };

function admin(request: FastifyRequest, reply: FastifyReply): Decider | FastifyReply {
  const { user } = sessionOf(request);
  if (user.role !== 'admin') return replyError(reply, 403, 'forbidden', `role ${user.role} may not decide on provisional accounts: admin only`);
  return { userId: user.id, label: user.name, signer: user };
}

export function provisionalRoute(api: FastifyInstance, ctx: RouteContext): void {
  api.get('/admin/provisional', async (request, reply) => {
    const by = admin(request, reply);
    if (!('userId' in by)) return by;
    return { accounts: await listProvisional(ctx.store.db), linkable: await listEnabledAccounts(ctx.store.db) } satisfies ProvisionalListAnswer;
  });

  api.post<{ Params: { id: string } }>('/admin/provisional/:id', async (request, reply) => {
    const by = admin(request, reply);
    if (!('userId' in by)) return by;
    const parsed = parseRequest(provisionalDecisionSchema, request.body, 'body');
    if (!parsed.ok) return replyError(reply, 400, 'invalid_request', parsed.details);
    const d = parsed.data;
    const { id } = request.params;
    try {
      let account: ProvisionalAccountView;
      if (d.action === 'link') account = await linkProvisional(ctx.store.db, id, d.username, by, ctx.now());
      else if (d.action === 'create') account = await linkProvisionalToNew(ctx.store.db, id, { username: d.username, passwordHash: await hashPassword(d.password) }, by, ctx.now());
      else account = await refuseProvisional(ctx.store.db, id, d.reason, by, ctx.now());
      return { account };
    } catch (err) {
      if (!(err instanceof ProvisionalError)) throw err;
      // The code lets the admin screen say what happened in words; the message is for a person at the API.
      return replyError(reply, STATUS[err.code], err.code === 'unknown_account' ? 'not_found' : 'invalid_request', { problem: err.code, message: err.message });
    }
  });
}
