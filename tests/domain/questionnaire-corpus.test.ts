// The corpus of Questionnaires modeled on published forms (tests/fixtures/questionnaires/README.md):
// how each imports, what its calculations give, and that a response whose calculated value does
// not follow from its answers is refused by the checks the server runs.
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildResponse, checkForm, computeForm, fieldKey, indexItems, loadFormsEngine, rawsOf, responseProblems, rowAt, startValues,
  initialValues, walkItems, type FormsEngine, type Questionnaire, type QuestionnaireResponse, type ResponseItem,
} from '../../src/domain/questionnaire';
import { fhirErrors } from './fhir-validator';
import { CALCULATIONS, CORPUS_DIR, fill, importCorpus } from './questionnaire-corpus';

const FORMS = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.json') && !f.includes('.ValueSet')).map((f) => f.replace(/\.json$/, ''));

/** Each form that does not import, and exactly why. */
const REFUSED: Record<string, { code: string; name?: string }[]> = {
  '10-all-data-types': ['meaning|type|url', 'meaning|type|attachment', 'meaning|type|reference'].map((name) => ({ code: 'meaningNotAccepted', name })),
  '13-argonaut-phq9-stu3': [{ code: 'notR4', name: 'stu3Option' }],
  '14-weight-height-stu3': [{ code: 'notR4', name: 'stu3Initial' }],
  '16-health-check-fhir-query': [
    'meaning|expressionLanguage|http://hl7.org/fhir/StructureDefinition/variable (application/x-fhir-query)',
    'meaning|extension|http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-answerOptionsToggleExpression',
  ].map((name) => ({ code: 'meaningNotAccepted', name })),
  '19-lifelines-r5': [{ code: 'notR4', name: 'r5Type' }],
  '20-filtered-value-set': [{ code: 'meaningNotAccepted', name: 'meaning|valueSetNotExpandable|#diag' }],
};

let engine: FormsEngine;
beforeAll(async () => {
  engine = await loadFormsEngine();
});

const template = (form: string) => importCorpus(form, engine).template!;
const rawAt = (q: Questionnaire, values: ReturnType<typeof fill>, linkId: string) => {
  const groups = indexItems(q).get(linkId)!.ancestors.filter((a) => a.type === 'group');
  return rawsOf(rowAt(values, groups.map((g) => ({ linkId: g.linkId, row: 0 })))!, linkId)[0] ?? '';
};
const respond = (q: Questionnaire, values: ReturnType<typeof fill>) =>
  buildResponse(q, values, { patientId: '01890a5d-ac96-774b-bcce-b302099a8057', authored: '2026-03-02T10:00:00+01:00' });

function mapItems(items: ResponseItem[] | undefined, linkId: string, change: (i: ResponseItem) => ResponseItem): ResponseItem[] | undefined {
  return items?.map((i) => (i.linkId === linkId ? change(i) : { ...i, ...(i.item ? { item: mapItems(i.item, linkId, change) } : {}) }));
}

describe('the corpus imports as the admin would see it', () => {
  it('has at least 15 forms, and at least 12 import with nothing that changes their meaning left out', () => {
    expect(FORMS.length).toBeGreaterThanOrEqual(15);
    const imported = FORMS.filter((f) => importCorpus(f, engine).template);
    expect(imported.length).toBeGreaterThanOrEqual(12);
    expect(imported.sort()).toEqual(FORMS.filter((f) => !(f in REFUSED)).sort());
  });

  it.each(FORMS)('%s', (form) => {
    const r = importCorpus(form, engine);
    if (form in REFUSED) {
      expect(r.template).toBeUndefined();
      expect(r.blocking).toEqual(REFUSED[form]);
      return;
    }
    expect(r.blocking).toEqual([]);
    expect(r.report.filter((l) => l.effect === 'meaning')).toEqual([]);
    expect(fhirErrors(r.template)).toEqual([]);
  });

  it('collapses repeats and names every item and extension (the lforms PHQ-9)', () => {
    const r = importCorpus('01-phq9-lforms', engine);
    const prefix = r.report.find((l) => l.name.endsWith('questionnaire-optionPrefix'))!;
    expect(prefix).toMatchObject({ effect: 'look', name: 'answerOption.extension http://hl7.org/fhir/StructureDefinition/questionnaire-optionPrefix', count: 36 });
    expect(prefix.items[0]).toEqual({ linkId: '/44250-9', text: 'Peu d’intérêt ou de plaisir à faire les choses' });
    expect(r.report.map((l) => l.effect)).toEqual(['look', 'look', 'metadata', 'metadata', 'metadata']);
  });

  it('a form with an accepted loss imports without what was lost', () => {
    const r = importCorpus('10-all-data-types', engine, REFUSED['10-all-data-types']!.map((b) => b.name!));
    expect([...indexItems(r.template!).keys()]).toEqual(['b', 'd', 'i', 'dt', 't', 's', 'tx', 'q']);
  });

  it('keeps a contained value set as options with their scores, and an external one given as a file', () => {
    const sdc = template('07-phq9-sdc-contained');
    expect(sdc.item[0]!.item![0]!.answerOption![3]).toMatchObject({ valueCoding: { code: 'LA6571-9' }, extension: [{ valueDecimal: 3 }] });
    const ext = template('17-external-value-set');
    expect(ext.item[0]!.item![0]!.answerOption!.map((o) => o.valueCoding!.code)).toEqual(['LA33-6', 'LA32-8', 'LA4489-6']);
    expect(ext.contained![0]!.url).toBe('http://loinc.org/vs/LL2201-3');
  });

  it.each(FORMS.filter((f) => !(f in REFUSED)))('%s: every value set kept with it is referenced by its options, and every reference resolves', (form) => {
    const q = template(form);
    const ids = (q.contained ?? []).map((vs) => vs.id);
    const refs = new Set<string>();
    walkItems(q.item, (item) => {
      for (const o of item.answerOption ?? []) for (const e of o.valueCoding?.extension ?? []) refs.add(e.valueUri);
    });
    // FHIR's dom-3: a contained resource is referred to from elsewhere in the resource.
    expect(ids.map((id) => `#${id}`).sort()).toEqual([...refs].sort());
    // The responses still carry plain codings: the reference is the template's, not the answer's.
    if (form === '07-phq9-sdc-contained') {
      expect(ids).toEqual(['VSPHQ9']);
      const c = CALCULATIONS.find((x) => x.form === form)!;
      const response = respond(q, computeForm(q, fill(q, c.answers), engine).values);
      expect(JSON.stringify(response)).not.toContain('valueset-reference');
    }
  });
});

describe('calculations, recomputed as the server does', () => {
  it.each(CALCULATIONS.map((c) => [c.form, c] as const))('%s computes the expected value and refuses a tampered one', (_f, c) => {
    const q = template(c.form);
    const values = computeForm(q, fill(q, c.answers), engine).values;
    expect(rawAt(q, values, c.total)).toBe(c.expected);
    expect(checkForm(q, values, { engine })).toEqual([]);
    const response = respond(q, values);
    expect(fhirErrors(response)).toEqual([]);
    expect(responseProblems(q, response, { engine })).toEqual([]);
    const tampered: QuestionnaireResponse = {
      ...response,
      item: mapItems(response.item, c.total, (i) => ({ ...i, answer: i.answer!.map((a) => (a.valueCoding ? { valueCoding: { ...a.valueCoding, code: 'LA19983-8' } } : a.valueInteger !== undefined ? { valueInteger: a.valueInteger + 2 } : { valueDecimal: a.valueDecimal! + 1 })) })),
    };
    expect(responseProblems(q, tampered, { engine }).map((p) => p.code)).toContain('calculatedMismatch');
  });

  it('refuses a PHQ-9 total of 2 when every answer scored 0', () => {
    const q = template('01-phq9-lforms');
    const zeros = computeForm(q, fill(q, Object.fromEntries(q.item.slice(0, 9).map((i) => [i.linkId, 'LA6568-5']))), engine).values;
    const response = respond(q, zeros);
    expect(response.item!.at(-1)).toMatchObject({ linkId: '/44261-6', answer: [{ valueInteger: 0 }] });
    const two = { ...response, item: mapItems(response.item, '/44261-6', (i) => ({ ...i, answer: [{ valueInteger: 2 }] })) };
    expect(responseProblems(q, two, { engine })).toEqual([expect.objectContaining({ code: 'calculatedMismatch', linkId: '/44261-6', detail: 'given 2, computed 0' })]);
  });

  it('fills initialExpression values from %patient', () => {
    const q = template('05-cardiac-risk-points');
    const patient = { resourceType: 'Patient', birthDate: '1970-05-01', gender: 'male', name: [{ family: 'Martin' }] };
    const v = startValues(q, initialValues(q.item), engine, { patient });
    expect(rawsOf(v, 'age')).toEqual([String(new Date().getFullYear() - 1970)]);
    expect(rawsOf(v, 'sex')).toEqual(['male']);
    const init = template('12-initial-values');
    const w = startValues(init, initialValues(init.item), engine, { patient });
    expect([rawsOf(w, 'nom'), rawsOf(w, 'repas'), rawsOf(w, 'allergies'), rawsOf(w, 'poids')]).toEqual([['Martin'], ['Normal'], ['Aucune connue'], ['70 kg']]);
    expect(fhirErrors(respond(init, w))).toEqual([]);
  });

  it('checks a targetConstraint (at least three answers) with its own wording', () => {
    const q = template('08-item-weight-constraint');
    const two = computeForm(q, fill(q, { '1.1': 'LA6570-1', '1.2': 'LA6571-9' }), engine).values;
    expect(checkForm(q, two, { engine })).toEqual([{ key: '1.0', linkId: '1.0', code: 'constraintFailed', detail: 'Répondez à au moins trois questions pour que le total ait un sens.' }]);
  });

  it('a hidden working value is computed and saved, but never typed', () => {
    const c = CALCULATIONS.find((x) => x.form === '18-bmi-quantities')!;
    const q = template(c.form);
    const values = computeForm(q, fill(q, c.answers), engine).values;
    expect(rawsOf(values, 'imc-cache')).toEqual(['22.86']);
    expect(respond(q, values).item!.find((i) => i.linkId === 'poids')!.answer).toEqual([{ valueQuantity: { value: 154.32, unit: 'lb', system: 'http://unitsofmeasure.org', code: '[lb_av]' } }]);
  });

  it('enableWhenExpression shows a question only when its rule holds', () => {
    const q = template('11-enable-when-rules');
    const low = computeForm(q, fill(q, { douleur: '5', antalgique: 'true' }), engine);
    const high = computeForm(q, fill(q, { douleur: '8', antalgique: 'true' }), engine);
    expect([low.expressionEnabled.get(fieldKey([], 'reeval')), high.expressionEnabled.get(fieldKey([], 'reeval'))]).toEqual([false, true]);
    const answered = fill(q, { douleur: '5', antalgique: 'true', reeval: '14:00' });
    expect(responseProblems(q, respond(q, answered), { engine }).map((p) => p.code)).toEqual(['disabledAnswered']);
  });
});

describe('limits, on the tablet and the server', () => {
  it('refuses an SpO₂ of 960 % and a temperature with two decimals, naming the question', () => {
    const q = template('03-vital-signs-panel');
    const v = fill(q, { '/59408-5': '960', '/8310-5': '37,25', '/8480-6': '120' });
    const problems = checkForm(q, v);
    expect(problems.map((p) => [p.linkId, p.code, p.limit])).toEqual([['/59408-5', 'aboveMax', '100'], ['/8310-5', 'tooManyDecimals', '1']]);
    expect(responseProblems(q, respond(q, v)).map((p) => p.code)).toEqual(['aboveMax', 'tooManyDecimals']);
  });

  it('checks minLength on text and nested follow-up questions only once their parent is answered', () => {
    const q = template('04-family-history');
    const v = fill(q, { '/54126-8/54125-0': 'A', '/54114-4/54139-1/age': '70' });
    expect(checkForm(q, v).map((p) => [p.linkId, p.code])).toEqual([['/54126-8/54125-0', 'tooShort']]);
    const dead = fill(q, { '/54126-8/54125-0': 'Durand', '/54114-4/54136-7': 'LA10415-2', '/54114-4/54139-1': 'false', '/54114-4/54139-1/age': '70' });
    const response = respond(q, dead);
    expect(fhirErrors(response)).toEqual([]);
    expect(responseProblems(q, response)).toEqual([]);
    const member = response.item!.find((i) => i.linkId === '/54114-4')!;
    expect(member.item![1]).toEqual({ linkId: '/54114-4/54139-1', text: 'Vivant', answer: [{ valueBoolean: false, item: [{ linkId: '/54114-4/54139-1/age', text: 'Âge au décès', answer: [{ valueInteger: 70 }] }] }] });
  });
});
