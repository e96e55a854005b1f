// Validates a request body or query against a zod schema, with a message a person can act on.
import type { z } from 'zod';
import { formatZodIssues } from '../sync/check-entry';

export type Parsed<T> = { ok: true; data: T } | { ok: false; details: string };

export function parseRequest<S extends z.ZodType>(schema: S, input: unknown, what: 'body' | 'query'): Parsed<z.output<S>> {
  if (input === undefined && what === 'body') {
    return { ok: false, details: 'send a JSON body with Content-Type: application/json' };
  }
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, details: formatZodIssues(parsed.error) };
}
