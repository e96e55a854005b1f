// Architecture test: dependencies point one way only (DESIGN.md, "Architecture").
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importSpecifiers, layerViolations, packageName, stripComments, type SourceFile } from './layer-rules';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function sourceFiles(dir: string): SourceFile[] {
  const out: SourceFile[] = [];
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, d.name);
    if (d.isDirectory()) {
      if (d.name !== 'node_modules') out.push(...sourceFiles(full));
    } else if (/\.(ts|tsx|mts|cts)$/.test(d.name)) {
      out.push({ path: relative(ROOT, full).split(sep).join('/'), text: readFileSync(full, 'utf8') });
    }
  }
  return out;
}

describe('the source tree', () => {
  const files = sourceFiles(join(ROOT, 'src'));

  it('is found by the walker', () => {
    const paths = files.map((f) => f.path);
    expect(paths).toContain('src/domain/entry.ts');
    expect(paths).toContain('src/domain/schemas/index.ts');
  });

  it('keeps dependencies pointing one way', () => {
    const report = layerViolations(files).map((v) => `${v.file}: '${v.specifier}' (${v.rule})`);
    expect(report).toEqual([]);
  });
});

describe('the rule itself', () => {
  const file = (path: string, text: string): SourceFile => ({ path, text });

  it('lets domain import domain files and its three packages', () => {
    const ok = [
      file('src/domain/hash.ts', "import canonicalize from 'canonicalize';\nimport type { Entry } from './entry';"),
      file('src/domain/entry.ts', "import { z } from 'zod';\nimport { v7 as uuidv7 } from 'uuid';"),
      file('src/domain/schemas/index.ts', "import { GLOBAL_SCOPE } from '../scope';\nexport { unitBody } from './unit';"),
      file('src/domain/x.ts', "import * as z4 from 'zod/v4';"),
    ];
    expect(layerViolations(ok)).toEqual([]);
  });

  it.each([
    ['dexie', "import Dexie from 'dexie';"],
    ['node:crypto', "import { createHash } from 'node:crypto';"],
    ['crypto', "import { createHash } from 'crypto';"],
    ['react', "import { useState } from 'react';"],
    ['../client/db', "import { db } from '../client/db';"],
    ['../server/app', "import type { App } from '../server/app';"],
    ['../../tests/x', "export * from '../../tests/x';"],
    ['fs', "const fs = await import('fs');"],
    ['better-sqlite3', "const Database = require('better-sqlite3');"],
  ])('fails when domain imports %s', (specifier, text) => {
    const v = layerViolations([file('src/domain/bad.ts', text)]);
    expect(v).toEqual([expect.objectContaining({ file: 'src/domain/bad.ts', specifier })]);
  });

  it('resolves paths, so a domain file climbing out and back in is fine, and out and elsewhere is not', () => {
    expect(layerViolations([file('src/domain/schemas/a.ts', "import { x } from '../../domain/entry';")])).toEqual([]);
    expect(layerViolations([file('src/domain/schemas/a.ts', "import { x } from '../../client/db';")])).toHaveLength(1);
  });

  it('fails when client imports server, or server imports client', () => {
    const v = layerViolations([
      file('src/client/sync/push.ts', "import { store } from '../../server/store/db';"),
      file('src/server/app.ts', "import { i18n } from '../client/i18n';"),
      file('src/client/app/main.tsx', "const m = await import('../../server/seed');"),
    ]);
    expect(v.map((x) => x.rule)).toEqual([
      'client may not import from server',
      'server may not import from client',
      'client may not import from server',
    ]);
  });

  it('lets client and server use domain and their own packages', () => {
    const ok = [
      file('src/client/db/db.ts', "import Dexie from 'dexie';\nimport { projectDocument } from '../../domain/project';"),
      file('src/server/app.ts', "import Fastify from 'fastify';\nimport { createHash } from 'node:crypto';\nimport { hashMatches } from '../domain/hash';"),
      file('src/client/pwa/sw.ts', "import { registerSW } from 'virtual:pwa-register';"),
    ];
    expect(layerViolations(ok)).toEqual([]);
  });

  it('sees multi-line, type-only, side-effect and re-export imports', () => {
    const text = [
      'import {',
      '  a,',
      '  type B,',
      "} from 'dexie';",
      "import type { C } from 'react';",
      "import 'node:fs';",
      "export { d } from '../server/d';",
      "export * as e from 'kysely';",
    ].join('\n');
    expect(importSpecifiers(text).sort()).toEqual(['../server/d', 'dexie', 'kysely', 'node:fs', 'react']);
    expect(layerViolations([file('src/domain/many.ts', text)])).toHaveLength(5);
  });

  it('ignores imports that are only mentioned in comments or strings that are not imports', () => {
    const text = [
      "// import Dexie from 'dexie';",
      "/* import { x } from '../client/x'; */",
      "const url = 'http://example.org/not-a-comment'; // but this is",
      "const msg = 'import from dexie is forbidden';",
      "import { z } from 'zod';",
    ].join('\n');
    expect(importSpecifiers(text)).toEqual(['zod']);
    expect(stripComments(text)).toContain("'http://example.org/not-a-comment'");
  });

  it('names packages, scoped or not', () => {
    expect(packageName('zod')).toBe('zod');
    expect(packageName('zod/v4')).toBe('zod');
    expect(packageName('@fastify/static')).toBe('@fastify/static');
    expect(packageName('@fastify/static/lib/x')).toBe('@fastify/static');
  });
});
