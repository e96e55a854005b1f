// "Deploying" a new version of the built app, for the update-gate test. The server serves a copy
// of dist/ (RELEVE_STATIC_DIR); a new release changes a precached file and therefore its revision
// in sw.js's precache manifest, exactly as `vite build` would: the browser sees a byte-different
// sw.js, installs it next to the running one, and it waits for the app's "install now".
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

/** A private copy of dist/ to serve and later deploy into. */
export function copyOfDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'releve-dist-'));
  cpSync(join(ROOT, 'dist'), dir, { recursive: true });
  return dir;
}

/**
 * Releases version `marker`: index.html gains <meta name="releve-build" content=marker>, and
 * sw.js lists index.html with the new content's revision (workbox uses the file's MD5).
 */
export function deployNewVersion(dir: string, marker: string): void {
  const indexFile = join(dir, 'index.html');
  const html = readFileSync(indexFile, 'utf8').replace(/<meta name="releve-build"[^>]*>\s*/g, '');
  const next = html.replace('<head>', `<head>\n    <meta name="releve-build" content="${marker}" />`);
  if (next === html) throw new Error('index.html has no <head>');
  writeFileSync(indexFile, next);

  const swFile = join(dir, 'sw.js');
  const sw = readFileSync(swFile, 'utf8');
  const revision = createHash('md5').update(next).digest('hex');
  const pattern = /\{url:"index\.html",revision:"[0-9a-f]+"\}/;
  if (!pattern.test(sw)) throw new Error('sw.js precache manifest has no index.html entry');
  writeFileSync(swFile, sw.replace(pattern, `{url:"index.html",revision:"${revision}"}`));
}
