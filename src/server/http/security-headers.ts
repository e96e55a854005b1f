// Security headers for everything the server sends. The CSP allows no inline script.
// upgrade-insecure-requests and HSTS stay off: a ward server is often plain http on a LAN
// address, and either would make browsers refuse to load the app from it.
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

export async function useSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    hsts: false,
    frameguard: { action: 'deny' },
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
      },
    },
  });
}
