// The server's side of the SDC rules (corpus form 21), against a real SQLite file: a
// targetConstraint warning is accepted, an error refused; an answerExpression answer outside the
// form's own list refused; a calculation on %patient recomputed with the patient the server
// holds (any version she had, so a tablet that missed an identity fix is not refused, but never
// a birth date she never had).
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entry } from '../../src/domain/entry';
import {
  buildResponse, computeForm, emptyRow, initialValues, loadFormsEngine, patientEnv, setAnswers, startValues, type FormsEngine,
  type LaunchPatientFields, type Questionnaire, type QuestionnaireResponse,
} from '../../src/domain/questionnaire';
import { GLOBAL_SCOPE } from '../../src/domain/scope';
import type { Store } from '../../src/server/store/open-store';
import { importCorpus } from '../domain/questionnaire-corpus';
import { amendOf, closeAll, entryBy, login, patientsOf, push, testApp, type Tablet } from './helpers';

describe('form rules on the server', () => {
  let app: FastifyInstance;
  let store: Store;
  let nurse: Tablet;
  let charge: Tablet;
  let engine: FormsEngine;
  let q: Questionnaire;
  let patient: Entry;
  beforeAll(async () => {
    ({ app, store } = await testApp());
    nurse = await login(app, 'demo-nurse');
    charge = await login(app, 'demo-charge');
    const admin = await login(app, 'demo-admin');
    engine = await loadFormsEngine();
    q = importCorpus('21-form-behavior-rules', engine).template!;
    patient = (await patientsOf(store, 'MED'))[0]!;
    expect((await push(app, admin, [await entryBy(admin, { docType: 'template', scope: GLOBAL_SCOPE, body: q })])).results[0]).toMatchObject({ status: 'accepted' });
  });
  afterAll(async () => closeAll(app, store));

  /** The form as a tablet holding `who` would compute it. */
  function response(who: LaunchPatientFields, extra: { debit?: string; suspect?: string; retrait?: string } = {}): QuestionnaireResponse {
    const env = patientEnv(patient.docId, who);
    let v = startValues(q, initialValues(q.item), engine, env);
    v = { ...v, groups: { ...v.groups, produits: [setAnswers(setAnswers(emptyRow(), [], 'produit', ['Héparine']), [], 'debit', [extra.debit ?? '20'])] } };
    if (extra.suspect) v = setAnswers(v, [], 'suspect', [extra.suspect]);
    v = setAnswers(v, [{ linkId: 'horaires', row: 0 }], 'pose', ['08:00']);
    if (extra.retrait) v = setAnswers(v, [{ linkId: 'horaires', row: 0 }], 'retrait', [extra.retrait]);
    return buildResponse(q, computeForm(q, v, engine, env).values, { patientId: patient.docId, authored: '2026-03-02T10:00:00+01:00' });
  }
  const send = async (...bodies: QuestionnaireResponse[]) =>
    (await push(app, nurse, await Promise.all(bodies.map((body) => entryBy(nurse, { patient, docType: 'form', body }))))).results;
  const asHeld = () => patient.body as LaunchPatientFields;

  it('accepts a broken warning rule, refuses a broken error rule and an answer outside the computed list', async () => {
    const results = await send(response(asHeld(), { debit: '400' }), response(asHeld(), { retrait: '07:00' }), response(asHeld(), { suspect: 'Insuline' }), response(asHeld(), { suspect: 'Héparine' }));
    expect(results[0]).toMatchObject({ status: 'accepted' });
    expect(results[1]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/horaires#0\/retrait breaks a rule of the form: L’heure de retrait doit suivre l’heure de pose/) });
    expect(results[2]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/suspect must be one of the listed options/) });
    expect(results[3]).toMatchObject({ status: 'accepted' });
  });

  it('recomputes an age on %patient with the patient it holds, before and after an identity fix', async () => {
    const before = asHeld();
    const fixed = { ...before, birthDate: '1931-02-03' };
    const never = { ...before, birthDate: '1999-09-09' };
    expect(before.birthDate).not.toBe(fixed.birthDate);
    expect((await send(response(before), response(never)))).toMatchObject([
      { status: 'accepted' },
      { status: 'rejected', reason: expect.stringMatching(/identite#0\/age is calculated, and its value does not match its answers/) },
    ]);
    expect((await push(app, charge, [await amendOf(charge, patient, fixed)])).results[0]).toMatchObject({ status: 'accepted' });
    // A tablet that computed before receiving the fix, one after it, and one with a birth date she never had.
    expect(await send(response(before), response(fixed), response(never))).toMatchObject([
      { status: 'accepted' }, { status: 'accepted' }, { status: 'rejected' },
    ]);
  });
});
