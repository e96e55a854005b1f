// The client build tells Rolldown that the app's own TypeScript modules do nothing when imported
// (vite.config.ts, `moduleSideEffects`), so a module none of whose exports a screen uses is left
// out of that screen's chunk (issue 15: the first load). That holds only while no module is
// imported for its side effects alone: this test keeps it so. Style sheets are the exception
// (Vite handles them apart); main.tsx, the entry, is kept whole by the build.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function* sources(dir: string): Generator<string> {
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, d.name);
    if (d.isDirectory()) yield* sources(full);
    else if (/\.tsx?$/.test(d.name)) yield full;
  }
}

/** The specifiers a module imports for their side effects only (`import './x';`), style sheets aside. */
function bareImports(text: string): string[] {
  return [...text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)].map((m) => m[1]!).filter((s) => !s.endsWith('.css'));
}

describe('modules imported for their side effects', () => {
  it('finds a bare import, and not a style sheet or an import of names', () => {
    expect(bareImports("import './setup';\nimport './styles/base.css';\nimport { a } from './a';\nimport 'polyfill';")).toEqual([
      './setup',
      'polyfill',
    ]);
  });

  it('has none in the client or the domain', () => {
    const found = ['src/client', 'src/domain']
      .flatMap((dir) => [...sources(join(ROOT, dir))])
      .flatMap((file) => bareImports(readFileSync(file, 'utf8')).map((s) => `${relative(ROOT, file)}: ${s}`));
    expect(found).toEqual([]);
  });
});
