// Back-entry marks as typed addenda: two tablets working the list never conflict, the status is
// read the same whatever order the marks arrive in, and an amended document goes back on the list.
import { describe, expect, it } from 'vitest';
import { newId, type Author } from '../../../src/domain/entry';
import { projectDocument } from '../../../src/domain/project';
import { backEntryState, careAddenda, markBody } from '../../../src/domain/recovery/back-entry';
import { bodyProblem, envelopeProblem } from '../../../src/domain/schemas';
import { addendum, amend, makeChild, makeCreate, noteBody } from '../fixtures';

const recoveryA: Author = { userId: 'u-rec-a', name: 'Claire Bonnet', role: 'recovery' };
const recoveryB: Author = { userId: 'u-rec-b', name: 'Yves Morel', role: 'recovery' };

describe('back-entry marks', () => {
  it('starts à ressaisir; a mark from each of two tablets never conflicts, and the document stays ok', async () => {
    const note = await makeCreate(noteBody({ target: 'Douleur', data: 'EN 6' }));
    const fresh = backEntryState(projectDocument([note]));
    expect(fresh.status).toBe('todo');

    const a = await makeChild('addendum', [note], markBody(fresh, 'done', { reference: 'DPI-123' }), { author: recoveryA, deviceId: 'pc-1' });
    const b = await makeChild('addendum', [note], markBody(fresh, 'not-needed', { reason: 'doublon du dossier papier' }), { author: recoveryB, deviceId: 'pc-2' });
    for (const order of [[note, a, b], [b, note, a], [a, b, note]]) {
      const doc = projectDocument(order);
      expect(doc.status).toBe('ok');
      const state = backEntryState(doc);
      expect(state.status).toBe('done'); // the stronger of two concurrent marks
      expect(state.current.map((m) => m.author.name).sort()).toEqual(['Claire Bonnet', 'Yves Morel']);
      expect(state.current.find((m) => m.status === 'done')?.reference).toBe('DPI-123');
    }
  });

  it('a later mark that saw the earlier one replaces it (back to à ressaisir), and care addenda leave marks out', async () => {
    const note = await makeCreate(noteBody({ target: 'Chute', data: 'sans gravité' }));
    const done = await makeChild('addendum', [note], markBody(backEntryState(projectDocument([note])), 'done', { reference: 'X1' }), { author: recoveryA });
    const seen = backEntryState(projectDocument([note, done]));
    const undo = await makeChild('addendum', [note], markBody(seen, 'todo'), { author: recoveryB });
    const text = await addendum(note, 'Famille prévenue');
    const doc = projectDocument([note, done, undo, text]);
    expect(backEntryState(doc).status).toBe('todo');
    expect(backEntryState(doc).history).toHaveLength(2);
    expect(careAddenda(doc).map((a) => a.body)).toEqual([{ text: 'Famille prévenue' }]);
  });

  it('an amend after the mark puts the document back on the list, saying it changed since', async () => {
    const note = await makeCreate(noteBody({ target: 'Fièvre', data: '38,9' }));
    const done = await makeChild('addendum', [note], markBody(backEntryState(projectDocument([note])), 'done', { reference: 'R' }), { author: recoveryA });
    const v2 = await amend(note, noteBody({ target: 'Fièvre', data: '39,2' }));
    const state = backEntryState(projectDocument([note, done, v2]));
    expect(state.status).toBe('todo');
    expect(state.changedSince).toBe(true);
    expect(markBody(state, 'done', { reference: 'R2' }).replaces).toEqual([done.id]);
  });

  it('checks marks: a reference for ressaisi, a reason for sans objet, and only recovery, charge or admin write them', async () => {
    const note = await makeCreate(noteBody({ target: 'Douleur', data: 'EN 3' }));
    const noRef = await makeChild('addendum', [note], { backEntry: 'done', replaces: [] }, { author: recoveryA });
    expect(bodyProblem(noRef)).toMatch(/reference/);
    const noReason = await makeChild('addendum', [note], { backEntry: 'not-needed', replaces: [] }, { author: recoveryA });
    expect(bodyProblem(noReason)).toMatch(/reason/);
    const badReplace = await makeChild('addendum', [note], { backEntry: 'todo', replaces: ['nope'] }, { author: recoveryA });
    expect(bodyProblem(badReplace)).toMatch(/replaces/);
    const ok = await makeChild('addendum', [note], { backEntry: 'todo', replaces: [newId()] }, { author: recoveryA });
    expect(bodyProblem(ok)).toBeNull();
    expect(envelopeProblem(ok, 'recovery')).toBeNull();
    expect(envelopeProblem(ok, 'charge')).toBeNull();
    expect(envelopeProblem(ok, 'nurse')).toMatch(/back-entry marks/);
    // The recovery team marks notes, it does not write them.
    expect(envelopeProblem(await addendum(note, 'texte'), 'recovery')).toMatch(/may not write note/);
  });
});
