// The Fastify app, without listening: main.ts listens, tests use app.inject().
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { MAX_BODY_BYTES } from '../domain/protocol';
import { DEFAULT_TOKEN_TTL_HOURS } from './auth/token';
import { useErrorHandler } from './http/error-handler';
import { useJsonBodyParser } from './http/json-body';
import { useSecurityHeaders } from './http/security-headers';
import { requireSession } from './http/session';
import type { RouteContext } from './routes/context';
import { healthRoute } from './routes/health';
import { loginRoute } from './routes/login';
import { logoutRoute } from './routes/logout';
import { meRoute } from './routes/me';
import { pullRoute } from './routes/pull';
import { pushRoute } from './routes/push';
import { serveApp } from './routes/static-app';
import type { Store } from './store/open-store';

export interface BuildAppOptions {
  store: Store;
  /** The built PWA (dist/). Omitted or not built: the API alone, other paths 404. */
  staticDir?: string;
  /** Fastify logger option; default off (tests). main.ts turns it on. */
  logger?: FastifyServerOptions['logger'];
  /** Default RELEVE_TOKEN_TTL_HOURS' default, 168. */
  tokenTtlHours?: number;
  /** The server's clock; tests move it to expire tokens. */
  now?: () => Date;
  /** Internal, for tests only: names of checks to skip (see sync/entry-checks.ts). */
  checksOff?: readonly string[];
}

export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: MAX_BODY_BYTES, return503OnClosing: true });
  const ctx: RouteContext = {
    store: opts.store,
    now: opts.now ?? (() => new Date()),
    tokenTtlHours: opts.tokenTtlHours ?? DEFAULT_TOKEN_TTL_HOURS,
    checks: { off: new Set(opts.checksOff ?? []) },
  };

  useErrorHandler(app);
  useJsonBodyParser(app);
  await useSecurityHeaders(app);

  await app.register(
    async (api) => {
      healthRoute(api, opts.store);
      loginRoute(api, ctx);
      await api.register(async (guarded) => {
        requireSession(guarded, ctx.store, ctx.now);
        meRoute(guarded);
        logoutRoute(guarded, ctx);
        pushRoute(guarded, ctx);
        pullRoute(guarded, ctx);
      });
    },
    { prefix: '/api' },
  );

  await serveApp(app, opts.staticDir);
  return app;
}
