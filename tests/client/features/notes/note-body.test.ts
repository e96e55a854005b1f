// The note form's own checks: the nurse hears what is wrong in her words before the data layer
// refuses.
import { describe, it, expect } from 'vitest';
import type { TFunction } from '../../../../src/client/i18n';
import {
  asNoteBody, checkNote, editableNote, EMPTY_NOTE, MAX, trimNote,
} from '../../../../src/client/features/notes/note-body';

// A t() that shows which message was chosen and with what, so a test can tell them apart.
const t = ((key: string, opts?: Record<string, unknown>) => (opts ? `${key} ${JSON.stringify(opts)}` : key)) as unknown as TFunction;

const NOW = new Date('2026-02-09T14:05:00.000Z');
// As the editor holds it: with an observation time (now, unless the nurse changed it).
const note = (fields: Partial<typeof EMPTY_NOTE>) => ({ ...EMPTY_NOTE, observedAt: NOW.toISOString(), ...fields });

describe('checkNote', () => {
  it('accepts a target with one of data, actions or results', () => {
    expect(checkNote(note({ target: 'Douleur', data: 'EVA 6/10' }), t)).toEqual({});
    expect(checkNote(note({ target: 'Douleur', results: 'EVA 2/10' }), t)).toEqual({});
  });

  it('needs a target that is not just spaces', () => {
    expect(checkNote(note({ target: '   ', data: 'x' }), t)).toEqual({ target: 'noteForm.targetRequired' });
  });

  it('needs something in data, actions or results', () => {
    expect(checkNote(note({ target: 'Chute', data: ' ', actions: '\n' }), t)).toEqual({ body: 'noteForm.bodyRequired' });
  });

  it('reports every problem at once, each on its own field', () => {
    expect(checkNote(EMPTY_NOTE, t, NOW)).toEqual({
      observedAt: 'noteForm.observedAtRequired', target: 'noteForm.targetRequired', body: 'noteForm.bodyRequired',
    });
  });

  it('names the field and its limit when text is too long, and allows exactly the limit', () => {
    const errors = checkNote(note({ target: 'x'.repeat(MAX.target + 1), actions: 'a'.repeat(MAX.actions + 1), data: 'ok' }), t);
    expect(errors.target).toBe(`noteForm.tooLong ${JSON.stringify({ field: 'notes.target', max: MAX.target })}`);
    expect(errors.actions).toBe(`noteForm.tooLong ${JSON.stringify({ field: 'notes.actions', max: MAX.actions })}`);
    expect(errors.data).toBeUndefined();
    expect(checkNote(note({ target: 'x'.repeat(MAX.target), results: 'r'.repeat(MAX.results) }), t)).toEqual({});
  });

  it('needs an observation time, possibly long past, never in the future', () => {
    const ok = { target: 'Douleur', data: 'EVA 6/10' };
    expect(checkNote(note({ ...ok, observedAt: '' }), t, NOW)).toEqual({ observedAt: 'noteForm.observedAtRequired' });
    expect(checkNote(note({ ...ok, observedAt: 'pas une heure' }), t, NOW)).toEqual({ observedAt: 'noteForm.observedAtRequired' });
    expect(checkNote(note({ ...ok, observedAt: '2026-02-08T22:30:00.000Z' }), t, NOW)).toEqual({});
    expect(checkNote(note({ ...ok, observedAt: '2026-02-09T14:09:00.000Z' }), t, NOW)).toEqual({});
    expect(checkNote(note({ ...ok, observedAt: '2026-02-09T15:00:00.000Z' }), t, NOW)).toEqual({ observedAt: 'noteForm.observedAtFuture' });
  });
});

describe('asNoteBody, editableNote and trimNote', () => {
  it('reads a damaged body as empty fields rather than crashing', () => {
    expect(asNoteBody(null)).toEqual(EMPTY_NOTE);
    expect(asNoteBody({ target: 'Douleur', data: 42, actions: ['x'] })).toEqual({ ...EMPTY_NOTE, target: 'Douleur' });
    expect(asNoteBody({ target: 'Douleur', observedAt: 7 })).toEqual({ ...EMPTY_NOTE, target: 'Douleur' });
  });

  it('keeps the observation time, and gives a note written without one the time it was written', () => {
    const seen = { ...EMPTY_NOTE, target: 'Chute', observedAt: '2026-02-09T03:10:00+01:00' };
    expect(asNoteBody(seen)).toEqual(seen);
    expect(editableNote(seen, '2026-02-09T14:05:00.000Z')).toEqual(seen);
    expect(editableNote({ ...EMPTY_NOTE, target: 'Chute' }, '2026-02-09T14:05:00.000Z').observedAt).toBe('2026-02-09T14:05:00.000Z');
    expect(trimNote({ ...seen, target: ' Chute ' })).toEqual(seen);
  });

  it('trims every field', () => {
    expect(trimNote({ target: ' Douleur ', data: '\nEVA 6\n', actions: ' ', results: 'ok' })).toEqual(
      { target: 'Douleur', data: 'EVA 6', actions: '', results: 'ok' },
    );
  });
});
