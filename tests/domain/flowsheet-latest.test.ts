// The latest vitals shown beside the I-PASS in the handover round (issue 11 §5): the round
// observed last on any of the patient's vitals sheets, never a struck round, a retracted sheet
// or another flowsheet (glucose), whatever order the rounds were typed in.
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/domain/entry';
import { latestVitals } from '../../src/domain/flowsheet/latest';
import { rowTemplate } from '../../src/domain/flowsheet/row-body';
import { projectDocument } from '../../src/domain/project';
import { buildResponse, emptyRow, setAnswers, type Questionnaire, type QuestionnaireResponse } from '../../src/domain/questionnaire';
import { glucoseInsulin } from '../../src/server/seed/templates/glucose-insulin';
import { vitalSigns } from '../../src/server/seed/templates/vital-signs';
import { PATIENT_ID, makeChild, makeCreate, retract } from './fixtures';

function vitals(time: string, spo2: string) {
  let row = emptyRow();
  row = setAnswers(row, [], 'vs-time', [time]);
  row = setAnswers(row, [], 'vs-spo2', [spo2]);
  return setAnswers(row, [], 'vs-initials', ['CM']);
}

const sheet = (...rows: [string, string][]) =>
  makeCreate(buildResponse(vitalSigns, { answers: {}, groups: { vitals: rows.map(([t, s]) => vitals(t, s)) } }, { patientId: PATIENT_ID, authored: '2026-03-02T06:05:00Z' }), {
    docType: 'form', patientId: PATIENT_ID,
  });

const round = (parent: Entry, time: string, spo2: string) =>
  makeChild('addendum', [parent], {
    flowsheetRow: buildResponse(rowTemplate(vitalSigns, 'vitals')!, { answers: {}, groups: { vitals: [vitals(time, spo2)] } }, { patientId: PATIENT_ID, authored: '2026-03-02T08:00:00Z' }),
  });

function formOf(entries: Entry[], template: Questionnaire = vitalSigns) {
  const doc = projectDocument(entries);
  return { doc, response: doc.body as QuestionnaireResponse, template };
}

const spo2 = (r: ReturnType<typeof latestVitals>) => r?.line.item.item?.find((i) => i.linkId === 'vs-spo2')?.answer?.[0]?.valueInteger;

describe('latest vitals beside the I-PASS', () => {
  it('is the round observed last, on any vitals sheet, whatever order it was typed in', async () => {
    const first = await sheet(['2026-03-02T06:00', '97']);
    // Typed after the 10:00 round, but observed before it: a late entry does not make it the latest.
    const tenOClock = await round(first, '2026-03-02T10:00', '95');
    const late = await round(first, '2026-03-02T08:00', '93');
    const older = formOf([first, tenOClock, late]);
    expect(spo2(latestVitals([older]))).toBe(95);
    expect(Date.parse(latestVitals([older])!.observedAt)).toBe(Date.parse('2026-03-02T10:00:00Z'));
    expect(latestVitals([older])?.group.linkId).toBe('vitals');
    // A newer sheet whose only round was at 09:00 does not hide the 10:00 round of the older one.
    const newer = formOf([await sheet(['2026-03-02T09:00', '99'])]);
    expect(spo2(latestVitals([newer, older]))).toBe(95);
    expect(latestVitals([newer, older])?.form).toBe(older);
  });

  it('leaves out a struck round, a sheet entered in error and a sheet that is not the vitals', async () => {
    const form = await sheet(['2026-03-02T06:00', '97']);
    const added = await round(form, '2026-03-02T10:00', '95');
    const struck = await retract(added, 'mauvais patient');
    expect(spo2(latestVitals([formOf([form, added, struck])]))).toBe(97);
    const wrong = await sheet(['2026-03-02T11:00', '88']);
    expect(latestVitals([formOf([wrong, await retract(wrong, 'mauvais patient')])])).toBeNull();
    // The glucose sheet is a flowsheet too, but not the vitals.
    const glucose = formOf([form], glucoseInsulin);
    expect(latestVitals([glucose])).toBeNull();
    expect(latestVitals([])).toBeNull();
  });
});
