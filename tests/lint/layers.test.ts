// The layer rules of eslint.config.js, shown to fail. Each case is a small source text linted as
// if it lived at a path in src/ (ESLint's Node API, lintText with that filePath): its imports
// resolve against the real tree, so the rules judge it exactly as they judge the code.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

/** The rule ids ESLint reports for `code` placed at `path` (repo-relative). */
async function problems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}${path}` });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

const layerProblems = async (path: string, code: string) => (await problems(path, code)).filter((p) => p.startsWith('boundaries/'));

describe('the layer rules', () => {
  it.each([
    ['src/domain/bad.ts', "import Dexie from 'dexie';\nexport const d = Dexie;"],
    ['src/domain/bad.ts', "import { useState } from 'react';\nexport const s = useState;"],
    ['src/domain/bad.ts', "import { createHash } from 'node:crypto';\nexport const h = createHash;"],
    ['src/domain/bad.ts', "import Fastify from 'fastify';\nexport const f = Fastify;"],
    ['src/domain/bad.ts', "import { db } from '../client/db/schema';\nexport const x = db;"],
    ['src/domain/bad.ts', "export { buildApp } from '../server/app';"],
    ['src/domain/schemas/bad.ts', "export const m = await import('../../client/data');"],
    ['src/client/features/ward/Bad.tsx', "import { db } from '../../db/schema';\nexport const x = db;"],
    ['src/client/features/ward/Bad.tsx', "import { requestSync } from '../../sync/loop';\nexport const x = requestSync;"],
    ['src/client/features/ward/Bad.tsx', "import { AppRoutes } from '../../app/routes';\nexport const x = AppRoutes;"],
    ['src/client/ui/Bad.tsx', "import { useSession } from '../data';\nexport const x = useSession;"],
    ['src/client/data/bad.ts', "import { buildApp } from '../../server/app';\nexport const x = buildApp;"],
    ['src/server/bad.ts', "import { db } from '../client/db/schema';\nexport const x = db;"],
    ['src/server/bad.ts', "import type { NoteView } from '../client/data';\nexport type X = NoteView;"],
  ])('refuses, in %s: %s', async (path, code) => {
    expect(await layerProblems(path, code)).toHaveLength(1);
  });

  it.each([
    ['src/domain/good.ts', "import { z } from 'zod';\nimport { v7 } from 'uuid';\nimport { projectDocument } from './project';\nexport const x = [z, v7, projectDocument];"],
    ['src/client/features/ward/Good.tsx', "import { useSession } from '../../data';\nimport { Notice } from '../../ui/Notice';\nimport { projectDocument } from '../../../domain/project';\nexport const x = [useSession, Notice, projectDocument];"],
    ['src/client/data/good.ts', "import { db } from '../db/schema';\nimport { requestSync } from '../sync/loop';\nexport const x = [db, requestSync];"],
    ['src/client/app/Good.tsx', "import { WardBoard } from '../features/ward/WardBoard';\nexport const x = WardBoard;"],
    ['src/server/good.ts', "import Fastify from 'fastify';\nimport { createHash } from 'node:crypto';\nimport { sealEntry } from '../domain/hash';\nexport const x = [Fastify, createHash, sealEntry];"],
  ])('allows, in %s: %s', async (path, code) => {
    expect(await layerProblems(path, code)).toEqual([]);
  });
});

describe('the size rules', () => {
  it('refuses a function over 80 lines in src/client, and a file over 300 lines in src', async () => {
    const body = Array.from({ length: 85 }, (_, i) => `  total += ${i};`).join('\n');
    const longFunction = `export function tooLong(): number {\n  let total = 0;\n${body}\n  return total;\n}\n`;
    expect(await problems('src/client/ui/long.ts', longFunction)).toEqual([expect.stringMatching(/^max-lines-per-function:/)]);
    const longFile = Array.from({ length: 301 }, (_, i) => `export const c${i} = ${i};`).join('\n') + '\n';
    expect(await problems('src/server/long.ts', longFile)).toEqual([expect.stringMatching(/^max-lines:/)]);
  });
});
