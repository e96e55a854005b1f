// The note form's own checks: the nurse hears what is wrong in her words before the data layer
// refuses.
import { describe, it, expect } from 'vitest';
import type { TFunction } from 'i18next';
import {
  asNoteBody, checkNote, EMPTY_NOTE, MAX, trimNote,
} from '../../../../src/client/features/notes/note-body';

// A t() that shows which message was chosen and with what, so a test can tell them apart.
const t = ((key: string, opts?: Record<string, unknown>) => (opts ? `${key} ${JSON.stringify(opts)}` : key)) as unknown as TFunction;

const note = (fields: Partial<typeof EMPTY_NOTE>) => ({ ...EMPTY_NOTE, ...fields });

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
    expect(checkNote(EMPTY_NOTE, t)).toEqual({ target: 'noteForm.targetRequired', body: 'noteForm.bodyRequired' });
  });

  it('names the field and its limit when text is too long, and allows exactly the limit', () => {
    const errors = checkNote(note({ target: 'x'.repeat(MAX.target + 1), actions: 'a'.repeat(MAX.actions + 1), data: 'ok' }), t);
    expect(errors.target).toBe(`noteForm.tooLong ${JSON.stringify({ field: 'notes.target', max: MAX.target })}`);
    expect(errors.actions).toBe(`noteForm.tooLong ${JSON.stringify({ field: 'notes.actions', max: MAX.actions })}`);
    expect(errors.data).toBeUndefined();
    expect(checkNote(note({ target: 'x'.repeat(MAX.target), results: 'r'.repeat(MAX.results) }), t)).toEqual({});
  });
});

describe('asNoteBody and trimNote', () => {
  it('reads a damaged body as empty fields rather than crashing', () => {
    expect(asNoteBody(null)).toEqual(EMPTY_NOTE);
    expect(asNoteBody({ target: 'Douleur', data: 42, actions: ['x'] })).toEqual(note({ target: 'Douleur' }));
  });

  it('trims every field', () => {
    expect(trimNote({ target: ' Douleur ', data: '\nEVA 6\n', actions: ' ', results: 'ok' })).toEqual(
      { target: 'Douleur', data: 'EVA 6', actions: '', results: 'ok' },
    );
  });
});
