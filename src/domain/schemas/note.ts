import { z } from 'zod';

const field = (max: number) => z.string().max(max);

/**
 * A focused nursing note, the French "transmission ciblée": a target (cible) and what was
 * observed (données), done (actions) and obtained (résultats).
 * observedAt is when the nurse saw or did it, which during an outage is often long before she
 * types it (the entry's createdAt). Notes written before it existed have none.
 */
export const noteBody = z
  .strictObject({
    target: z.string().trim().min(1, 'the target (cible) is required').max(200),
    data: field(4000),
    actions: field(4000),
    results: field(4000),
    observedAt: z.iso.datetime({ offset: true, error: 'the observation time must be a date and time' }).optional(),
  })
  .refine((n) => n.data.trim() + n.actions.trim() + n.results.trim() !== '', {
    message: 'write at least one of data, actions or results',
  });
export type NoteBody = z.infer<typeof noteBody>;

// A tablet clock a few minutes fast still saves.
export const OBSERVED_SLACK_MS = 5 * 60_000;

/** A note cannot have been observed after it was written. Returns a reason, or null. */
export function observedAtProblem(observedAt: string | undefined, writtenAt: string): string | null {
  if (observedAt === undefined) return null;
  const seen = Date.parse(observedAt);
  const written = Date.parse(writtenAt);
  if (Number.isNaN(seen) || Number.isNaN(written)) return null; // the schemas report malformed times
  return seen > written + OBSERVED_SLACK_MS ? 'the observation time is after the note was written' : null;
}

// Written this long after it was observed, a note is shown and printed as a late entry.
const LATE_AFTER_MS = 15 * 60_000;

/** A note typed well after what it records: said on screen and paper, as a paper chart would. */
export function isLateEntry(observedAt: string | undefined, writtenAt: string): boolean {
  if (observedAt === undefined) return false;
  return Date.parse(writtenAt) - Date.parse(observedAt) > LATE_AFTER_MS;
}
