// The SDC rules that need the expressions, on the corpus form 21 (modeled on the SDC "advanced
// form behavior" example): answerExpression options computed from the form's own answers, a
// targetConstraint of severity warning (shown, never blocking) and one of severity error
// (blocking), and a calculation on %patient that the tablet and the server compute the same way.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildResponse, checkForm, computeForm, emptyRow, formWarnings, initialValues, loadFormsEngine, patientEnv, rawsOf, responseProblems,
  setAnswers, startValues, withOptions, type Env, type FormValues, type FormsEngine, type Questionnaire,
} from '../../src/domain/questionnaire';
import { fhirErrors } from './fhir-validator';
import { importCorpus } from './questionnaire-corpus';

const PATIENT_ID = '01890a5d-ac96-774b-bcce-b302099a8057';
const LEA = { ipp: '800123', lastName: 'Martin', firstName: 'Léa', birthDate: '1970-05-01', sex: 'F' } as const;
const AGE = String(new Date().getFullYear() - 1970);

let engine: FormsEngine;
let q: Questionnaire;
let env: Env;
beforeAll(async () => {
  engine = await loadFormsEngine();
  q = importCorpus('21-form-behavior-rules', engine).template!;
  env = patientEnv(PATIENT_ID, LEA);
});

/** Two products in the table, then the given answers (linkId → raw) at the top level or in `horaires`. */
function filled(extra: { debit?: string; suspect?: string; pose?: string; retrait?: string } = {}): FormValues {
  let v = startValues(q, initialValues(q.item), engine, env);
  const products = [{ produit: 'NaCl 0,9 %', debit: extra.debit ?? '100' }, { produit: 'Vancomycine', debit: '50' }];
  v = { ...v, groups: { ...v.groups, produits: products.map((p) => setAnswers(setAnswers(emptyRow(), [], 'produit', [p.produit]), [], 'debit', [p.debit])) } };
  if (extra.suspect) v = setAnswers(v, [], 'suspect', [extra.suspect]);
  const at = [{ linkId: 'horaires', row: 0 }];
  if (extra.pose) v = setAnswers(v, at, 'pose', [extra.pose]);
  if (extra.retrait) v = setAnswers(v, at, 'retrait', [extra.retrait]);
  return computeForm(q, v, engine, env).values;
}
const respond = (v: FormValues) => buildResponse(q, v, { patientId: PATIENT_ID, authored: '2026-03-02T10:00:00+01:00' });
const codes = (ps: { code: string }[]) => ps.map((p) => p.code);

describe('answerExpression over the form’s own answers', () => {
  it('offers exactly the products typed in the table, and follows them as they change', () => {
    const two = computeForm(q, filled(), engine, env);
    expect(two.options.get('suspect')).toEqual([{ valueString: 'NaCl 0,9 %' }, { valueString: 'Vancomycine' }]);
    const shown = withOptions(q, two.options).item.find((i) => i.linkId === 'suspect')!;
    expect(shown.answerOption).toEqual([{ valueString: 'NaCl 0,9 %' }, { valueString: 'Vancomycine' }]);
    const one = { ...two.values, groups: { ...two.values.groups, produits: two.values.groups.produits!.slice(1) } };
    expect(computeForm(q, one, engine, env).options.get('suspect')).toEqual([{ valueString: 'Vancomycine' }]);
  });

  it('takes a product of the list and refuses one that is not in it, on the tablet and in the server’s check', () => {
    const good = filled({ suspect: 'Vancomycine' });
    expect(checkForm(q, good, { engine, env })).toEqual([]);
    expect(responseProblems(q, respond(good), { engine, env, patientId: PATIENT_ID })).toEqual([]);
    expect(fhirErrors(respond(good))).toEqual([]);
    const other = filled({ suspect: 'Amoxicilline' });
    expect(codes(checkForm(q, other, { engine, env }))).toEqual(['notAnOption']);
    expect(codes(responseProblems(q, respond(other), { engine, env, patientId: PATIENT_ID }))).toEqual(['notAnOption']);
  });
});

describe('targetConstraint severity', () => {
  it('a warning (flow above 250 mL/h) is reported as a warning and does not block the save or the server', () => {
    const fast = filled({ debit: '300' });
    expect(checkForm(q, fast, { engine, env })).toEqual([]);
    expect(formWarnings(q, fast, { engine, env })).toEqual([
      { key: 'produits#0/debit', linkId: 'debit', code: 'constraintWarning', detail: 'Débit au-dessus de 250 mL/h : vérifiez la prescription.' },
    ]);
    expect(responseProblems(q, respond(fast), { engine, env, patientId: PATIENT_ID })).toEqual([]);
    expect(formWarnings(q, filled(), { engine, env })).toEqual([]);
  });

  it('an error (removal before insertion) blocks the save and is refused by the server’s check', () => {
    const backwards = filled({ pose: '10:00', retrait: '09:30' });
    const blocking = checkForm(q, backwards, { engine, env });
    expect(blocking).toEqual([{ key: 'horaires#0/retrait', linkId: 'retrait', code: 'constraintFailed', detail: 'L’heure de retrait doit suivre l’heure de pose.' }]);
    expect(formWarnings(q, backwards, { engine, env })).toEqual([]);
    expect(codes(responseProblems(q, respond(backwards), { engine, env, patientId: PATIENT_ID }))).toEqual(['constraintFailed']);
    expect(checkForm(q, filled({ pose: '10:00', retrait: '11:30' }), { engine, env })).toEqual([]);
  });
});

describe('%patient in a calculation', () => {
  it('computes the age from the Relève patient, and the check refuses an age that does not follow from her', () => {
    const v = filled();
    expect(rawsOf(v.groups.identite![0]!, 'age')).toEqual([AGE]);
    expect(rawsOf(v.groups.identite![0]!, 'nom')).toEqual(['Martin']);
    expect(responseProblems(q, respond(v), { engine, env, patientId: PATIENT_ID })).toEqual([]);
    // The check must have the patient: without her the age computes to nothing and the response is refused.
    expect(codes(responseProblems(q, respond(v), { engine, patientId: PATIENT_ID }))).toEqual(['calculatedMismatch']);
    const older = patientEnv(PATIENT_ID, { ...LEA, birthDate: '1960-05-01' });
    expect(responseProblems(q, respond(v), { engine, env: older, patientId: PATIENT_ID })).toEqual([
      expect.objectContaining({ code: 'calculatedMismatch', linkId: 'age', detail: `given ${AGE}, computed ${Number(AGE) + 10}` }),
    ]);
  });
});
