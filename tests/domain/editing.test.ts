// The editing rules: an amend or resolve names the versions the nurse actually read.
import { describe, it, expect } from 'vitest';
import { docAsSeen, sameHeads } from '../../src/domain/editing';
import { projectDocument } from '../../src/domain/project';
import type { Entry, EntryKind } from '../../src/domain/entry';

const note = (results: string) => ({ target: 'Chute', data: '', actions: '', results });

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
    body: note(results),
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
