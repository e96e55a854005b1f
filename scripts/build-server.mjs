// Compiles the server (src/server and the src/domain it uses) into dist-server/main.mjs with
// esbuild, so production runs plain JavaScript: no TypeScript transpiled at every start. Packages
// stay in node_modules (better-sqlite3 is native); only the project's own code is bundled.
// Part of `npm run build`; `npm start` runs it when dist-server/ is missing or older than src/.
import { build } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const serverEntry = (outDir = join(root, 'dist-server')) => join(outDir, 'main.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, name.name);
    newest = Math.max(newest, name.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether dist-server/ is missing or older than a source of the server or the domain. */
export function serverBuildIsStale(outDir = join(root, 'dist-server')) {
  const entry = serverEntry(outDir);
  if (!existsSync(entry)) return true;
  const built = statSync(entry).mtimeMs;
  return ['src/server', 'src/domain', 'package.json'].some((p) => {
    const path = join(root, p);
    return (statSync(path).isDirectory() ? newestSource(path) : statSync(path).mtimeMs) > built;
  });
}

export async function buildServer(outDir = join(root, 'dist-server')) {
  await build({
    entryPoints: [join(root, 'src', 'server', 'main.ts')],
    outfile: serverEntry(outDir),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildServer(process.argv[2]);
  console.log(`[build-server] ${serverEntry(process.argv[2])}`);
}
