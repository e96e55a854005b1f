// Serving the built PWA: immutable hashed assets, revalidated shell, SPA fallback, CSP.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/server/store/open-store';
import { closeAll, tempDir, testApp } from './helpers';

const IMMUTABLE = 'public, max-age=31536000, immutable';

function fakeDist(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'assets'));
  const files: Record<string, string> = {
    'index.html': '<!doctype html><title>Relève</title><div id="root"></div>',
    'sw.js': 'self.addEventListener("fetch", () => {})',
    'registerSW.js': '/* register */',
    'manifest.webmanifest': '{"name":"Relève"}',
    'workbox-5ffe50d4.js': '/* workbox */',
    'pwa-192x192.png': 'png',
    'assets/index-B1x_9aZq.js': 'console.log(1)',
    'assets/index-Cq7d2kLm.css': 'body{}',
    '.env': 'SECRET=1',
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

describe('the built app', () => {
  let app: FastifyInstance;
  let store: Store;
  beforeAll(async () => ({ app, store } = await testApp({ staticDir: fakeDist() })));
  afterAll(async () => closeAll(app, store));

  const get = (url: string) => app.inject({ method: 'GET', url });

  it('serves hashed assets as immutable', async () => {
    for (const url of ['/assets/index-B1x_9aZq.js', '/assets/index-Cq7d2kLm.css', '/workbox-5ffe50d4.js']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe(IMMUTABLE);
    }
  });

  it('serves the shell, the service worker and the manifest with no-cache', async () => {
    for (const url of ['/', '/index.html', '/sw.js', '/registerSW.js', '/manifest.webmanifest', '/pwa-192x192.png']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    expect((await get('/')).body).toContain('Relève');
  });

  it('answers client-side routes with index.html (no-cache), but a missing file with a real 404', async () => {
    const page = await get('/patients/0190aa00-0000-7000-8000-000000000000');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.body).toContain('<div id="root">');
    const missing = await get('/assets/index-gone1234.js');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/json/);
    expect((await get('/api/unknown')).json()).toMatchObject({ error: 'not_found' });
  });

  it('does not serve dotfiles', async () => {
    expect((await get('/.env')).statusCode).toBe(404);
  });

  it('sends a CSP without inline scripts, and no upgrade-insecure-requests or HSTS (plain http on a ward LAN)', async () => {
    const res = await get('/');
    const csp = String(res.headers['content-security-policy']);
    for (const directive of [
      "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
      "connect-src 'self'", "worker-src 'self'", "manifest-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'",
    ]) expect(csp).toContain(directive);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    // WebAssembly may compile (the QR decoder), script text may not be evaluated.
    expect(csp).toMatch(/script-src[^;]*'wasm-unsafe-eval'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-eval'/);
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('without a built app', () => {
  it('serves the API and answers other paths with a 404 that says the app is not built', async () => {
    const { app, store } = await testApp({ staticDir: tempDir() });
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(404);
    expect(res.json().details).toMatch(/not built/);
    await closeAll(app, store);
  });
});
