// Which built files a browser may keep forever. Only content-hashed names are immutable: a new
// release gives them new names. Everything else (index.html, sw.js, the manifest, registerSW.js,
// icons) is `no-cache`: kept, but revalidated, so an update is never stuck behind a stale shell.
import { relative, sep } from 'node:path';

const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

// Vite puts hashed output under assets/; vite-plugin-pwa writes workbox-<hash>.js at the root.
const HASHED_AT_ROOT = /^workbox-[0-9a-f]{8}\.js$/;

export function cacheControlFor(root: string, file: string): string {
  const rel = relative(root, file).split(sep).join('/');
  if (rel.startsWith('assets/') || HASHED_AT_ROOT.test(rel)) return IMMUTABLE;
  return REVALIDATE;
}
