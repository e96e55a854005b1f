// Flowsheet rounds appended as rows of their own (domain/flowsheet): two tablets adding rounds
// never conflict, a row is corrected or struck alone, and the form itself is untouched by it.
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/domain/entry';
import { appendedRows, retractAuthors, withAppendedRows } from '../../src/domain/flowsheet/rows';
import { rowTemplate } from '../../src/domain/flowsheet/row-body';
import { projectDocument } from '../../src/domain/project';
import { buildResponse, emptyRow, setAnswers, type QuestionnaireResponse } from '../../src/domain/questionnaire';
import { bodyProblem } from '../../src/domain/schemas';
import { vitalSigns } from '../../src/server/seed/templates/vital-signs';
import { PATIENT_ID, chargeNadia, makeChild, makeCreate, nurseYanis, retract } from './fixtures';

const cut = rowTemplate(vitalSigns, 'vitals')!;

function vitals(time: string, spo2: string, initials: string) {
  let row = emptyRow();
  row = setAnswers(row, [], 'vs-time', [time]);
  row = setAnswers(row, [], 'vs-spo2', [spo2]);
  return setAnswers(row, [], 'vs-initials', [initials]);
}

/** One round, appended on its own: the row's body. */
function round(time: string, spo2: string, initials = 'CM'): { flowsheetRow: QuestionnaireResponse } {
  const values = { answers: {}, groups: { vitals: [vitals(time, spo2, initials)] } };
  return { flowsheetRow: buildResponse(cut, values, { patientId: PATIENT_ID, authored: '2026-03-02T08:00:00Z' }) };
}

/** The flowsheet as first saved, with its 6 o'clock round in the form itself. */
const form = (): Promise<Entry> => {
  const values = { answers: {}, groups: { vitals: [vitals('2026-03-02T06:00', '97', 'CM')] } };
  return makeCreate(buildResponse(vitalSigns, values, { patientId: PATIENT_ID, authored: '2026-03-02T06:05:00Z' }), { docType: 'form', patientId: PATIENT_ID });
};
const add = (parent: Entry, body: unknown, deviceId = 'tab-1') => makeChild('addendum', [parent], body, { deviceId });
const spo2Of = (r: { item: { item?: { linkId: string; answer?: { valueInteger?: number }[] }[] } }) =>
  r.item.item?.find((i) => i.linkId === 'vs-spo2')?.answer?.[0]?.valueInteger;

describe('flowsheet rows', () => {
  it('two tablets adding a round each keep both, and the form stays ok with one head', async () => {
    const c = await form();
    const a = await add(c, round('2026-03-02T10:00', '95'), 'tab-1');
    const b = await add(c, round('2026-03-02T08:00', '93', 'YB'), 'tab-2');
    const s = projectDocument([c, a, b]);
    expect(s.status).toBe('ok');
    expect(s.heads).toEqual([c.id]);
    expect(s.addenda).toEqual([]);
    expect(appendedRows(s).map((r) => r.rowId).sort()).toEqual([a.id, b.id].sort());
    // Paper and screen read the rounds in the order they were observed, the form's own first.
    const merged = withAppendedRows(c.body as QuestionnaireResponse, s);
    expect(merged.item!.filter((i) => i.linkId === 'vitals').map((i) => spo2Of({ item: i }))).toEqual([97, 93, 95]);
    expect(projectDocument([b, a, c])).toStrictEqual(s);
  });

  it('correcting a row is an amend of that row alone; striking it retracts the row, not the form', async () => {
    const c = await form();
    const a = await add(c, round('2026-03-02T10:00', '59'));
    const fix = await makeChild('amend', [a], round('2026-03-02T10:00', '95'));
    const b = await add(c, round('2026-03-02T12:00', '94'));
    const strike = await retract(b, 'wrong patient');
    const s = projectDocument([c, a, fix, b, strike]);
    expect(s).toMatchObject({ status: 'ok', heads: [c.id], retracted: false, retractions: [] });
    expect(s.history.map((v) => v.entryId)).toEqual([c.id]);
    const rows = appendedRows(s);
    expect(rows.map((r) => [r.rowId, spo2Of(r), r.struck?.entryId ?? null])).toEqual([[a.id, 95, null], [b.id, 94, strike.id]]);
    const merged = withAppendedRows(c.body as QuestionnaireResponse, s);
    expect(merged.item!.map((i) => spo2Of({ item: i }))).toEqual([97, 95]);
  });

  it('two tablets correcting the same row leave it with two versions until someone resolves it', async () => {
    const c = await form();
    const a = await add(c, round('2026-03-02T10:00', '59'));
    const x = await makeChild('amend', [a], round('2026-03-02T10:00', '95'), { deviceId: 'tab-1' });
    const y = await makeChild('amend', [a], round('2026-03-02T10:00', '96'), { deviceId: 'tab-2' });
    const conflicted = appendedRows(projectDocument([c, a, x, y]))[0]!;
    expect(conflicted.heads.map((h) => h.entryId).sort()).toEqual([x.id, y.id].sort());
    expect(projectDocument([c, a, x, y]).status).toBe('ok');
    const r = await makeChild('resolve', [x, y], round('2026-03-02T10:00', '96'));
    const resolved = appendedRows(projectDocument([c, a, x, y, r]))[0]!;
    expect(resolved.heads.map((h) => h.entryId)).toEqual([r.id]);
    expect(spo2Of(resolved)).toBe(96);
  });

  it('a row may be struck by its author or a charge nurse, not by another nurse', async () => {
    const c = await form();
    const a = await add(c, round('2026-03-02T10:00', '95'));
    const byYanis = await retract(a, 'erreur', { author: nurseYanis });
    expect(retractAuthors([c, a], byYanis)).toEqual([a.author.userId]);
    expect(retractAuthors([c, a], await retract(c, 'erreur', { author: chargeNadia }))).toEqual([c.author.userId]);
  });

  it('the body of a row is checked: one row of one group, of a form only', async () => {
    const c = await form();
    const ok = await add(c, round('2026-03-02T10:00', '95'));
    expect(bodyProblem(ok)).toBeNull();
    const two = round('2026-03-02T10:00', '95');
    two.flowsheetRow.item = [...two.flowsheetRow.item!, ...two.flowsheetRow.item!];
    expect(bodyProblem(await add(c, two))).toMatch(/exactly one row/);
    const note = await makeCreate({ target: 'Douleur', data: 'x', actions: '', results: '' });
    expect(bodyProblem(await makeChild('amend', [note], round('2026-03-02T10:00', '95')))).toMatch(/body of note amend is invalid/);
  });
});
