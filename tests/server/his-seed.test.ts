// The demo seed's prescriptions and results (issue 13): every demo patient has both, written by
// the interface account through the ordinary write path, and a nurse of the ward pulls them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { hashMatches } from '../../src/domain/hash';
import type { MedicationOrderBody, PatientBody, ResultBody } from '../../src/domain/schemas';
import type { Store } from '../../src/server/store/open-store';
import { closeAll, entryBy, login, pullAll, push, pushRaw, testApp } from './helpers';

let app: FastifyInstance;
let store: Store;
beforeAll(async () => ({ app, store } = await testApp()));
afterAll(() => closeAll(app, store));

describe('the demo HIS feed in the seed', () => {
  it('gives every patient of a ward prescriptions and results, authored by the interface account', async () => {
    const nurse = await login(app, 'demo-nurse');
    const entries = await pullAll(app, nurse);
    // The census the HIS knew (the demo's past drill also admitted a TMP patient on a tablet: not the HIS's).
    const patients = entries.filter((e) => e.docType === 'patient' && e.deviceId === 'server-seed');
    const orders = entries.filter((e) => e.docType === 'medication-order');
    const results = entries.filter((e) => e.docType === 'result');
    expect(patients.length).toBe(24);
    for (const p of patients) {
      expect(orders.some((o) => o.patientId === p.docId)).toBe(true);
      expect(results.some((r) => r.patientId === p.docId)).toBe(true);
    }
    for (const e of [...orders, ...results]) {
      expect(e.author).toMatchObject({ name: 'Interface SIH', role: 'interface' });
      expect(e.deviceId).toBe('his-seed');
      expect(e.scope).toBe('unit:MED');
      expect(await hashMatches(e)).toBe(true);
    }
    const drugs = orders.map((o) => (o.body as MedicationOrderBody).drug).join(' | ');
    expect(drugs).toMatch(/Insuline/);
    expect(drugs).toMatch(/noxaparine/);
    expect(orders.some((o) => (o.body as MedicationOrderBody).times.length === 3 && /8 h/.test((o.body as MedicationOrderBody).frequency))).toBe(true);
    expect(orders.some((o) => (o.body as MedicationOrderBody).status === 'stopped')).toBe(true);
    const flagged = results.filter((r) => (r.body as ResultBody).flag && (r.body as ResultBody).flag !== 'N');
    expect(flagged.length).toBeGreaterThan(0);
    expect(results.every((r) => (r.body as ResultBody).system === 'http://loinc.org')).toBe(true);
    expect(new Set(patients.map((p) => (p.body as PatientBody).unitCode))).toEqual(new Set(['MED']));
  });

  it('gives the oncology day hospital its chemotherapy', async () => {
    const admin = await login(app, 'demo-admin');
    const onco = (await pullAll(app, admin)).filter((e) => e.docType === 'medication-order' && e.scope === 'unit:ONCO');
    expect(onco.some((o) => /Oxaliplatine/.test((o.body as MedicationOrderBody).drug))).toBe(true);
  });

  it('lets no nurse write a prescription, and no interface account push at all', async () => {
    const nurse = await login(app, 'demo-nurse');
    const patient = (await pullAll(app, nurse)).find((e) => e.docType === 'patient')!;
    const order = await entryBy(nurse, {
      docType: 'medication-order', patient,
      body: { orderId: 'X1', drug: 'Paracétamol', dose: '1', doseUnit: 'g', route: 'PO', frequency: 'QID', times: [], start: new Date().toISOString(), prescriber: 'Dr X', status: 'active' },
    });
    const [r] = (await push(app, nurse, [order])).results;
    expect(r).toMatchObject({ status: 'rejected', reason: 'role nurse may not write medication-order' });

    const his = await login(app, 'demo-his');
    const res = await pushRaw(app, his, [await entryBy(his, { docType: 'result', patient, body: {} })]);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: 'forbidden' });
  });
});
