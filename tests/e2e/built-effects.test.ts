// The client build declares the app's own modules free of import-time effects (vite.config.ts,
// `moduleSideEffects`, issue 15), so Rolldown leaves out a module none of whose exports is used.
// A few modules do act when loaded, and must keep doing so in the built app: the vault's caches
// forget what they hold when the data key changes (a lock must not leave opened rows behind), and
// the translator is set up before the first screen renders. This test builds the client with the app's
// own configuration and checks, in the chunks it writes, that every top-level statement of the
// client and the domain that is not a declaration is there, and that i18n's is in the first load;
// and that the first load leaves out the write path, which only the screens that write need.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { build, type Rolldown } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Effect { file: string; line: number; callee: string }
/** A built chunk: its file, the modules it renders (path from the repository -> code), the chunks it imports. */
interface Chunk { fileName: string; isEntry: boolean; imports: string[]; modules: Map<string, string> }

function* sources(dir: string): Generator<string> {
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, d.name);
    if (d.isDirectory()) yield* sources(full);
    else if (/\.tsx?$/.test(d.name)) yield full;
  }
}

/** The top-level statements of a module that act (not an import, export or declaration), by callee. */
function effectsOf(file: string, text: string): Effect[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  return source.statements.filter((s) => ts.isExpressionStatement(s)).map((s) => {
    const calls = [s.expression, ...(ts.isVoidExpression(s.expression) ? [s.expression.expression] : [])];
    const call = calls.find((e): e is ts.CallExpression => ts.isCallExpression(e));
    const callee = call ? (ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : call.expression.getText()) : s.getText();
    return { file, line: source.getLineAndCharacterOfPosition(s.getStart()).line + 1, callee };
  });
}

/** The chunks the entry loads before anything else: it and what it imports, transitively. */
function firstLoad(chunks: readonly Chunk[]): Chunk[] {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Set<string>();
  const todo = chunks.filter((c) => c.isEntry).map((c) => c.fileName);
  while (todo.length) {
    const name = todo.pop()!;
    if (seen.has(name) || !byName.has(name)) continue;
    seen.add(name);
    todo.push(...byName.get(name)!.imports);
  }
  return chunks.filter((c) => seen.has(c.fileName));
}

/** The effects missing from the built chunks: the module left out, or the statement dropped from it. */
function missingEffects(effects: readonly Effect[], chunks: readonly Chunk[]): string[] {
  return effects.flatMap((e) => {
    const code = chunks.flatMap((c) => c.modules.get(e.file) ?? []).join('\n');
    if (!code) return [`${e.file}:${e.line} ${e.callee}(...): module not in the build`];
    return new RegExp(`\\b${e.callee}(\\$\\d+)?\\(`).test(code) ? [] : [`${e.file}:${e.line} ${e.callee}(...): dropped`];
  });
}

function chunksOf(output: Rolldown.RolldownOutput): Chunk[] {
  return output.output.flatMap((c) => c.type !== 'chunk' ? [] : [{
    fileName: c.fileName,
    isEntry: c.isEntry,
    imports: c.imports,
    modules: new Map(Object.entries(c.modules).filter(([id]) => id.startsWith(ROOT)).map(([id, m]) => [relative(ROOT, id), m.code ?? ''])),
  }]);
}

describe('what the built client does on load', () => {
  let outDir = '';
  let chunks: Chunk[] = [];
  const effects = ['src/client', 'src/domain'].flatMap((dir) => [...sources(join(ROOT, dir))])
    .map((file) => relative(ROOT, file))
    .filter((file) => file !== 'src/client/main.tsx') // the entry: the build keeps it whole
    .flatMap((file) => effectsOf(file, readFileSync(join(ROOT, file), 'utf8')));

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'releve-built-effects-'));
    const out = await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true, sourcemap: false } });
    const outputs = (Array.isArray(out) ? out : [out]) as Rolldown.RolldownOutput[];
    chunks = outputs.flatMap(chunksOf);
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('finds the effects it looks for, and tells a left-out module or a dropped call', () => {
    expect(effects.map((e) => `${e.file} ${e.callee}`)).toEqual(expect.arrayContaining([
      'src/client/db/vault/opened-rows.ts onDataKeyChange',
      'src/client/db/vault/sealed-ahead.ts onDataKeyChange',
      'src/client/i18n/instance.ts addStrings',
    ]));
    const effect = { file: 'src/x.ts', line: 3, callee: 'onDataKeyChange' };
    const chunk = (code: string): Chunk => ({ fileName: 'a.js', isEntry: true, imports: [], modules: new Map([['src/x.ts', code]]) });
    expect(missingEffects([effect], [chunk('onDataKeyChange$1(() => t.clear());')])).toEqual([]);
    expect(missingEffects([effect], [chunk('function f() {}')])).toEqual(['src/x.ts:3 onDataKeyChange(...): dropped']);
    expect(missingEffects([effect], [])).toEqual(['src/x.ts:3 onDataKeyChange(...): module not in the build']);
  });

  it('keeps every top-level effect of the client and the domain in the chunks it builds', () => {
    expect(chunks.length).toBeGreaterThan(1);
    expect(missingEffects(effects, chunks)).toEqual([]);
  });

  it('sets up the translator, and the vault caches listening to key changes, in the first load', () => {
    const first = firstLoad(chunks);
    expect(first.length).toBeLessThan(chunks.length);
    const needed = effects.filter((e) => /i18n\/instance|vault\/(opened-rows|sealed-ahead)/.test(e.file));
    expect(needed).toHaveLength(3);
    expect(missingEffects(needed, first)).toEqual([]);
  });

  it('leaves the write path out of the first load: the board reads, the screens that write load it (issue 15)', () => {
    const first = new Set(firstLoad(chunks).flatMap((c) => [...c.modules].filter(([, code]) => code.length > 0).map(([file]) => file)));
    expect(first).toContain('src/client/data/ward.ts');
    expect(first).toContain('src/client/data/downtime.ts');
    const writes = ['src/client/db/append.ts', 'src/client/data/documents.ts', 'src/client/data/forms.ts', 'src/client/data/downtime-writes.ts', 'src/client/data/template-import.ts'];
    expect(writes.filter((file) => first.has(file))).toEqual([]);
    expect(writes.every((file) => chunks.some((c) => (c.modules.get(file) ?? '').length > 0))).toBe(true);
  });
});
