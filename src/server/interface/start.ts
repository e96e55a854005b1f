// Starts the HIS interface's MLLP listener when RELEVE_MLLP_PORT is set (off otherwise). Its
// messages are written as the interface account: RELEVE_INTERFACE_USER, or the first account
// with the role `interface`.
import type { FastifyBaseLogger } from 'fastify';
import type { Store } from '../store/open-store';
import { loadSessionUser } from '../store/users';
import { FeedQueue } from './feed-queue';
import { startMllpListener, type MllpListener } from './mllp-listener';
import type { InterfaceWriter } from './feed-write';

export const MLLP_DEVICE_ID = 'his-mllp';

export async function interfaceWriter(store: Store, deviceId: string, username?: string): Promise<InterfaceWriter> {
  let q = store.db.selectFrom('users').select(['id', 'username']).where('role', '=', 'interface');
  if (username) q = q.where('username', '=', username);
  const row = await q.orderBy('created_at').executeTakeFirst();
  const user = row && (await loadSessionUser(store.db, row.id));
  if (!user) {
    throw new Error(username ? `RELEVE_INTERFACE_USER: no interface account '${username}'` : 'no interface account: add one with `npm run releve -- add-user --role interface --units MED,CHIR ...`');
  }
  return { user, deviceId };
}

/** `tls`: the HTTPS certificate (serve.ts's tlsFromEnv, RELEVE_TLS_CERT/KEY), used for MLLP over TLS too. */
export async function startInterface(store: Store, env: NodeJS.ProcessEnv, log: FastifyBaseLogger, tls?: { cert: Buffer; key: Buffer }): Promise<MllpListener | null> {
  const raw = env.RELEVE_MLLP_PORT;
  if (raw === undefined || raw === '') return null;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`RELEVE_MLLP_PORT must be a port number, got '${raw}'`);
  const writer = await interfaceWriter(store, MLLP_DEVICE_ID, env.RELEVE_INTERFACE_USER || undefined);
  const queue = new FeedQueue(store, writer, log);
  return startMllpListener({
    port,
    host: env.HOST || '0.0.0.0',
    queue,
    log,
    ...(tls ? { tls } : {}),
    ...(env.RELEVE_MLLP_ENCODING ? { encoding: env.RELEVE_MLLP_ENCODING } : {}),
  });
}
