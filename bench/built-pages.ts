// A bench page built by Vite (never part of the app), served by the browser itself at the origin of
// the server it talks to: same origin as the app, so no CORS, and nothing of it reaches the server.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

const TYPES: Record<string, string> = { html: 'text/html', css: 'text/css', js: 'text/javascript' };

/**
 * Answers `${origin}${base}**` from the build in `dir` (base: the build's own, e.g. '/bench-pages/').
 * Returns what stops it, to call once the page has loaded: while any route is set, Playwright
 * pauses every request of the page (the server's API included) to match it in the driver, a
 * round trip through another process that added 150-200 ms to each push request on this machine,
 * which no tablet pays.
 */
export async function serveBuiltPages(page: Page, origin: string, base: string, dir: string): Promise<() => Promise<void>> {
  const pattern = `${origin}${base}**`;
  await page.route(pattern, (route) => {
    const file = new URL(route.request().url()).pathname.slice(base.length) || 'index.html';
    return route.fulfill({ body: readFileSync(join(dir, file)), contentType: TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream' });
  });
  return () => page.unroute(pattern);
}
