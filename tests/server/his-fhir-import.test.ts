// The HIS without HL7v2 (issue 13): POST /api/interface/fhir with an R4 transaction Bundle, and
// `import` of a Bundle file or a CSV census. Same documents as the MLLP feed, same journal.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { MedicationOrderBody, PatientBody, ResultBody } from '../../src/domain/schemas';
import { importFile } from '../../src/server/cli/import';
import type { Store } from '../../src/server/store/open-store';
import { bearer, closeAll, login, pull, testApp, type Tablet } from './helpers';

let app: FastifyInstance;
let store: Store;
let his: Tablet;
let nurse: Tablet;
let cursor = 0;
beforeAll(async () => {
  ({ app, store } = await testApp());
  his = await login(app, 'demo-his');
  nurse = await login(app, 'demo-nurse');
  cursor = (await pull(app, nurse, 0, 1000)).next;
  for (let more = true; more; ) {
    const page = await pull(app, nurse, cursor, 1000);
    cursor = page.next;
    more = page.more;
  }
});
afterAll(() => closeAll(app, store));

async function pullNew() {
  const page = await pull(app, nurse, cursor, 1000);
  cursor = page.next;
  return page.entries;
}

/** An R4 transaction Bundle as an HIS would send it for one admission. */
function bundle(id: string, overrides: { status?: string; flag?: string } = {}) {
  return {
    resourceType: 'Bundle', type: 'transaction', identifier: { value: id }, timestamp: '2026-03-02T10:00:00+01:00',
    entry: [
      { fullUrl: 'urn:uuid:p1', resource: { resourceType: 'Patient', identifier: [{ system: 'urn:oid:1.2.250.1.213.1.1.9', value: '930001', type: { coding: [{ code: 'PI' }] } }], name: [{ use: 'official', family: 'FHIRTEST', given: ['Agathe'] }, { use: 'usual', family: 'MARCHAL' }], birthDate: '1950-05-06', gender: 'female' } },
      { resource: { resourceType: 'Encounter', status: overrides.status ?? 'in-progress', subject: { reference: 'urn:uuid:p1' }, identifier: [{ value: 'V930001' }], period: { start: '2026-03-02T08:30:00+01:00' }, location: [{ location: { display: 'MED' }, physicalType: { coding: [{ code: 'wa' }] } }, { location: { display: '105' }, physicalType: { coding: [{ code: 'ro' }] } }] } },
      { resource: { resourceType: 'AllergyIntolerance', patient: { reference: 'urn:uuid:p1' }, code: { text: 'Pénicilline' } } },
      { resource: { resourceType: 'MedicationRequest', status: 'active', identifier: [{ value: 'RX-930001-1' }], subject: { reference: 'urn:uuid:p1' }, medicationCodeableConcept: { text: 'Ceftriaxone' }, authoredOn: '2026-03-02T09:00:00+01:00', requester: { display: 'Dr Paul Giraud' }, dosageInstruction: [{ route: { text: 'IV' }, timing: { code: { text: '1 fois par jour' }, repeat: { timeOfDay: ['10:00:00'] } }, doseAndRate: [{ doseQuantity: { value: 1, unit: 'g' } }] }] } },
      { resource: { resourceType: 'Observation', status: 'final', subject: { reference: 'urn:uuid:p1' }, code: { coding: [{ system: 'http://loinc.org', code: '2823-3', display: 'Potassium' }] }, valueQuantity: { value: 3.1, unit: 'mmol/L' }, referenceRange: [{ low: { value: 3.5 }, high: { value: 5 } }], interpretation: [{ coding: [{ code: overrides.flag ?? 'L' }] }], effectiveDateTime: '2026-03-02T07:00:00+01:00' } },
    ],
  };
}

const post = (t: Tablet, payload: unknown) => app.inject({ method: 'POST', url: '/api/interface/fhir', headers: bearer(t), payload: payload as object });

describe('POST /api/interface/fhir', () => {
  it('maps Patient, Encounter, AllergyIntolerance, MedicationRequest and Observation to the feed documents', async () => {
    const res = await post(his, bundle('B-1'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'applied', controlId: 'fhir:B-1' });
    const got = await pullNew();
    expect(got.find((e) => e.docType === 'patient')?.body as PatientBody).toMatchObject({ ipp: '930001', lastName: 'FHIRTEST', usedName: 'MARCHAL', firstName: 'Agathe', unitCode: 'MED', room: '105', allergies: ['Pénicilline'], visitNumber: 'V930001', status: 'admitted', admittedAt: '2026-03-02T07:30:00.000Z' });
    expect(got.find((e) => e.docType === 'medication-order')?.body as MedicationOrderBody).toMatchObject({ orderId: 'RX-930001-1', drug: 'Ceftriaxone', dose: '1', doseUnit: 'g', route: 'IV', times: ['10:00'], prescriber: 'Dr Paul Giraud', status: 'active' });
    expect(got.find((e) => e.docType === 'result')?.body as ResultBody).toMatchObject({ code: '2823-3', value: '3.1', unit: 'mmol/L', range: '3.5-5', flag: 'L', resultStatus: 'F' });
    expect(got.every((e) => e.author.role === 'interface' && e.deviceId === 'his-fhir')).toBe(true);
  });

  it('the same Bundle again changes nothing', async () => {
    const res = await post(his, bundle('B-1'));
    expect(res.json()).toMatchObject({ status: 'duplicate' });
    expect(await pullNew()).toEqual([]);
  });

  it('refuses a bad Bundle whole, with where and why, and writes nothing', async () => {
    const bad = bundle('B-2', { flag: 'ZZ' });
    const res = await post(his, bad);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid_request', details: { code: '103', where: 'Bundle.entry[4].resource' } });
    expect((await post(his, { resourceType: 'Patient' })).statusCode).toBe(400);
    expect(await pullNew()).toEqual([]);
  });

  it('is for the interface account only', async () => {
    const res = await post(nurse, bundle('B-3'));
    expect(res.statusCode).toBe(403);
  });
});

describe('import <file>', () => {
  const dir = mkdtempSync(join(tmpdir(), 'releve-import-'));
  const run = (file: string) => importFile.run({ store, values: {}, positionals: [file], env: {} });

  it('imports a CSV census (documented format), once', async () => {
    const file = join(dir, 'census.csv');
    writeFileSync(file, '\uFEFFipp;nom;prenom;date_naissance;sexe;service;chambre;lit;allergies\n940001;CSVTEST;Marcel;12/09/1939;M;MED;107;B;Iode, Latex\n940002;CSVTEST;Lucie;1961-01-30;F;MED;108;;\n');
    expect(await run(file)).toMatch(/imported \(applied\)/);
    const patients = (await pullNew()).filter((e) => e.docType === 'patient').map((e) => e.body as PatientBody);
    expect(patients).toEqual([
      expect.objectContaining({ ipp: '940001', lastName: 'CSVTEST', birthDate: '1939-09-12', room: '107', bed: 'B', allergies: ['Iode', 'Latex'], unitCode: 'MED' }),
      expect.objectContaining({ ipp: '940002', birthDate: '1961-01-30', allergies: [] }),
    ]);
    expect(await run(file)).toMatch(/already imported/);
  });

  it('refuses a census with a bad line, naming it, and imports nothing', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'ipp;nom;prenom;date_naissance;sexe;service;chambre\n940003;A;B;1950-01-01;F;MED;1\n940004;C;D;31/02/1950;F;MED;2\n');
    await expect(run(file)).rejects.toThrow(/line 3: date_naissance '31\/02\/1950' is not a date/);
    expect(await pullNew()).toEqual([]);
  });

  it('imports a Bundle file', async () => {
    const file = join(dir, 'bundle.json');
    const b = bundle('FILE-1');
    b.entry[0]!.resource.identifier = [{ system: 'urn:oid:1.2.250.1.213.1.1.9', value: '930002', type: { coding: [{ code: 'PI' }] } }];
    writeFileSync(file, JSON.stringify(b));
    expect(await run(file)).toMatch(/imported/);
    expect((await pullNew()).some((e) => (e.body as PatientBody).ipp === '930002')).toBe(true);
  });
});
