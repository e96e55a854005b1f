// The server recomputes every calculated value (with the same FHIRPath engine as the tablet) and
// checks every limit, against a real SQLite file: each corpus form with a calculation is pushed
// once as filled and accepted, once with a tampered total and rejected; an SpO₂ of 960 % on the
// seeded vitals flowsheet is rejected.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entry } from '../../src/domain/entry';
import {
  buildResponse, computeForm, initialValues, loadFormsEngine, setAnswers, type FormsEngine, type QuestionnaireResponse, type ResponseItem,
} from '../../src/domain/questionnaire';
import { GLOBAL_SCOPE } from '../../src/domain/scope';
import type { Store } from '../../src/server/store/open-store';
import { DEMO_TEMPLATES } from '../../src/server/seed/templates';
import { fhirErrors } from '../domain/fhir-validator';
import { CALCULATIONS, fill, importCorpus } from '../domain/questionnaire-corpus';
import { closeAll, entryBy, login, patientsOf, push, testApp, type Tablet } from './helpers';

function tamper(items: ResponseItem[] | undefined, linkId: string): ResponseItem[] | undefined {
  return items?.map((i) => {
    if (i.linkId !== linkId) return { ...i, ...(i.item ? { item: tamper(i.item, linkId) } : {}) };
    const a = i.answer![0]!;
    const changed = a.valueCoding ? { valueCoding: { ...a.valueCoding, code: 'LA19983-8' } } : a.valueInteger !== undefined ? { valueInteger: a.valueInteger + 3 } : { valueDecimal: a.valueDecimal! + 1 };
    return { ...i, answer: [changed] };
  });
}

describe('calculated values and limits on the server', () => {
  let app: FastifyInstance;
  let store: Store;
  let nurse: Tablet;
  let admin: Tablet;
  let engine: FormsEngine;
  let patient: Entry;
  beforeAll(async () => {
    ({ app, store } = await testApp());
    nurse = await login(app, 'demo-nurse');
    admin = await login(app, 'demo-admin');
    engine = await loadFormsEngine();
    patient = (await patientsOf(store, 'MED'))[0]!;
  });
  afterAll(async () => closeAll(app, store));

  const formBy = async (body: QuestionnaireResponse) => entryBy(nurse, { patient, docType: 'form', body });

  it.each(CALCULATIONS.map((c) => [c.form, c] as const))('%s: the true total is accepted, a tampered one rejected', async (_f, c) => {
    const q = importCorpus(c.form, engine).template!;
    expect((await push(app, admin, [await entryBy(admin, { docType: 'template', scope: GLOBAL_SCOPE, body: q })])).results[0]).toMatchObject({ status: 'accepted' });
    const response = buildResponse(q, computeForm(q, fill(q, c.answers), engine).values, { patientId: patient.docId, authored: '2026-03-02T10:00:00+01:00' });
    expect(fhirErrors(response)).toEqual([]);
    const tampered = { ...response, item: tamper(response.item, c.total) };
    const results = (await push(app, nurse, [await formBy(response), await formBy(tampered)])).results;
    expect(results[0]).toMatchObject({ status: 'accepted' });
    expect(results[1]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(new RegExp(`${c.total.replace(/[/.]/g, '\\$&')} is calculated, and its value does not match its answers`)) });
  });

  it('rejects an SpO₂ of 960 % on the seeded vitals flowsheet, and takes 96 %', async () => {
    const q = DEMO_TEMPLATES.find((t) => t.url.endsWith('vital-signs'))!;
    const row = (spo2: string) => {
      let v = initialValues(q.item);
      const at = [{ linkId: 'vitals', row: 0 }];
      v = setAnswers(v, at, 'vs-time', ['2026-03-02T10:00']);
      v = setAnswers(v, at, 'vs-spo2', [spo2]);
      v = setAnswers(v, at, 'vs-initials', ['MD']);
      return buildResponse(q, v, { patientId: patient.docId, authored: '2026-03-02T10:05:00+01:00' });
    };
    const results = (await push(app, nurse, [await formBy(row('960')), await formBy(row('96'))])).results;
    expect(results[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/vs-spo2 is above the maximum \(100\)/) });
    expect(results[1]).toMatchObject({ status: 'accepted' });
  });
});
