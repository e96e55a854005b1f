// The test corpus of Questionnaires (tests/fixtures/questionnaires, see its README): how each
// imports, and for the forms with a calculation, answers and the value the publisher's rule (or a
// hand computation) gives. Shared by the domain test, the server test and the e2e test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  emptyRow, importQuestionnaire, indexItems, setAnswers, type FormValues, type FormsEngine, type ImportResult, type Metadata, type Questionnaire,
} from '../../src/domain/questionnaire';
import { templateBody } from '../../src/domain/schemas/template';

export const CORPUS_DIR = join(import.meta.dirname, '..', 'fixtures', 'questionnaires');

function corpusText(name: string): string {
  return readFileSync(join(CORPUS_DIR, `${name}.json`), 'utf8');
}

/** What the admin supplies for the corpus forms that ask for it. */
const ADMIN_ANSWERS: Record<string, { metadata?: Metadata; valueSets?: string[] }> = {
  '01-phq9-lforms': { metadata: { url: 'https://chu.example/fhir/Questionnaire/phq9', version: '2024.1', title: 'PHQ-9 (dépistage de la dépression)' } },
  '02-weight-height-bmi': { metadata: { version: '2024-05-02' } },
  '17-external-value-set': { valueSets: ['17-external-value-set.ValueSet'] },
};

export function importCorpus(name: string, engine: FormsEngine, accepted: string[] = []): ImportResult {
  const admin = ADMIN_ANSWERS[name] ?? {};
  return importQuestionnaire(corpusText(name), templateBody, {
    engine,
    accepted,
    ...(admin.metadata ? { metadata: admin.metadata } : {}),
    ...(admin.valueSets ? { valueSets: admin.valueSets.map((f) => JSON.parse(corpusText(f)) as unknown) } : {}),
  });
}

/** Answers by linkId (raw text as typed), each put in the first row of its groups. */
export function fill(q: Questionnaire, answers: Record<string, string>, start: FormValues = emptyRow()): FormValues {
  const index = indexItems(q);
  let v = start;
  for (const [linkId, raw] of Object.entries(answers)) {
    const groups = index.get(linkId)!.ancestors.filter((a) => a.type === 'group');
    v = setAnswers(v, groups.map((g) => ({ linkId: g.linkId, row: 0 })), linkId, [raw]);
  }
  return v;
}

export interface Calculation {
  form: string;
  answers: Record<string, string>;
  /** The calculated item and the value expected, as the form shows it. */
  total: string;
  expected: string;
  /** Where the expected value comes from. */
  source: string;
}

const PHQ = ['LA6569-3', 'LA6570-1', 'LA6568-5', 'LA6571-9', 'LA6569-3', 'LA6568-5', 'LA6570-1', 'LA6569-3', 'LA6568-5'];
const PHQ_LFORMS = ['44250-9', '44255-8', '44259-0', '44254-1', '44251-7', '44258-2', '44252-5', '44253-3', '44260-8'];

export const CALCULATIONS: Calculation[] = [
  {
    form: '01-phq9-lforms', total: '/44261-6', expected: '10', source: 'PHQ-9 scoring: 1+2+0+3+1+0+2+1+0',
    answers: Object.fromEntries(PHQ_LFORMS.map((c, i) => [`/${c}`, PHQ[i]!])),
  },
  { form: '02-weight-height-bmi', total: '/39156-5', expected: '22.9', source: '70 / 1.75² = 22.86, rounded to 1 place', answers: { '/29463-7': '70', '/8302-2': '175' } },
  { form: '05-cardiac-risk-points', total: 'points', expected: '6', source: 'age 52 → 2, smoker → 2, SBP 150 → 1, HDL 0.9 → 1', answers: { age: '52', sex: 'male', smoker: 'true', sbp: '150', hdl: '0,9' } },
  { form: '06-hunger-vital-sign', total: '/88124-3', expected: 'LA19952-3', source: 'Hunger Vital Sign: “sometimes true” to either question = at risk', answers: { '/88122-7': 'LA6729-3', '/88123-5': 'LA28398-8' } },
  {
    form: '07-phq9-sdc-contained', total: 'H1/T1/TS', expected: '10', source: 'same answers as the lforms PHQ-9: 10',
    answers: Object.fromEntries(PHQ.map((c, i) => [`H1/T1/Q${i + 1}`, c])),
  },
  { form: '08-item-weight-constraint', total: '6', expected: '5', source: 'weights 2 + 3 + 0', answers: { '1.1': 'LA6570-1', '1.2': 'LA6571-9', '1.3': 'LA6568-5' } },
  {
    form: '15-apgar', total: '/9272-6', expected: '8', source: 'Apgar: 2 + 2 + 1 + 2 + 1',
    answers: { '/apgar/1': 'LA6718-6', '/apgar/2': 'LA6721-0', '/apgar/3': 'LA6714-5', '/apgar/4': 'LA6724-4', '/apgar/5': 'LA6725-1' },
  },
  { form: '18-bmi-quantities', total: 'imc', expected: '22.9', source: '154.32 lb = 70.0 kg; 70.0 / 1.75² = 22.86 → 22.9', answers: { poids: '154,32 [lb_av]', taille: '175 cm' } },
];
