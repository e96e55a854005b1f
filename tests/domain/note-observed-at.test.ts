// Issue 11 §3: a note carries when it was observed, apart from when it was typed; it cannot be
// observed after it was written (a clock a few minutes fast aside), on the tablet or the server.
import { describe, expect, it } from 'vitest';
import { bodyProblem, envelopeProblem, isLateEntry, noteBody, observedAtProblem } from '../../src/domain/schemas';
import { newId } from '../../src/domain/entry';
import { entry, validNote } from './schema-fixtures';

const WRITTEN = '2026-02-09T14:05:00.000Z';

describe('a note’s observation time', () => {
  it('is optional (notes written before it existed) and an ISO time with its offset', () => {
    expect(noteBody.safeParse(validNote).success).toBe(true);
    expect(noteBody.safeParse({ ...validNote, observedAt: '2026-02-09T03:10:00+01:00' }).success).toBe(true);
    for (const bad of ['', '09/02/2026 03:10', '2026-02-09T03:10', 1739070600000, null]) {
      const r = noteBody.safeParse({ ...validNote, observedAt: bad });
      expect(r.success).toBe(false);
    }
    expect(bodyProblem(entry({ body: { ...validNote, observedAt: 'hier' } }))).toContain('observedAt');
  });

  it('may be long before the note was typed, not after', () => {
    expect(observedAtProblem('2026-02-08T23:40:00.000Z', WRITTEN)).toBeNull();
    expect(observedAtProblem('2026-02-09T14:09:00.000Z', WRITTEN)).toBeNull(); // 4 min fast
    expect(observedAtProblem('2026-02-09T14:11:00.000Z', WRITTEN)).toBe('the observation time is after the note was written');
    expect(observedAtProblem(undefined, WRITTEN)).toBeNull();
  });

  it('is checked on the entry, for a create, an amend and a resolve, by the rules the tablet and the server share', () => {
    const later = { ...validNote, observedAt: '2026-02-09T16:00:00+01:00' }; // 15:00 UTC, written 14:05 UTC
    const earlier = { ...validNote, observedAt: '2026-02-09T04:30:00+01:00' };
    expect(envelopeProblem(entry({ body: earlier, createdAt: WRITTEN }), 'nurse')).toBeNull();
    expect(envelopeProblem(entry({ body: later, createdAt: WRITTEN }), 'nurse')).toBe('the observation time is after the note was written');
    expect(envelopeProblem(entry({ kind: 'amend', parents: [newId()], body: later, createdAt: WRITTEN }), 'nurse')).not.toBeNull();
    expect(envelopeProblem(entry({ kind: 'resolve', parents: [newId(), newId()], body: later, createdAt: WRITTEN }), 'nurse')).not.toBeNull();
    // An addendum's body is its own text: the check leaves it to the addendum rules.
    expect(envelopeProblem(entry({ kind: 'addendum', parents: [newId()], body: { text: 'Vu' } }), 'nurse')).toBeNull();
  });
});

describe('a late entry', () => {
  it('is a note typed more than 15 minutes after what it records', () => {
    expect(isLateEntry('2026-02-09T13:50:00.000Z', WRITTEN)).toBe(false);
    expect(isLateEntry('2026-02-09T13:49:00.000Z', WRITTEN)).toBe(true);
    expect(isLateEntry(undefined, WRITTEN)).toBe(false);
  });
});
