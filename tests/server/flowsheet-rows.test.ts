// The server's side of flowsheet rounds appended as rows (domain/flowsheet), on a real SQLite
// file: rounds from two tablets are both accepted with the form still ok; a row must fit its
// form's template and limits (SpO₂ 960 % is refused); a row is corrected by naming a version of
// that row, and struck only by its author or a charge nurse.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entry } from '../../src/domain/entry';
import { rowTemplate } from '../../src/domain/flowsheet/row-body';
import { appendedRows } from '../../src/domain/flowsheet/rows';
import { projectDocument } from '../../src/domain/project';
import { buildResponse, emptyRow, setAnswers, type Questionnaire } from '../../src/domain/questionnaire';
import { glucoseInsulin } from '../../src/server/seed/templates/glucose-insulin';
import { vitalSigns } from '../../src/server/seed/templates/vital-signs';
import type { Store } from '../../src/server/store/open-store';
import { closeAll, entryBy, login, patientsOf, push, testApp, type Tablet } from './helpers';

function values(group: string, answers: Record<string, string>) {
  let row = emptyRow();
  for (const [linkId, raw] of Object.entries(answers)) row = setAnswers(row, [], linkId, [raw]);
  return { answers: {}, groups: { [group]: [row] } };
}

const vitals = (spo2: string, time = '2026-03-02T10:00') => values('vitals', { 'vs-time': time, 'vs-spo2': spo2, 'vs-initials': 'CM' });

function rowBody(template: Questionnaire, group: string, v: ReturnType<typeof values>, patientId: string) {
  return { flowsheetRow: buildResponse(rowTemplate(template, group)!, v, { patientId, authored: '2026-03-02T10:01:00Z' }) };
}

describe('flowsheet rows on the server', () => {
  let app: FastifyInstance;
  let store: Store;
  let nurse: Tablet;
  let nurse2: Tablet;
  let charge: Tablet;
  let patient: Entry;
  let form: Entry;
  beforeAll(async () => {
    ({ app, store } = await testApp());
    nurse = await login(app, 'demo-nurse');
    nurse2 = await login(app, 'demo-nurse2');
    charge = await login(app, 'demo-charge');
    patient = (await patientsOf(store, 'MED'))[0]!;
    const body = buildResponse(vitalSigns, vitals('97', '2026-03-02T06:00'), { patientId: patient.docId, authored: '2026-03-02T06:05:00Z' });
    form = await entryBy(nurse, { patient, docType: 'form', body });
    expect((await push(app, nurse, [form])).results[0]).toMatchObject({ status: 'accepted' });
  });
  afterAll(async () => closeAll(app, store));

  const rowOf = (t: Tablet, kind: 'addendum' | 'amend' | 'resolve', parents: Entry[], body: unknown) =>
    entryBy(t, { patient, docId: form.docId, docType: 'form', kind, parents: parents.map((p) => p.id), scope: form.scope, body });

  it('accepts a round from each of two tablets, and the form stays ok', async () => {
    const a = await rowOf(nurse, 'addendum', [form], rowBody(vitalSigns, 'vitals', vitals('95'), patient.docId));
    const b = await rowOf(nurse2, 'addendum', [form], rowBody(vitalSigns, 'vitals', vitals('93', '2026-03-02T10:05'), patient.docId));
    expect((await push(app, nurse, [a])).results[0]).toMatchObject({ status: 'accepted', docStatus: 'ok' });
    expect((await push(app, nurse2, [b])).results[0]).toMatchObject({ status: 'accepted', docStatus: 'ok' });
  });

  it('refuses an impossible value (SpO₂ 960 %) and accepts an alarming one (84 %)', async () => {
    const impossible = await rowOf(nurse, 'addendum', [form], rowBody(vitalSigns, 'vitals', vitals('960'), patient.docId));
    const alarming = await rowOf(nurse, 'addendum', [form], rowBody(vitalSigns, 'vitals', vitals('84'), patient.docId));
    const { results } = await push(app, nurse, [impossible, alarming]);
    expect(results[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/row does not fit template .*vital-signs.*vs-spo2/) });
    expect(results[1]).toMatchObject({ status: 'accepted' });
  });

  it('refuses a row of another template, of a group that is not a table, or missing a required cell', async () => {
    const other = await rowOf(nurse, 'addendum', [form], rowBody(glucoseInsulin, 'glucose', values('glucose', { 'gl-time': '2026-03-02T10:00', 'gl-value': '1.2', 'gl-initials': 'CM' }), patient.docId));
    const notTable = rowBody(vitalSigns, 'vitals', vitals('95'), patient.docId);
    notTable.flowsheetRow.item![0]!.linkId = 'vs-spo2';
    const noInitials = rowBody(vitalSigns, 'vitals', values('vitals', { 'vs-time': '2026-03-02T10:00', 'vs-spo2': '95' }), patient.docId);
    const { results } = await push(app, nurse, [other, await rowOf(nurse, 'addendum', [form], notTable), await rowOf(nurse, 'addendum', [form], noInitials)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(results[0]!.reason).toMatch(/a row of this form is filled against its template .*vital-signs/);
    expect(results[1]!.reason).toMatch(/vs-spo2 is not a table of template/);
    expect(results[2]!.reason).toMatch(/vs-initials is required/);
  });

  it('a row is corrected by naming a version of that row, never the form', async () => {
    const a = await rowOf(nurse, 'addendum', [form], rowBody(vitalSigns, 'vitals', vitals('59'), patient.docId));
    const fix = await rowOf(nurse, 'amend', [a], rowBody(vitalSigns, 'vitals', vitals('95'), patient.docId));
    const onForm = await rowOf(nurse, 'amend', [form], rowBody(vitalSigns, 'vitals', vitals('95'), patient.docId));
    const { results } = await push(app, nurse, [a, fix, onForm]);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'rejected']);
    expect(results[1]).toMatchObject({ docStatus: 'ok' });
    expect(results[2]!.reason).toMatch(/naming versions of that same row/);
  });

  it('a row is struck by its author or a charge nurse, and the form is not retracted', async () => {
    const a = await rowOf(nurse, 'addendum', [form], rowBody(vitalSigns, 'vitals', vitals('94'), patient.docId));
    expect((await push(app, nurse, [a])).results[0]).toMatchObject({ status: 'accepted' });
    const strike = (t: Tablet) => entryBy(t, { patient, docId: form.docId, docType: 'form', kind: 'retract', parents: [a.id], scope: form.scope, body: { reason: 'mauvais patient' } });
    expect((await push(app, nurse2, [await strike(nurse2)])).results[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/only its author/) });
    expect((await push(app, charge, [await strike(charge)])).results[0]).toMatchObject({ status: 'accepted', docStatus: 'ok' });
    const rows = store.sqlite.prepare('select json from entries where doc_id = ?').all(form.docId) as { json: string }[];
    const doc = projectDocument(rows.map((r) => JSON.parse(r.json) as Entry));
    expect(doc).toMatchObject({ status: 'ok', retracted: false, heads: [form.id] });
    expect(appendedRows(doc).find((r) => r.rowId === a.id)?.struck).not.toBeNull();
  });
});
