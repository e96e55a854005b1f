// Runs the server: open the store, seed it if empty, serve the API and the built app.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { tokenTtlHoursFromEnv } from './auth/token';
import { isAppBuilt } from './routes/static-app';
import { seedIfEmpty } from './seed/seed-demo-hospital';
import { deleteExpiredTokens } from './store/tokens';
import { dataDirFromEnv, openStore, type Store } from './store/open-store';
import { PROJECT_ROOT } from './version';

export interface RunningServer {
  app: FastifyInstance;
  store: Store;
  url: string;
  stop(): Promise<void>;
}

/**
 * The built PWA to serve: dist/ by default. RELEVE_STATIC_DIR points elsewhere, e.g. at a copy the
 * end-to-end tests "deploy" a new version into while a tablet has the old one cached.
 */
export function staticDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.RELEVE_STATIC_DIR ? resolve(env.RELEVE_STATIC_DIR) : fileURLToPath(new URL('dist/', PROJECT_ROOT));
  return dir.endsWith('/') ? dir : `${dir}/`;
}

export async function serve(env: NodeJS.ProcessEnv = process.env): Promise<RunningServer> {
  const port = Number(env.PORT || 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got '${env.PORT}'`);
  const host = env.HOST || '0.0.0.0';
  const staticDir = staticDirFromEnv(env);
  const tokenTtlHours = tokenTtlHoursFromEnv(env);

  const store = await openStore({ dataDir: dataDirFromEnv(env) });
  const app = await buildApp({ store, staticDir, tokenTtlHours, logger: { level: env.RELEVE_LOG_LEVEL || 'info' } });
  try {
    const seeded = await seedIfEmpty(store, env);
    if (seeded === 'seeded') app.log.info('seeded the demo hospital (demo accounts, password "demo")');
    if (seeded === 'disabled') app.log.warn('empty database and RELEVE_SEED=none: add accounts with `add-user`');
    await deleteExpiredTokens(store.db, new Date());
    if (!isAppBuilt(staticDir)) app.log.warn(`the app is not built (${staticDir}index.html missing): serving the API only`);
    await app.listen({ port, host });
  } catch (err) {
    await app.close();
    await store.close();
    throw err;
  }
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${actualPort}`;
  return {
    app,
    store,
    url,
    async stop() {
      await app.close(); // lets in-flight pushes finish and commit before the store closes
      await store.close();
    },
  };
}
