// `npm start`: build the PWA if it is missing, compile the server if it is missing or older than
// its sources (scripts/build-server.mjs), then run the compiled server (dist-server/main.mjs).
// A failed build does not stop the server: the API still serves the tablets that already have
// the app cached, and the log says clearly that the app itself is not built.
// Arguments are passed on: `npm run releve -- add-user --username ...` (or `npm start -- ...`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer, serverBuildIsStale, serverEntry } from './build-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const serving = args.length === 0 || args[0] === 'serve';

function buildIfMissing() {
  if (existsSync(join(root, 'dist', 'index.html'))) return;
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) {
    console.error('[start] dist/ is missing and vite is not installed (run `npm install`): serving the API only.');
    return;
  }
  console.log('[start] dist/ is missing: building the app (vite build)...');
  const res = spawnSync(process.execPath, [vite, 'build'], { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) {
    console.error('[start] vite build FAILED: the app is not built, serving the API only. See the errors above.');
  }
}

if (serving) buildIfMissing();
if (serverBuildIsStale()) {
  console.log('[start] dist-server/ is missing or older than src/: compiling the server...');
  await buildServer();
}

// One child process holds the database; this one only forwards signals and the exit code.
const child = spawn(process.execPath, ['--enable-source-maps', serverEntry(), ...args], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});

for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}

child.on('exit', (code, signal) => {
  if (signal) {
    // Die of the same signal, so whoever started us sees what happened.
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  } else {
    process.exit(code ?? 1);
  }
});
