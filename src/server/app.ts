// The Fastify app, without listening: main.ts listens, tests use app.inject().
import type { Http2SecureServer } from 'node:http2';
import Fastify, { type FastifyHttp2SecureOptions, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { MAX_BODY_BYTES } from '../domain/protocol';
import { DEFAULT_TOKEN_TTL_HOURS } from './auth/token';
import { DEFAULT_CONNECTION_LIMITS, useBodyDeadline, useUnderPressure, type ConnectionLimits } from './http/connection-limits';
import { DEFAULT_LOGIN_LIMITS, type LoginLimits } from './http/login-limits';
import { useErrorHandler } from './http/error-handler';
import { useJsonBodyParser } from './http/json-body';
import { useSecurityHeaders } from './http/security-headers';
import { requireSession } from './http/session';
import type { RouteContext } from './routes/context';
import { healthRoute } from './routes/health';
import { loginRoute } from './routes/login';
import { logoutRoute } from './routes/logout';
import { meRoute } from './routes/me';
import { refreshRoute } from './routes/refresh';
import { pullRoute } from './routes/pull';
import { pushRoute } from './routes/push';
import { fhirInterfaceRoute } from './interface/fhir/route';
import { unmappedRoute } from './interface/unmapped-route';
import { serveApp } from './routes/static-app';
import { recoveryExportRoute } from './recovery/export-route';
import { provisionalRoute } from './routes/provisional';
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
  /** Sign-in limits; tests lower them. */
  loginLimits?: Partial<LoginLimits>;
  /** Timeouts and the overload threshold; tests lower them. */
  connectionLimits?: Partial<ConnectionLimits>;
  /** How often the event loop is sampled for overload (under-pressure's default when unset). */
  pressureSampleMs?: number;
  /** Production: source maps (the whole client source) are not served. Default true. */
  production?: boolean;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For. */
  trustProxy?: boolean;
  /** PEM certificate and key: HTTPS, HTTP/1.1 and HTTP/2, with HSTS. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** RELEVE_FHIR_EXPORT_URL: the main record's FHIR endpoint for the recovery export. */
  fhirExportUrl?: string;
}

function fastifyFor(opts: BuildAppOptions, limits: ConnectionLimits): FastifyInstance {
  const common = {
    logger: opts.logger ?? false,
    bodyLimit: MAX_BODY_BYTES,
    return503OnClosing: true,
    trustProxy: opts.trustProxy ?? false,
    requestTimeout: limits.requestTimeoutMs,
    connectionTimeout: limits.connectionTimeoutMs,
  };
  if (opts.tls) {
    // HTTP/2 for browsers that offer it, HTTP/1.1 for the rest (and for curl and the tests).
    const https = { allowHTTP1: true, cert: opts.tls.cert, key: opts.tls.key };
    const logger = common.logger as FastifyHttp2SecureOptions<Http2SecureServer>['logger'];
    return Fastify({ ...common, logger, http2: true, https }) as unknown as FastifyInstance;
  }
  // Node checks requestTimeout on this period; its default (30 s) would let a stalled body live twice as long.
  return Fastify({ ...common, http: { connectionsCheckingInterval: Math.min(5_000, limits.requestTimeoutMs) } });
}

export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const limits = { ...DEFAULT_CONNECTION_LIMITS, ...opts.connectionLimits };
  const app = fastifyFor(opts, limits);
  const ctx: RouteContext = {
    store: opts.store,
    now: opts.now ?? (() => new Date()),
    tokenTtlHours: opts.tokenTtlHours ?? DEFAULT_TOKEN_TTL_HOURS,
    checks: { off: new Set(opts.checksOff ?? []) },
    loginLimits: { ...DEFAULT_LOGIN_LIMITS, ...opts.loginLimits },
    fhirExportUrl: opts.fhirExportUrl,
  };

  useErrorHandler(app);
  useJsonBodyParser(app);
  await useSecurityHeaders(app, { hsts: opts.tls !== undefined });
  if (!ctx.checks.off?.has('under-pressure')) await useUnderPressure(app, limits, opts.pressureSampleMs);
  useBodyDeadline(app, limits.requestTimeoutMs);
  // Answers about patients must not linger in a browser or proxy cache: every /api answer,
  // errors and unknown routes included.
  app.addHook('onSend', async (request, reply) => {
    if (request.url === '/api' || request.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
  });

  await app.register(
    async (api) => {
      healthRoute(api, opts.store, ctx.now);
      await loginRoute(api, ctx);
      await api.register(async (guarded) => {
        requireSession(guarded, ctx.store, ctx.now);
        meRoute(guarded);
        logoutRoute(guarded, ctx);
        refreshRoute(guarded, ctx);
        pushRoute(guarded, ctx);
        pullRoute(guarded, ctx);
        recoveryExportRoute(guarded, ctx);
        fhirInterfaceRoute(guarded, ctx);
        unmappedRoute(guarded, ctx);
        provisionalRoute(guarded, ctx);
      });
    },
    { prefix: '/api' },
  );

  await serveApp(app, opts.staticDir, { sourceMaps: opts.production === false });
  return app;
}
