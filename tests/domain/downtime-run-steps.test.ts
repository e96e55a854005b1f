// Issue 11 §4: a run carries every step of its fiche (guidance and the life-saving step too,
// never counted as to tick), a call records "no answer" or "call back", and the printed
// directory puts emergency numbers, then on-call, first.
import { describe, expect, it } from 'vitest';
import { projectDocument } from '../../src/domain/project';
import { checklistProgress } from '../../src/domain/downtime/checklist-progress';
import { directoryOrder } from '../../src/domain/downtime/library';
import { bodyProblem } from '../../src/domain/schemas';
import type { ContactBody } from '../../src/domain/schemas/contact';
import { newId } from '../../src/domain/entry';
import { makeChild, makeCreate, nurseCamille, UNIT_SCOPE } from './fixtures';

const fiche = {
  source: 'procedure', procedureId: newId(), procedureVersion: newId(), title: 'Panne du standard téléphonique',
  steps: [
    { text: 'Tester trois moyens' },
    { text: 'Urgence vitale : DECT 4000 ou radio canal 1', info: true, safety: true, phones: [{ kind: 'dect', number: '4000', label: 'Réanimation' }] },
    { text: 'Prévenir le cadre de garde' },
    { text: 'Faire un point toutes les 2 heures', info: true },
  ],
};
const onRun = { docType: 'checklist', scope: UNIT_SCOPE, patientId: undefined } as const;

describe('a run shows every step of its fiche', () => {
  it('accepts guidance and life-saving steps with their phones, and counts only the steps to tick', async () => {
    const create = await makeCreate(fiche, onRun);
    expect(bodyProblem(create)).toBeNull();
    const ticks = [await makeChild('addendum', [create], { step: 0, done: true }), await makeChild('addendum', [create], { step: 2, done: true })];
    const p = checklistProgress(fiche.steps, projectDocument([create, ...ticks]).addenda);
    expect(p).toMatchObject({ done: 2, total: 2, complete: true });
    expect(p.steps.map((s) => s.info)).toEqual([false, true, false, true]);
  });

  it('keeps a tick sent for a guidance step out of the count', async () => {
    const create = await makeCreate(fiche, onRun);
    const stray = await makeChild('addendum', [create], { step: 1, done: true });
    const p = checklistProgress(fiche.steps, projectDocument([create, stray]).addenda);
    expect(p).toMatchObject({ done: 0, total: 2, complete: false });
    expect(p.steps[1]!.done).toBe(false);
  });

  it('still reads an older run given as a number of steps', async () => {
    const create = await makeCreate({ ...fiche, steps: [{ text: 'a' }, { text: 'b' }] }, onRun);
    expect(checklistProgress(2, projectDocument([create]).addenda)).toMatchObject({ done: 0, total: 2 });
  });

  it('refuses a phone with no number on a step', async () => {
    const bad = { ...fiche, steps: [{ text: 'Urgence', info: true, safety: true, phones: [{ kind: 'dect', number: '', label: 'x' }] }] };
    expect(bodyProblem(await makeCreate(bad, onRun))).not.toBeNull();
  });
});

describe('a call tree records how each call went', () => {
  const tree = { source: 'calltree', callTreeId: newId(), callTreeVersion: newId(), title: 'Arbre d’appel',
    steps: [{ text: 'Informaticien d’astreinte', contactId: newId() }, { text: 'Cadre de garde', contactId: newId() }] };

  it('keeps "no answer" then "call back" as the step\'s latest outcome, not reached', async () => {
    const create = await makeCreate(tree, onRun);
    const none = await makeChild('addendum', [create], { step: 0, done: false, outcome: 'no-answer' }, { author: nurseCamille });
    const again = await makeChild('addendum', [create], { step: 1, done: false, outcome: 'call-back' });
    const reached = await makeChild('addendum', [create], { step: 1, done: true, outcome: 'reached' });
    for (const e of [none, again, reached]) expect(bodyProblem(e)).toBeNull();
    const p = checklistProgress(tree.steps, projectDocument([create, none, again]).addenda);
    expect(p.steps.map((s) => [s.done, s.outcome])).toEqual([[false, 'no-answer'], [false, 'call-back']]);
    const later = checklistProgress(tree.steps, projectDocument([create, none, again, reached]).addenda);
    expect(later.steps[1]).toMatchObject({ done: true, outcome: 'reached' });
    expect(later).toMatchObject({ done: 1, total: 2 });
  });

  it('refuses an outcome that contradicts done, and an unknown outcome', async () => {
    const create = await makeCreate(tree, onRun);
    expect(bodyProblem(await makeChild('addendum', [create], { step: 0, done: true, outcome: 'no-answer' }))).toContain('outcome');
    expect(bodyProblem(await makeChild('addendum', [create], { step: 0, done: false, outcome: 'reached' }))).toContain('outcome');
    expect(bodyProblem(await makeChild('addendum', [create], { step: 0, done: false, outcome: 'busy' }))).not.toBeNull();
  });
});

describe('the printed directory', () => {
  const c = (name: string, service: string, onCall: boolean, emergency?: boolean): ContactBody =>
    ({ name, role: '', service, phones: [{ kind: 'dect', number: '4000', label: 'DECT' }], notes: '', onCall, ...(emergency ? { emergency } : {}) });

  it('lists emergency numbers first, then on-call, then the rest by service', () => {
    const order = directoryOrder([
      c('Bureau des admissions', 'Accueil', false), c('Pharmacien d’astreinte', 'Pharmacie', true),
      c('SAMU', 'Extérieur', false, true), c('Cadre de garde', 'Encadrement', true), c('Équipe de réanimation', 'Gardes', true, true),
    ]).map((x) => x.name);
    expect(order).toEqual(['SAMU', 'Équipe de réanimation', 'Cadre de garde', 'Pharmacien d’astreinte', 'Bureau des admissions']);
  });
});
