// Reading a projected document with its type: docOf narrows by docType and nothing else, every
// docType of the registry is known (so a new one cannot be read untyped by mistake), and
// currentBody gives the current body, or the newest head's while conflicted.
import { describe, expect, it } from 'vitest';
import { bodyOf, currentBody, docOf, typedDoc } from '../../src/domain/doc-bodies';
import { projectDocument } from '../../src/domain/project';
import { DOC_TYPES } from '../../src/domain/schemas';
import { amend, makeCreate, noteBody } from './fixtures';

const v1 = noteBody({ target: 'Douleur', data: 'EVA 6/10' });

describe('typed documents', () => {
  it('knows every docType of the registry, and no other', async () => {
    const note = projectDocument([await makeCreate(v1)]);
    for (const docType of Object.keys(DOC_TYPES)) expect(typedDoc({ ...note, docType }), docType).not.toBeNull();
    expect(typedDoc({ ...note, docType: 'nonsense' })).toBeNull();
    expect(typedDoc({ ...note, docType: '__proto__' })).toBeNull();
  });

  it('reads a document as its own docType only', async () => {
    const note = projectDocument([await makeCreate(v1)]);
    expect(docOf(note, 'note')?.body?.target).toBe('Douleur');
    expect(docOf(note, 'patient')).toBeNull();
    expect(docOf(undefined, 'note')).toBeNull();
    expect(bodyOf(note, 'note')).toEqual(v1);
    expect(bodyOf(note, 'form')).toBeNull();
  });

  it('gives the current body, or the newest head while conflicted', async () => {
    const c = await makeCreate(v1);
    const a = await amend(c, noteBody({ target: 'Douleur', data: 'from tablet A' }));
    const b = await amend(c, noteBody({ target: 'Douleur', data: 'from tablet B' }));
    expect(currentBody(projectDocument([c, a]))).toEqual(a.body);
    const conflicted = projectDocument([c, a, b]);
    expect(conflicted.body).toBeNull();
    const newest = [a, b].sort((x, y) => (x.id < y.id ? -1 : 1))[1]!;
    expect(currentBody(conflicted)).toEqual(newest.body);
  });
});
