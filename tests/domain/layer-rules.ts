// The dependency rule of DESIGN.md, "Architecture": client and server use domain, never each
// other, and domain uses neither (nor the DOM, Dexie or Node). Pure functions over a file list,
// so the rule itself can be tested on fake files.
import { posix } from 'node:path';

export interface SourceFile {
  /** Repo-relative path with forward slashes, e.g. 'src/domain/entry.ts'. */
  path: string;
  text: string;
}

export interface Violation {
  file: string;
  specifier: string;
  rule: string;
}

/** The only packages domain code may import: it must run unchanged in the browser and in Node. */
export const DOMAIN_PACKAGES: ReadonlySet<string> = new Set(['zod', 'uuid', 'canonicalize']);

/** Source text with comments blanked out (strings kept), so a commented-out import is not an import. */
export function stripComments(text: string): string {
  let out = '';
  let i = 0;
  let quote: string | null = null;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if (quote) {
      out += c;
      if (c === '\\') {
        out += next ?? '';
        i += 2;
        continue;
      }
      if (c === quote) quote = null;
      i++;
    } else if (c === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else {
      if (c === '"' || c === "'" || c === '`') quote = c;
      out += c;
      i++;
    }
  }
  return out;
}

const PATTERNS = [
  // import x from '...', import { a, b } from '...', import type ..., export { x } from '...', export * from '...'
  /(?:^|[^\w$.])(?:import|export)\s+(?:type\s+)?[^'"`;]*?\bfrom\s*(['"])([^'"]+)\1/g,
  // import '...' (side effects only)
  /(?:^|[^\w$.])import\s*(['"])([^'"]+)\1/g,
  // import('...') and require('...')
  /(?:^|[^\w$.])(?:import|require)\s*\(\s*(['"`])([^'"`]+)\1\s*\)/g,
];

/** Every module specifier a file imports or re-exports, statically or dynamically. */
export function importSpecifiers(text: string): string[] {
  const code = stripComments(text);
  const found = new Set<string>();
  for (const re of PATTERNS) for (const m of code.matchAll(re)) found.add(m[2]!);
  return [...found];
}

type Layer = 'domain' | 'client' | 'server' | 'other';

function layerOf(path: string): Layer {
  const m = /^src\/(domain|client|server)(\/|$)/.exec(path);
  return m ? (m[1] as Layer) : 'other';
}

/** The package a bare specifier names: 'zod/v4' -> 'zod', '@scope/pkg/x' -> '@scope/pkg'. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Where a specifier points: a repo path for relative imports, else null (a package, 'node:', a virtual module). */
export function resolveSpecifier(fromFile: string, specifier: string): string | null {
  if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..') {
    return posix.normalize(posix.join(posix.dirname(fromFile), specifier));
  }
  if (specifier.startsWith('/')) return posix.normalize(specifier.slice(1));
  return null;
}

export function layerViolations(files: readonly SourceFile[]): Violation[] {
  const out: Violation[] = [];
  for (const f of files) {
    const from = layerOf(f.path);
    if (from === 'other') continue;
    for (const specifier of importSpecifiers(f.text)) {
      const target = resolveSpecifier(f.path, specifier);
      const to = target === null ? null : layerOf(target);
      const bad = (rule: string) => out.push({ file: f.path, specifier, rule });
      if (from === 'domain') {
        if (target === null) {
          if (!DOMAIN_PACKAGES.has(packageName(specifier))) {
            bad(`domain may import only ${[...DOMAIN_PACKAGES].join(', ')} from outside src/domain`);
          }
        } else if (to !== 'domain') {
          bad('domain may not import from outside src/domain');
        }
      } else if (from === 'client' && to === 'server') {
        bad('client may not import from server');
      } else if (from === 'server' && to === 'client') {
        bad('server may not import from client');
      }
    }
  }
  return out;
}
