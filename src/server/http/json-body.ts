// Our own JSON body parser: Fastify's says only "invalid JSON"; ours says where, so a client
// developer (or an import script) can fix the request.
import type { FastifyInstance } from 'fastify';
import { MAX_BODY_BYTES } from '../../domain/protocol';

class MalformedJsonError extends Error {
  readonly code = 'RELEVE_MALFORMED_JSON';
  readonly statusCode = 400;
}

/** No request body nests deeper than this; entries have their own, tighter limit (ENTRY_LIMITS). */
export const MAX_BODY_DEPTH = 1000;

// JSON.parse makes "__proto__" an own property (harmless), but an object spread or assign
// further on could turn it into a prototype; refuse it outright, as Fastify does by default.
// Checked by an iterative walk, not a JSON.parse reviver: a reviver recurses, and a body a few
// thousand levels deep would overflow the stack in it.
function bodyShapeProblem(value: unknown): string | null {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth > MAX_BODY_DEPTH) return `the body is nested more than ${MAX_BODY_DEPTH} levels deep`;
    if (!Array.isArray(v) && Object.hasOwn(v, '__proto__')) return 'the key "__proto__" is not allowed';
    for (const c of Array.isArray(v) ? v : Object.values(v)) stack.push([c, depth + 1]);
  }
  return null;
}

/** JSON is the only body the API reads; anything else (text/plain too) is a clear 415. */
export function useJsonBodyParser(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: MAX_BODY_BYTES }, (_req, body, done) => {
    const text = body as string;
    // An empty body is no body (e.g. a logout sent with a JSON content type); routes that need
    // one say so.
    if (text.trim() === '') return done(null, undefined);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      return done(new MalformedJsonError((err as Error).message), undefined);
    }
    const problem = bodyShapeProblem(parsed);
    done(problem ? new MalformedJsonError(problem) : null, problem ? undefined : parsed);
  });
}
