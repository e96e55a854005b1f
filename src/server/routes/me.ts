import type { FastifyInstance } from 'fastify';
import type { SessionUser } from '../../domain/protocol';
import { sessionOf } from '../http/session';

/** Who the token belongs to: lets the client check a stored session is still good. */
export function meRoute(api: FastifyInstance): void {
  api.get('/auth/me', async (request): Promise<{ user: SessionUser; deviceId: string }> => {
    const { user, deviceId } = sessionOf(request);
    return { user, deviceId };
  });
}
