// The version reported by /api/health, read once from package.json.
import { existsSync, readFileSync } from 'node:fs';

/** The folder of package.json: two up from src/server/, one up from the compiled dist-server/. */
function projectRoot(): URL {
  for (let dir = new URL('./', import.meta.url); dir.pathname !== '/'; dir = new URL('../', dir)) {
    if (existsSync(new URL('package.json', dir))) return dir;
  }
  throw new Error(`no package.json above ${import.meta.url}`);
}

export const PROJECT_ROOT = projectRoot();

export const APP_VERSION: string = (
  JSON.parse(readFileSync(new URL('package.json', PROJECT_ROOT), 'utf8')) as { version: string }
).version;
