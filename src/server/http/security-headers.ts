// Security headers for everything the server sends. The CSP allows no inline script.
// HSTS is on only when the server itself speaks HTTPS (RELEVE_TLS_CERT/KEY): over plain http it
// would be ignored at best, and upgrade-insecure-requests would break a plain-http LAN server.
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

export async function useSecurityHeaders(app: FastifyInstance, opts: { hsts: boolean } = { hsts: false }): Promise<void> {
  await app.register(helmet, {
    hsts: opts.hsts ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    frameguard: { action: 'deny' },
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // WebAssembly compilation only (the QR decoder's ZXing build), never eval of script text.
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
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
