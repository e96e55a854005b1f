// The version reported by /api/health, read once from package.json.
import { readFileSync } from 'node:fs';

export const PROJECT_ROOT = new URL('../../', import.meta.url);

export const APP_VERSION: string = (
  JSON.parse(readFileSync(new URL('package.json', PROJECT_ROOT), 'utf8')) as { version: string }
).version;
