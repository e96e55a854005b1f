// The note form's own checks (the nurse hears what is wrong in her words before the data layer
// refuses), and docAsSeen: an amend or resolve names the versions the nurse actually read.
import { describe, it, expect } from 'vitest';
import type { TFunction } from 'i18next';
import {
  asNoteBody, checkNote, docAsSeen, EMPTY_NOTE, MAX, sameHeads, trimNote,
} from '../../../../src/client/features/notes/note-body';
import { projectDocument } from '../../../../src/domain/project';
import type { Entry, EntryKind } from '../../../../src/domain/entry';

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

describe('sameHeads', () => {
  it('compares sets of ids, in any order', () => {
    expect(sameHeads(['b', 'a'], ['a', 'b'])).toBe(true);
    expect(sameHeads(['a'], ['a', 'b'])).toBe(false);
    expect(sameHeads(['a', 'c'], ['a', 'b'])).toBe(false);
    expect(sameHeads([], [])).toBe(true);
  });
});

// A note's entries, ids chosen so their order is plain: c (create) < d < e.
let seq = 0;
function entry(id: string, kind: EntryKind, parents: string[], results: string): Entry {
  seq += 1;
  return {
    id, docId: 'c', docType: 'note', kind, parents, scope: 'unit:MED', patientId: 'p',
    body: note({ target: 'Chute', results }),
    author: { userId: 'u', name: 'Camille Martin', role: 'nurse' },
    deviceId: 'tablet', deviceSeq: seq, createdAt: `2025-03-12T0${seq}:00:00.000Z`, hash: 'sha256:0',
  };
}

describe('docAsSeen', () => {
  const create = entry('c', 'create', [], 'v1');
  const amendD = entry('d', 'amend', ['c'], 'v2 from tablet D');
  const amendE = entry('e', 'amend', ['c'], 'v2 from tablet E');

  it('is the document itself when nothing changed since the nurse started', () => {
    const doc = projectDocument([create, amendD]);
    expect(docAsSeen(doc, undefined)).toBe(doc);
    expect(docAsSeen(doc, ['d'])).toBe(doc);
  });

  it('goes back to the version she read when another tablet amended meanwhile', () => {
    const now = projectDocument([create, amendD]);
    const seen = docAsSeen(now, ['c']);
    expect(seen.heads).toEqual(['c']);
    expect(seen.status).toBe('ok');
    expect(seen.body).toEqual(create.body);
    expect(seen.headVersions.map((v) => v.entryId)).toEqual(['c']);
    // so her amend names 'c' as parent, and the note becomes conflicted instead of losing 'd'
    expect(now.heads).toEqual(['d']);
  });

  it('keeps a resolve draft on the two versions she compared, even if a third appeared', () => {
    const amendF = entry('f', 'amend', ['d'], 'v3');
    const now = projectDocument([create, amendD, amendE, amendF]);
    expect(now.heads).toEqual(['e', 'f']);
    const seen = docAsSeen(now, ['e', 'd']);
    expect(seen.heads).toEqual(['d', 'e']);
    expect(seen.status).toBe('conflicted');
    expect(seen.body).toBeNull();
    expect(seen.headVersions.map((v) => v.entryId).sort()).toEqual(['d', 'e']);
  });
});
