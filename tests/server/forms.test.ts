// The server's rules for templates and filled forms, against a real SQLite file: a response
// must fit the template version it names (which must exist), the receiver's synthesis must come
// from another person than the author, and a template version never changes.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entry } from '../../src/domain/entry';
import {
  buildResponse, emptyRow, initialValues, setAnswers, canonicalOf, type Questionnaire, type QuestionnaireResponse,
} from '../../src/domain/questionnaire';
import { GLOBAL_SCOPE } from '../../src/domain/scope';
import type { Store } from '../../src/server/store/open-store';
import { DEMO_TEMPLATES } from '../../src/server/seed/templates';
import { closeAll, entryBy, login, patientsOf, push, testApp, type Tablet } from './helpers';

const IPASS_URL = 'https://releve.example/fhir/Questionnaire/handover-ipass';

function ipass(q: Questionnaire, patientId: string): QuestionnaireResponse {
  let v = initialValues(q.item);
  v = setAnswers(v, [], 'severity', ['watcher']);
  v = setAnswers(v, [{ linkId: 'summary', row: 0 }], 'summary-text', ['Pneumopathie, J3 d’antibiotiques, apyrétique']);
  v = setAnswers(v, [{ linkId: 'actions', row: 0 }], 'action-text', ['Contrôle lactates à 6 h']);
  return buildResponse(q, v, { patientId, authored: '2026-03-02T21:00:00+01:00' });
}

describe('forms on the server', () => {
  let app: FastifyInstance;
  let store: Store;
  let nurse: Tablet;
  let nurse2: Tablet;
  let admin: Tablet;
  let med: Entry[];
  let template: Questionnaire;
  beforeAll(async () => {
    ({ app, store } = await testApp());
    nurse = await login(app, 'demo-nurse');
    nurse2 = await login(app, 'demo-nurse2');
    admin = await login(app, 'demo-admin');
    med = await patientsOf(store, 'MED');
    template = DEMO_TEMPLATES.find((t) => t.url === IPASS_URL)!;
  });
  afterAll(async () => closeAll(app, store));

  const formBy = (t: Tablet, patient: Entry, body: unknown) => entryBy(t, { patient, docType: 'form', body });

  it('seeds every demo template as a global template document', async () => {
    const rows = store.sqlite.prepare("select scope, json from entries where doc_type = 'template'").all() as { scope: string; json: string }[];
    expect(rows.map((r) => r.scope)).toEqual(DEMO_TEMPLATES.map(() => GLOBAL_SCOPE));
    expect(rows.map((r) => canonicalOf((JSON.parse(r.json) as Entry).body as Questionnaire)).sort()).toEqual(DEMO_TEMPLATES.map(canonicalOf).sort());
  });

  it('accepts a handover that fits its template version', async () => {
    const form = await formBy(nurse, med[0]!, ipass(template, med[0]!.docId));
    expect((await push(app, nurse, [form])).results[0]).toMatchObject({ status: 'accepted' });
  });

  it('rejects a response that fails its template version, saying why', async () => {
    const body = ipass(template, med[0]!.docId);
    const noSeverity = { ...body, item: body.item!.filter((i) => i.linkId !== 'severity') };
    const badCode = { ...body, item: body.item!.map((i) => (i.linkId === 'severity' ? { ...i, answer: [{ valueCoding: { code: 'dying' } }] } : i)) };
    const extra = { ...body, item: [...body.item!, { linkId: 'blood-type', answer: [{ valueString: 'O+' }] }] };
    const results = (await push(app, nurse, [await formBy(nurse, med[0]!, noSeverity), await formBy(nurse, med[0]!, badCode), await formBy(nurse, med[0]!, extra)])).results;
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(results[0]!.reason).toMatch(/does not fit template .*handover-ipass\|1\.0\.0: severity is required/);
    expect(results[1]!.reason).toMatch(/severity must be one of the listed options/);
    expect(results[2]!.reason).toMatch(/blood-type is not an item of this template/);
  });

  it('rejects a response to an unknown template version', async () => {
    const body = { ...ipass(template, med[1]!.docId), questionnaire: `${IPASS_URL}|9.9.9` };
    const { results } = await push(app, nurse, [await formBy(nurse, med[1]!, body)]);
    expect(results[0]).toMatchObject({ status: 'rejected', reason: `unknown template version ${IPASS_URL}|9.9.9` });
  });

  it('rejects a response whose subject is another patient than the entry’s', async () => {
    const { results } = await push(app, nurse, [await formBy(nurse, med[1]!, ipass(template, med[2]!.docId))]);
    expect(results[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/subject .* is not the entry's patient/) });
  });

  it('takes the receiver’s synthesis from another nurse, never from the author', async () => {
    const form = await formBy(nurse, med[3]!, ipass(template, med[3]!.docId));
    await push(app, nurse, [form]);
    const synthesis = { role: 'receiver', synthesis: 'Repris : surveillance lactates, rappeler l’interne si > 2' };
    const own = await entryBy(nurse, { docId: form.docId, docType: 'form', kind: 'addendum', parents: [form.id], scope: form.scope, patientId: form.patientId!, body: synthesis });
    const other = await entryBy(nurse2, { docId: form.docId, docType: 'form', kind: 'addendum', parents: [form.id], scope: form.scope, patientId: form.patientId!, body: synthesis });
    expect((await push(app, nurse, [own])).results[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/another person than the handover’s author/) });
    expect((await push(app, nurse2, [other])).results[0]).toMatchObject({ status: 'accepted' });
    // An ordinary addendum by the author is still fine.
    const note = await entryBy(nurse, { docId: form.docId, docType: 'form', kind: 'addendum', parents: [form.id], scope: form.scope, patientId: form.patientId!, body: { text: 'Lactates 1,4 à 6 h' } });
    expect((await push(app, nurse, [note])).results[0]).toMatchObject({ status: 'accepted' });
  });

  it('lets only an admin write templates, never changes a version, and takes a new version as a new document', async () => {
    const v2: Questionnaire = { ...template, version: '2.0.0', item: [...template.item, { linkId: 'extra', type: 'string', text: 'Remarque' }] };
    const byNurse = await entryBy(nurse, { docType: 'template', scope: GLOBAL_SCOPE, body: v2 });
    expect((await push(app, nurse, [byNurse])).results[0]).toMatchObject({ status: 'rejected' });
    const created = await entryBy(admin, { docType: 'template', scope: GLOBAL_SCOPE, body: v2 });
    const again = await entryBy(admin, { docType: 'template', scope: GLOBAL_SCOPE, body: v2 });
    const amend = await entryBy(admin, { docId: created.docId, docType: 'template', kind: 'amend', parents: [created.id], scope: GLOBAL_SCOPE, body: { ...v2, title: 'Autre' } });
    const results = (await push(app, admin, [created, again, amend])).results;
    expect(results.map((r) => r.status)).toEqual(['accepted', 'rejected', 'rejected']);
    expect(results[1]!.reason).toMatch(/already exists/);
    expect(results[2]!.reason).toMatch(/never changes/);
    // Responses to 1.0.0 and to 2.0.0 are each checked against their own version.
    const old = await formBy(nurse, med[4]!, ipass(template, med[4]!.docId));
    const withExtra = ipass(v2, med[4]!.docId);
    withExtra.item = [...withExtra.item!, { linkId: 'extra', text: 'Remarque', answer: [{ valueString: 'RAS' }] }];
    const newer = await formBy(nurse, med[4]!, withExtra);
    const wrong = await formBy(nurse, med[4]!, { ...withExtra, questionnaire: canonicalOf(template) });
    expect((await push(app, nurse, [old, newer, wrong])).results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'rejected']);
  });

  it('rejects a template outside the supported subset', async () => {
    const bad = { ...template, version: '3.0.0', item: [{ linkId: 'photo', type: 'attachment', text: 'Photo' }] };
    const { results } = await push(app, admin, [await entryBy(admin, { docType: 'template', scope: GLOBAL_SCOPE, body: bad })]);
    expect(results[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/body of template create is invalid/) });
  });

  it('checks a blank form too: required items are required', async () => {
    const q = DEMO_TEMPLATES.find((t) => t.url.endsWith('vital-signs'))!;
    const blank = buildResponse(q, emptyRow(), { patientId: med[5]!.docId, authored: '2026-03-02T21:00:00Z' });
    const { results } = await push(app, nurse, [await formBy(nurse, med[5]!, blank)]);
    expect(results[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/vitals is required/) });
  });
});
