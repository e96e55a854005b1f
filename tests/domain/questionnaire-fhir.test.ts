// Every seeded template, and every response the engine builds from it, is valid FHIR R4 by the
// official FHIR JSON schema (through a real validator, not our own types).
import { describe, expect, it } from 'vitest';
import {
  addRow, buildResponse, checkValues, importQuestionnaire, initialValues, isQuestion, limitsOf, optionKey, setAnswers,
  type FormValues, type Questionnaire, type QuestionnaireItem, type RowPath,
} from '../../src/domain/questionnaire';
import { templateBody } from '../../src/domain/schemas/template';
import { DEMO_TEMPLATES } from '../../src/server/seed/templates';
import { fhirErrors } from './fhir-validator';

function withinLimits(item: QuestionnaireItem, v: number): number {
  const { min, max } = limitsOf(item);
  if (typeof min === 'number' && typeof max === 'number' && (v < min || v > max)) return Math.round(((min + max) / 2) * 10) / 10;
  return v;
}

/** A plausible answer of each type, short enough for any maxLength. */
function sample(item: QuestionnaireItem, n: number): string {
  switch (item.type) {
    case 'boolean': return n % 2 ? 'false' : 'true';
    // Within the item's plausibility limits, when it has some.
    case 'integer': return String(withinLimits(item, 60 + n));
    case 'decimal': return String(withinLimits(item, 37 + n / 10)).replace('.', ',');
    case 'date': return '1950-03-0' + ((n % 8) + 1);
    case 'dateTime': return `2026-03-02T0${n % 10}:30`;
    case 'time': return `1${n % 10}:15`;
    case 'choice':
    case 'open-choice': return optionKey(item.answerOption![n % item.answerOption!.length]!);
    default: return `R${n}`.slice(0, item.maxLength ?? 10);
  }
}

/** Fills every question of a template, two rows per repeating group. */
function fillAll(items: readonly QuestionnaireItem[], values: FormValues, path: RowPath, n = 0): FormValues {
  let v = values;
  for (const item of items) {
    if (item.type === 'group') {
      if (item.repeats) v = addRow(v, path, item);
      for (const row of item.repeats ? [0, 1] : [0]) v = fillAll(item.item ?? [], v, [...path, { linkId: item.linkId, row }], n + row + 1);
    } else if (isQuestion(item) && !item.readOnly) {
      v = setAnswers(v, path, item.linkId, item.repeats ? [sample(item, n), sample(item, n + 1)] : [sample(item, n)]);
    } else if (item.readOnly) v = setAnswers(v, path, item.linkId, ['TMP-7K3M9QXA-0001']);
  }
  return v;
}

describe('FHIR R4 validity', () => {
  it('the validator does catch an invalid resource (so a pass means something)', () => {
    expect(fhirErrors({ resourceType: 'Questionnaire', status: 'active', item: [{ linkId: 'a', type: 'string', colour: 'red' }] })).not.toEqual([]);
    expect(fhirErrors({ resourceType: 'QuestionnaireResponse', status: 'done' })).not.toEqual([]);
  });

  it.each(DEMO_TEMPLATES.map((q) => [q.name!, q] as const))('template %s is valid FHIR R4, within our subset, and imports unchanged', (_n, q) => {
    expect(fhirErrors(q)).toEqual([]);
    expect(templateBody.safeParse(q).success).toBe(true);
    const imported = importQuestionnaire(JSON.stringify(q), templateBody);
    expect(imported.report).toEqual([]);
    expect(imported.blocking).toEqual([]);
    expect(imported.template).toEqual(q);
  });

  it.each(DEMO_TEMPLATES.map((q) => [q.name!, q] as const))('a response built from %s is valid FHIR R4', (_n, q: Questionnaire) => {
    const values = fillAll(q.item, initialValues(q.item), []);
    const response = buildResponse(q, values, { patientId: '0195f3a0-0000-7000-8000-000000000001', authored: '2026-03-02T21:00:00+01:00', authorName: 'Camille Martin' });
    expect(response.item!.length).toBeGreaterThan(0);
    expect(fhirErrors(response)).toEqual([]);
    // and it passes the engine's own checks, so the server would take it
    expect(checkValues(q, values).filter((p) => p.code !== 'required')).toEqual([]);
  });
});
