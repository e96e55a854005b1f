import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { pushRequestSchema, type PushResponse, type PushResult } from '../../domain/protocol';
import type { ReleveDatabase } from '../store/schema';
import { parseRequest } from '../http/parse-body';
import { replyError, STORAGE_FULL_DETAILS } from '../http/reply-error';
import { sessionOf } from '../http/session';
import { audit } from '../store/audit';
import { isStorageFull } from '../store/storage-full';
import { appendEntries } from '../sync/append-entries';
import type { RouteContext } from './context';

export function pushRoute(api: FastifyInstance, ctx: RouteContext): void {
  api.post('/sync/push', async (request, reply): Promise<PushResponse | undefined> => {
    const session = sessionOf(request);
    const parsed = parseRequest(pushRequestSchema, request.body, 'body');
    if (!parsed.ok) return replyError(reply, 400, 'invalid_request', parsed.details);
    const { deviceId, entries } = parsed.data;
    // The HIS feed writes only through /api/interface and the MLLP listener, where its messages are journalled.
    if (session.user.role === 'interface') return replyError(reply, 403, 'forbidden', 'the interface account writes through the interface routes only');
    if (deviceId !== session.deviceId) {
      return replyError(reply, 400, 'invalid_request', `deviceId ${deviceId} is not the device this token was issued to`);
    }
    try {
      const logError = (err: unknown, entryId: string) => request.log.error({ err, entryId }, 'push: checking one entry failed; that entry is rejected');
      const now = ctx.now();
      // The audit row is written in the push's own transaction: one commit (one sync to disk) a push, not two.
      const auditPush = async (trx: Kysely<ReleveDatabase>, results: readonly PushResult[]) => {
        const counts: Record<string, number> = { accepted: 0, duplicate: 0, rejected: 0 };
        for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
        await audit(trx, { event: 'push', userId: session.user.id, deviceId, address: request.ip, details: counts }, now);
      };
      const results = await appendEntries(ctx.store, entries, { user: session.user, deviceId }, now, { ...ctx.checks, logError }, auditPush);
      return { results };
    } catch (err) {
      // The transaction rolled back: nothing of this batch is stored, the client keeps it all.
      if (isStorageFull(err)) {
        request.log.error({ err }, 'push refused: storage full');
        return replyError(reply, 507, 'storage_full', STORAGE_FULL_DETAILS);
      }
      throw err;
    }
  });
}
