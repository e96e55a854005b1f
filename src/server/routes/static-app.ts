// Serves the built PWA from dist/ and falls back to index.html for client-side routes.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { cacheControlFor, REVALIDATE } from '../http/cache-policy';
import { replyError } from '../http/reply-error';

export function isAppBuilt(staticDir: string): boolean {
  return existsSync(join(staticDir, 'index.html'));
}

/**
 * Returns false (and serves nothing) when the app is not built. Source maps (the whole client
 * source) are built for debugging but not served unless `sourceMaps` is set (development).
 */
export async function serveApp(app: FastifyInstance, staticDir: string | undefined, opts: { sourceMaps?: boolean } = {}): Promise<boolean> {
  const root = resolve(staticDir ?? '.');
  const built = staticDir !== undefined && isAppBuilt(root);
  if (built) {
    await app.register(fastifyStatic, {
      root,
      cacheControl: false, // ours, below, per file
      dotfiles: 'ignore',
      allowedPath: (pathName) => opts.sourceMaps === true || !pathName.endsWith('.map'),
      setHeaders: (res, file) => res.header('cache-control', cacheControlFor(root, file)),
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path === '/api' || path.startsWith('/api/')) return replyError(reply, 404, 'not_found', `no route ${request.method} ${path}`);
    // Client-side routes (/patients/123) get the app shell; a missing file (/assets/x.js)
    // gets a real 404, so a service worker never caches HTML in place of a script.
    const lastSegment = path.slice(path.lastIndexOf('/') + 1);
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !lastSegment.includes('.');
    if (built && isPage) return reply.header('cache-control', REVALIDATE).sendFile('index.html');
    const details = built ? `no file ${path}` : 'the app is not built: run `npm run build`';
    return replyError(reply, 404, 'not_found', details);
  });
  return built;
}
