// Importing a Questionnaire from elsewhere: everything outside the supported subset is listed,
// element by element, and nothing else changes; what the engine cannot work with blocks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importQuestionnaire, indexItems } from '../../src/domain/questionnaire';
import { templateBody } from '../../src/domain/schemas/template';

const foreign = readFileSync(join(import.meta.dirname, 'fixtures', 'questionnaire-foreign.json'), 'utf8');

describe('importing a Questionnaire', () => {
  const accepted = ['meaning|type|attachment', 'meaning|valueSetMissing|http://example.org/ValueSet/risky-meds', 'meaning|type|reference'];
  const refused = importQuestionnaire(foreign, templateBody);
  const result = importQuestionnaire(foreign, templateBody, { accepted });

  it('reports what is left out, grouped by effect, naming the items', () => {
    expect(refused.report.map((l) => [l.key, l.count, l.items.map((i) => `${i.text} (${i.linkId})`).join(', ')])).toEqual([
      ['meaning|type|attachment', 1, 'Photo de la plaie (photo)'],
      ['meaning|valueSetMissing|http://example.org/ValueSet/risky-meds', 1, 'Médicaments à risque (meds)'],
      ['meaning|type|reference', 1, 'Dispositif (device)'],
      ['metadata|rootAttribute|meta', 1, ''],
    ]);
    expect(refused.valueSetsNeeded).toEqual(['http://example.org/ValueSet/risky-meds']);
  });

  it('refuses until each meaning-changing line is accepted', () => {
    expect(refused.template).toBeUndefined();
    expect(refused.blocking).toEqual(accepted.map((name) => ({ code: 'meaningNotAccepted', name })));
    expect(importQuestionnaire(foreign, templateBody, { accepted: accepted.slice(1) }).template).toBeUndefined();
  });

  it('keeps everything else as it was', () => {
    expect(result.blocking).toEqual([]);
    const kept = [...indexItems(result.template!).keys()];
    expect(kept).toEqual(['history', 'count', 'weight', 'bmi-note', 'mobility', 'extra', 'gait']);
    expect(result.template!.item.find((i) => i.linkId === 'count')!.enableWhen).toEqual([{ question: 'history', operator: '=', answerBoolean: true }]);
    expect(result.template!.item.find((i) => i.linkId === 'history')!.prefix).toBe('1.');
    expect(result.template!.item.find((i) => i.linkId === 'mobility')!.code).toEqual([{ system: 'http://loinc.org', code: '0000-0' }]);
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
    ['an STU3 option list', JSON.stringify({ resourceType: 'Questionnaire', status: 'active', item: [{ linkId: 'a', type: 'choice', option: [{ valueString: 'x' }] }] }), 'notR4'],
    ['no status', JSON.stringify({ resourceType: 'Questionnaire', item: [{ linkId: 'a', type: 'string' }] }), 'notR4'],
  ])('blocks %s', (_name, text, code) => {
    const r = importQuestionnaire(text, templateBody);
    expect(r.template).toBeUndefined();
    expect(r.blocking.map((b) => b.code)).toContain(code);
  });

  it('asks for a missing url, version and title, with proposals, then imports', () => {
    const bare = JSON.stringify({ resourceType: 'Questionnaire', id: 'gait-check', name: 'GaitCheck', status: 'active', item: [{ linkId: 'a', type: 'string', text: 'Démarche' }] });
    const asked = importQuestionnaire(bare, templateBody);
    expect(asked.template).toBeUndefined();
    expect(asked.blocking).toEqual([]);
    expect(asked.missing).toEqual([
      { field: 'url', proposal: 'https://releve.example/fhir/Questionnaire/imported/gait-check' },
      { field: 'version', proposal: '1' },
      { field: 'title', proposal: 'Gait Check' },
    ]);
    const done = importQuestionnaire(bare, templateBody, { metadata: { url: 'https://h.example/q/gait', version: '2', title: 'Marche' } });
    expect(done.template).toMatchObject({ url: 'https://h.example/q/gait', version: '2', title: 'Marche' });
  });
});
