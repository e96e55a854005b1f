import { z } from 'zod';

const field = (max: number) => z.string().max(max);

/**
 * A focused nursing note, the French "transmission ciblée": a target (cible) and what was
 * observed (données), done (actions) and obtained (résultats).
 */
export const noteBody = z
  .strictObject({
    target: z.string().trim().min(1, 'the target (cible) is required').max(200),
    data: field(4000),
    actions: field(4000),
    results: field(4000),
  })
  .refine((n) => n.data.trim() + n.actions.trim() + n.results.trim() !== '', {
    message: 'write at least one of data, actions or results',
  });
export type NoteBody = z.infer<typeof noteBody>;
