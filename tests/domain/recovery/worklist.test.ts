// The worklist picks what was written or changed in the episode, never the marks themselves, and
// lists the safety-critical first.
import { describe, expect, it } from 'vitest';
import { newId, type Author } from '../../../src/domain/entry';
import { backEntryState, markBody } from '../../../src/domain/recovery/back-entry';
import { filterItems, progressOf, worklistItems } from '../../../src/domain/recovery/worklist';
import { projectDocument } from '../../../src/domain/project';
import { amend, makeChild, makeCreate, noteBody, nurseCamille, nurseYanis, PATIENT_ID } from '../fixtures';

const EPISODE = newId();
const recovery: Author = { userId: 'u-rec', name: 'Claire Bonnet', role: 'recovery' };

const form = (template: string) => ({
  resourceType: 'QuestionnaireResponse', questionnaire: `https://releve.example/fhir/Questionnaire/${template}|1.0.0`,
  status: 'completed', subject: { reference: `Patient/${PATIENT_ID}` }, authored: '2026-02-09T10:00:00Z',
});

describe('the back-entry worklist', () => {
  it('lists documents touched in the episode, medication first, then vitals, then notes; marks do not count as changes', async () => {
    const before = await makeCreate(noteBody({ target: 'Avant', data: 'x' }));
    const note = await makeCreate(noteBody({ target: 'Pendant', data: 'y' }), { downtimeId: EPISODE });
    const vitals = await makeCreate(form('vital-signs'), { docType: 'form', patientId: PATIENT_ID, downtimeId: EPISODE });
    const mar = await makeCreate(form('medication-record'), { docType: 'form', patientId: PATIENT_ID, downtimeId: EPISODE, author: nurseYanis });
    const changedLater = await amend(before, noteBody({ target: 'Avant', data: 'x, corrigé' }), { downtimeId: EPISODE, author: nurseYanis });
    const markOnly = await makeCreate(noteBody({ target: 'Hors épisode', data: 'z' }));
    const mark = await makeChild('addendum', [markOnly], markBody(backEntryState(projectDocument([markOnly])), 'todo'), { author: recovery, downtimeId: EPISODE });

    const items = worklistItems([before, note, vitals, mar, changedLater, markOnly, mark], { downtimeId: EPISODE });
    expect(items.map((i) => i.doc.docId)).toEqual([mar.docId, vitals.docId, note.docId, before.docId]);
    expect(items.map((i) => i.category)).toEqual(['medication', 'results-vitals', 'notes', 'notes']);
    const amended = items.find((i) => i.doc.docId === before.docId)!;
    expect(amended.firstBy.name).toBe(nurseYanis.name); // the change in the episode, not the earlier create
    expect(amended.doc.history).toHaveLength(2);

    expect(filterItems(items, { authorId: nurseYanis.userId }).map((i) => i.doc.docId).sort()).toEqual([mar.docId, before.docId].sort());
    expect(filterItems(items, { category: 'notes' })).toHaveLength(2);
    expect(filterItems(items, { authorId: nurseCamille.userId, category: 'medication' })).toHaveLength(0);
  });

  it('counts progress per ward and overall, and picks by date range', async () => {
    const a = await makeCreate(noteBody({ target: 'A', data: 'a' }), { createdAt: '2026-03-01T10:00:00.000Z' });
    const b = await makeCreate(noteBody({ target: 'B', data: 'b' }), { createdAt: '2026-03-01T11:00:00.000Z', scope: 'unit:MED' });
    const c = await makeCreate(noteBody({ target: 'C', data: 'c' }), { createdAt: '2026-03-02T11:00:00.000Z' });
    const done = await makeChild('addendum', [a], markBody(backEntryState(projectDocument([a])), 'done', { reference: 'R1' }), { author: recovery });
    const items = worklistItems([a, b, c, done], { from: '2026-03-01T00:00:00.000Z', to: '2026-03-02T00:00:00.000Z' });
    expect(items).toHaveLength(2);
    const { overall, byUnit } = progressOf(items);
    expect(overall).toEqual({ total: 2, done: 1, notNeeded: 0, todo: 1 });
    expect(byUnit.get('MED')).toEqual({ total: 1, done: 0, notNeeded: 0, todo: 1 });
    expect(filterItems(items, { status: 'done' }).map((i) => i.doc.docId)).toEqual([a.docId]);
  });

  it('filters by patient: a temporary patient linked to the real one is found under the real one', async () => {
    const tmp = newId();
    const real = newId();
    const underTmp = await makeCreate(noteBody({ target: 'Accueil', data: 'a' }), { patientId: tmp, downtimeId: EPISODE });
    const underReal = await makeCreate(noteBody({ target: 'Douleur', data: 'b' }), { patientId: real, downtimeId: EPISODE });
    const other = await makeCreate(noteBody({ target: 'Autre', data: 'c' }), { downtimeId: EPISODE });
    const items = worklistItems([underTmp, underReal, other], { downtimeId: EPISODE });
    const ids = (list: { doc: { docId: string } }[]) => list.map((i) => i.doc.docId).sort();
    expect(ids(filterItems(items, { patientId: real }))).toEqual([underReal.docId]);
    expect(ids(filterItems(items, { patientId: real }, new Map([[tmp, real]])))).toEqual([underTmp.docId, underReal.docId].sort());
    expect(ids(filterItems(items, { patientId: tmp }, new Map([[tmp, real]])))).toEqual([]);
  });
});
