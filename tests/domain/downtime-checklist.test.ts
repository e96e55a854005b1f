// Checklist runs: ticks are addenda, progress is the latest tick per step, and two tablets
// ticking different steps both count.
import { describe, expect, it } from 'vitest';
import { projectDocument } from '../../src/domain/project';
import { checklistProgress } from '../../src/domain/downtime/checklist-progress';
import { bodyProblem, envelopeProblem } from '../../src/domain/schemas';
import { newId } from '../../src/domain/entry';
import { makeChild, makeCreate, nurseCamille, nurseYanis, UNIT_SCOPE } from './fixtures';

const run = {
  source: 'procedure',
  procedureId: newId(),
  procedureVersion: newId(),
  title: 'Panne du standard téléphonique',
  steps: [{ text: 'Tester trois moyens' }, { text: 'Prévenir le cadre de garde' }, { text: 'Récupérer la radio' }],
};
const tick = (parent: Parameters<typeof makeChild>[1][0], step: number, done: boolean, who = nurseCamille, deviceId = 'tab-a') =>
  makeChild('addendum', [parent], { step, done }, { author: who, deviceId });

describe('checklist runs', () => {
  it('counts two tablets ticking different steps of the same run, each with its author', async () => {
    const create = await makeCreate(run, { docType: 'checklist', scope: UNIT_SCOPE, patientId: undefined });
    const a = await tick(create, 0, true, nurseCamille, 'tab-a');
    const b = await tick(create, 2, true, nurseYanis, 'tab-b');
    // Either arrival order gives the same document: addenda never conflict.
    for (const order of [[create, a, b], [create, b, a]]) {
      const doc = projectDocument(order);
      expect(doc.status).toBe('ok');
      const p = checklistProgress(run.steps.length, doc.addenda);
      expect(p.steps.map((s) => s.done)).toEqual([true, false, true]);
      expect(p.steps[0]!.last?.author.name).toBe('Camille Martin');
      expect(p.steps[2]!.last?.author.name).toBe('Yanis Benali');
      expect(p).toMatchObject({ done: 2, total: 3, complete: false });
    }
  });

  it('takes the latest tick of a step, keeping every tick for the record', async () => {
    const create = await makeCreate(run, { docType: 'checklist', scope: UNIT_SCOPE, patientId: undefined });
    const on = await tick(create, 1, true);
    const off = await tick(create, 1, false, nurseYanis);
    const p = checklistProgress(3, projectDocument([create, off, on]).addenda);
    expect(p.steps[1]!.done).toBe(false);
    expect(p.steps[1]!.ticks.map((t) => t.entryId)).toEqual([on.id, off.id]);
  });

  it('is complete when every step is done, and ignores a tick beyond the snapshot', async () => {
    const create = await makeCreate(run, { docType: 'checklist', scope: UNIT_SCOPE, patientId: undefined });
    const ticks = [await tick(create, 0, true), await tick(create, 1, true), await tick(create, 2, true), await tick(create, 7, true)];
    const p = checklistProgress(3, projectDocument([create, ...ticks]).addenda);
    expect(p).toMatchObject({ done: 3, total: 3, complete: true });
  });

  it('validates ticks with their own schema, and any ward member may run a checklist', async () => {
    const create = await makeCreate(run, { docType: 'checklist', scope: UNIT_SCOPE, patientId: undefined });
    expect(bodyProblem(create)).toBeNull();
    expect(envelopeProblem(create, 'nurse')).toBeNull();
    expect(bodyProblem(await tick(create, 1, true))).toBeNull();
    const free = await makeChild('addendum', [create], { text: 'vu' });
    expect(bodyProblem(free)).toContain('checklist addendum is invalid');
    const negative = await makeChild('addendum', [create], { step: -1, done: true });
    expect(bodyProblem(negative)).toContain('step');
    const global = await makeCreate(run, { docType: 'checklist', scope: 'global', patientId: undefined });
    expect(envelopeProblem(global, 'admin')).toBe('checklist documents live in a unit scope');
  });

  it('runs a call tree with the same mechanism: its steps name the contacts to reach', async () => {
    const tree = { source: 'calltree', callTreeId: newId(), callTreeVersion: newId(), title: 'Arbre d’appel — cyberattaque',
      steps: [{ text: 'Informaticien d’astreinte', contactId: newId() }] };
    const create = await makeCreate(tree, { docType: 'checklist', scope: UNIT_SCOPE, patientId: undefined });
    expect(bodyProblem(create)).toBeNull();
    const mixed = await makeCreate({ ...tree, procedureId: newId() }, { docType: 'checklist', scope: UNIT_SCOPE, patientId: undefined });
    expect(bodyProblem(mixed)).not.toBeNull();
  });
});
