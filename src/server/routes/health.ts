import type { FastifyInstance } from 'fastify';
import type { HealthResponse } from '../../domain/protocol';
import { APP_VERSION } from '../version';

/** Open to all: the client uses it to tell "server reachable" from "offline". */
export function healthRoute(api: FastifyInstance): void {
  api.get('/health', async (): Promise<HealthResponse> => ({ ok: true, version: APP_VERSION }));
}
