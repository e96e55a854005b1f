import type { FastifyInstance } from 'fastify';
import type { HealthResponse } from '../../domain/protocol';
import type { Store } from '../store/open-store';
import { APP_VERSION } from '../version';

/** Open to all: the client uses it to tell "server reachable" from "offline", and which database it talks to. */
export function healthRoute(api: FastifyInstance, store: Store, now: () => Date = () => new Date()): void {
  api.get('/health', async (): Promise<HealthResponse> => {
    const head = await store.db.selectFrom('feed').select((eb) => eb.fn.max('seq').as('head')).executeTakeFirst();
    return { ok: true, version: APP_VERSION, serverId: store.serverId, feedHead: Number(head?.head ?? 0), serverTime: now().toISOString() };
  });
}
