// No file over 300 lines in src. ESLint's max-lines checks the TypeScript; this also covers what
// ESLint does not read (stylesheets, HTML).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAX_LINES = 300;

function* files(dir: string): Generator<string> {
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, d.name);
    if (d.isDirectory()) yield* files(full);
    else yield full;
  }
}

function linesOf(text: string): number {
  return text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
}

describe('file sizes in src', () => {
  it(`keeps every file at ${MAX_LINES} lines or fewer`, () => {
    const all = [...files(join(ROOT, 'src'))];
    expect(all.map((f) => relative(ROOT, f))).toContain('src/client/styles/base.css');
    const long = all.map((f) => [relative(ROOT, f), linesOf(readFileSync(f, 'utf8'))] as const).filter(([, n]) => n > MAX_LINES);
    expect(long).toEqual([]);
  });

  it('counts lines as an editor does', () => {
    expect(linesOf('a\nb\n')).toBe(2);
    expect(linesOf('a\nb')).toBe(2);
    expect(linesOf(`${'x\n'.repeat(301)}`)).toBe(301);
  });
});
