// A patient's HIS data on the tablet (fake-indexeddb) follows the patient-link documents: an A40
// merge written by the feed brings the prior record's prescriptions under the survivor, and an
// undone link (retracted) takes them away again.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/client/db/schema';
import { appendEntry } from '../../src/client/db/append';
import { loadPatientHisData } from '../../src/client/data/his';
import { PATIENT_LINK_TYPE } from '../../src/domain/recovery/patient-link';
import { admin, admitPatient, dupont } from './helpers';

const feed = { userId: 'u-his', name: 'Interface SIH', role: 'interface' } as const;
const order = (drug: string) => ({
  orderId: `O-${drug}`, drug, dose: '1', doseUnit: 'g', route: 'IV', frequency: 'toutes les 8 h', times: ['06:00', '14:00', '22:00'],
  start: '2026-03-01T08:00:00.000Z', prescriber: 'Dr Morel', status: 'active',
});

describe('HIS data under linked records', () => {
  it('shows the prior record’s prescriptions under the survivor while the link holds', async () => {
    const d = db();
    const survivor = (await admitPatient(d, dupont)).entry.docId;
    const prior = (await admitPatient(d, { ...dupont, ipp: '80000099', room: '113' })).entry.docId;
    await appendEntry(d, { docType: 'medication-order', kind: 'create', parents: [], scope: 'unit:MED', patientId: prior, body: order('Amoxicilline') }, feed);
    await appendEntry(d, { docType: 'medication-order', kind: 'create', parents: [], scope: 'unit:MED', patientId: survivor, body: order('Énoxaparine') }, feed);
    const drugs = async () => (await loadPatientHisData(survivor, new Date('2026-03-02T10:00:00Z'))).active.map((o) => o.body.drug).sort();
    expect(await drugs()).toEqual(['Énoxaparine']);
    const who = (patientId: string, ipp: string) => ({ patientId, ipp, name: 'DUPONT Marie', birthDate: dupont.birthDate });
    const link = await appendEntry(d, {
      docType: PATIENT_LINK_TYPE, kind: 'create', parents: [], scope: 'unit:MED', patientId: prior,
      body: { merged: who(prior, '80000099'), into: who(survivor, dupont.ipp), source: 'hl7-a40' },
    }, feed);
    expect(await drugs()).toEqual(['Amoxicilline', 'Énoxaparine']);
    await appendEntry(d, { docId: link.entry.docId, docType: PATIENT_LINK_TYPE, kind: 'retract', parents: [link.entry.id], scope: 'unit:MED', patientId: prior, body: { reason: 'Homonyme' } }, admin);
    expect(await drugs()).toEqual(['Énoxaparine']);
  });
});
