// Importing a Questionnaire from elsewhere: everything outside the supported subset is listed,
// element by element, and nothing else changes; what the engine cannot work with blocks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importQuestionnaire, indexItems } from '../../src/domain/questionnaire';
import { templateBody } from '../../src/domain/schemas/template';

const foreign = readFileSync(join(import.meta.dirname, 'fixtures', 'questionnaire-foreign.json'), 'utf8');

describe('importing a Questionnaire', () => {
  const result = importQuestionnaire(foreign, templateBody);

  it('lists every element left out, one line each', () => {
    const lines = result.leftOut.map((i) => [i.code, i.linkId, i.name].filter(Boolean).join(' '));
    expect(lines.sort()).toEqual([
      'choiceLostOptions meds',
      'conditionOnDropped bmi-note weight',
      'unsupportedAttribute history prefix',
      'unsupportedAttribute meds answerValueSet',
      'unsupportedAttribute mobility code',
      'unsupportedOption mobility valueDate',
      'unsupportedRootAttribute extension',
      'unsupportedRootAttribute meta',
      'unsupportedType device reference',
      'unsupportedType photo attachment',
      'unsupportedType weight quantity',
    ].sort());
  });

  it('keeps everything else as it was', () => {
    expect(result.blocking).toEqual([]);
    const kept = [...indexItems(result.template!).keys()];
    expect(kept).toEqual(['history', 'count', 'bmi-note', 'mobility', 'extra', 'gait']);
    expect(result.template!.item.find((i) => i.linkId === 'count')!.enableWhen).toEqual([{ question: 'history', operator: '=', answerBoolean: true }]);
    expect(result.template!.item.find((i) => i.linkId === 'bmi-note')!.enableWhen).toBeUndefined();
    expect(result.template).toMatchObject({ url: 'https://example.org/fhir/Questionnaire/falls-risk', version: '2.1', title: 'Évaluation du risque de chute' });
  });

  it.each([
    ['not JSON', '{oops', 'notJson'],
    ['not a Questionnaire', JSON.stringify({ resourceType: 'Patient' }), 'notQuestionnaire'],
    ['a duplicated linkId', JSON.stringify({ resourceType: 'Questionnaire', url: 'u', version: '1', title: 't', status: 'active', item: [{ linkId: 'a', type: 'string' }, { linkId: 'a', type: 'string' }] }), 'duplicateLinkId'],
    ['a condition on an unknown question', JSON.stringify({ resourceType: 'Questionnaire', url: 'u', version: '1', title: 't', status: 'active', item: [{ linkId: 'a', type: 'string', enableWhen: [{ question: 'zz', operator: 'exists', answerBoolean: true }] }] }), 'conditionUnknownQuestion'],
    ['a condition loop', JSON.stringify({ resourceType: 'Questionnaire', url: 'u', version: '1', title: 't', status: 'active', item: [
      { linkId: 'a', type: 'string', enableWhen: [{ question: 'b', operator: 'exists', answerBoolean: true }] },
      { linkId: 'b', type: 'string', enableWhen: [{ question: 'a', operator: 'exists', answerBoolean: true }] }] }), 'conditionCycle'],
    ['no version', JSON.stringify({ resourceType: 'Questionnaire', url: 'u', title: 't', status: 'active', item: [{ linkId: 'a', type: 'string' }] }), 'badShape'],
  ])('blocks %s', (_name, text, code) => {
    const r = importQuestionnaire(text, templateBody);
    expect(r.template).toBeUndefined();
    expect(r.blocking.map((b) => b.code)).toContain(code);
  });
});
