// Our own JSON body parser: Fastify's says only "invalid JSON"; ours says where, so a client
// developer (or an import script) can fix the request.
import type { FastifyInstance } from 'fastify';
import { MAX_BODY_BYTES } from '../../domain/protocol';

export class MalformedJsonError extends Error {
  readonly code = 'RELEVE_MALFORMED_JSON';
  readonly statusCode = 400;
}

// JSON.parse makes "__proto__" an own property (harmless), but an object spread or assign
// further on could turn it into a prototype; refuse it outright, as Fastify does by default.
function refuseProto(key: string, value: unknown): unknown {
  if (key === '__proto__') throw new SyntaxError('the key "__proto__" is not allowed');
  return value;
}

/** JSON is the only body the API reads; anything else (text/plain too) is a clear 415. */
export function useJsonBodyParser(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: MAX_BODY_BYTES }, (_req, body, done) => {
    const text = body as string;
    // An empty body is no body (e.g. a logout sent with a JSON content type); routes that need
    // one say so.
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text, refuseProto));
    } catch (err) {
      done(new MalformedJsonError((err as Error).message), undefined);
    }
  });
}
