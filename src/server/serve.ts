// Runs the server: open the store, seed it if empty, serve the API and the built app.
import { readFileSync } from 'node:fs';
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
import { startInterface } from './interface/start';
import type { MllpListener } from './interface/mllp-listener';

export interface RunningServer {
  app: FastifyInstance;
  store: Store;
  url: string;
  tls: boolean;
  /** The HL7v2 listener, when RELEVE_MLLP_PORT is set. */
  mllp: MllpListener | null;
  stop(): Promise<void>;
}

/**
 * The built PWA to serve: dist/ by default. RELEVE_STATIC_DIR points elsewhere, e.g. at a copy the
 * end-to-end tests "deploy" a new version into while a tablet has the old one cached.
 */
function staticDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.RELEVE_STATIC_DIR ? resolve(env.RELEVE_STATIC_DIR) : fileURLToPath(new URL('dist/', PROJECT_ROOT));
  return dir.endsWith('/') ? dir : `${dir}/`;
}

/** RELEVE_TLS_CERT and RELEVE_TLS_KEY (PEM files): both or neither. */
export function tlsFromEnv(env: NodeJS.ProcessEnv = process.env): { cert: Buffer; key: Buffer } | undefined {
  const certPath = env.RELEVE_TLS_CERT;
  const keyPath = env.RELEVE_TLS_KEY;
  if (!certPath && !keyPath) return undefined;
  if (!certPath || !keyPath) throw new Error('set both RELEVE_TLS_CERT and RELEVE_TLS_KEY (PEM files), or neither');
  return { cert: readFileSync(certPath), key: readFileSync(keyPath) };
}

/** RELEVE_TRUST_PROXY=1 behind a reverse proxy: the client address (for limits and the audit) comes from X-Forwarded-For. */
function trustProxyFromEnv(env: NodeJS.ProcessEnv): boolean {
  return env.RELEVE_TRUST_PROXY === '1' || env.RELEVE_TRUST_PROXY === 'true';
}

/** The start-up line: where to point the tablets, and what plain http means for a PWA. */
export function startupLine(url: string, tls: boolean, dataFile: string): string {
  const base = `Relève is serving on ${url} (data in ${dataFile})`;
  if (tls) return `${base}, over HTTPS (HTTP/1.1 and HTTP/2, HSTS on)`;
  return (
    `${base}, over plain HTTP: browsers run the app (service worker, offline mode, encryption) only from ` +
    'https:// or http://localhost, so tablets on other machines need RELEVE_TLS_CERT/RELEVE_TLS_KEY or an HTTPS reverse proxy (README, "Deployment")'
  );
}

/** RELEVE_FHIR_EXPORT_URL must be an http(s) URL: a typo is refused at start, not at the first export. */
export function fhirExportUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.RELEVE_FHIR_EXPORT_URL ?? '';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`RELEVE_FHIR_EXPORT_URL must be an http(s) URL, got '${raw}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`RELEVE_FHIR_EXPORT_URL must be an http(s) URL, got '${raw}'`);
  return url.href;
}

export async function serve(env: NodeJS.ProcessEnv = process.env): Promise<RunningServer> {
  const port = Number(env.PORT || 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got '${env.PORT}'`);
  const host = env.HOST || '0.0.0.0';
  const staticDir = staticDirFromEnv(env);
  const tokenTtlHours = tokenTtlHoursFromEnv(env);

  const store = await openStore({ dataDir: dataDirFromEnv(env) });
  const tls = tlsFromEnv(env);
  const app = await buildApp({
    store,
    staticDir,
    tokenTtlHours,
    logger: { level: env.RELEVE_LOG_LEVEL || 'info' },
    production: env.NODE_ENV !== 'development',
    trustProxy: trustProxyFromEnv(env),
    ...(tls ? { tls } : {}),
    ...(env.RELEVE_FHIR_EXPORT_URL ? { fhirExportUrl: fhirExportUrlFromEnv(env) } : {}),
  });
  let mllp: MllpListener | null = null;
  try {
    const seeded = await seedIfEmpty(store, env);
    if (seeded === 'seeded') app.log.info('seeded the demo hospital (demo accounts, password "demo")');
    if (seeded === 'disabled') app.log.warn('empty database and RELEVE_SEED=none: add accounts with `add-user`');
    await deleteExpiredTokens(store.db, new Date());
    if (!isAppBuilt(staticDir)) app.log.warn(`the app is not built (${staticDir}index.html missing): serving the API only`);
    await app.listen({ port, host });
    mllp = await startInterface(store, env, app.log, tls);
  } catch (err) {
    await app.close();
    await store.close();
    throw err;
  }
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `${tls ? 'https' : 'http'}://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${actualPort}`;
  return {
    app,
    store,
    url,
    tls: tls !== undefined,
    mllp,
    async stop() {
      await mllp?.close(); // no new message; the ones in flight commit before the store closes
      await app.close(); // lets in-flight pushes finish and commit before the store closes
      await store.close();
    },
  };
}
