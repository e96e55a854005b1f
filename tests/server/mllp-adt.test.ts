// ADT over MLLP to the running server (issue 13): admissions, transfers between wards,
// cancellations, merges, identifier changes, and the journal's idempotency.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entry } from '../../src/domain/entry';
import type { PatientLinkBody } from '../../src/domain/recovery/patient-link';
import type { PatientBody } from '../../src/domain/schemas';
import { admit, changeIpp, merge, movement, type Person } from './hl7-fixtures';
import { readAck } from './mllp-client';
import { replayUnmapped } from '../../src/server/interface/replay';
import { interfaceWriter, MLLP_DEVICE_ID } from '../../src/server/interface/start';
import { unmappedMessages } from '../../src/server/interface/store/journal';
import { mapHisWard } from '../../src/server/interface/store/wards';
import { counts, noteOn, pullNew, pushAccepted, pushNote, signIn, startFeedServer, type FeedServer, type Reader } from './mllp-harness';

let f: FeedServer;
let med: Reader;
let chir: Reader;
beforeAll(async () => {
  f = await startFeedServer();
  med = await signIn(f.server, 'demo-nurse');
  chir = await signIn(f.server, 'demo-surg');
  await pullNew(f.server, med);
  await pullNew(f.server, chir);
});
afterAll(() => f.close());

const jeanne: Person = { ipp: '900001', birthName: 'MARTIN', usedName: 'DURAND', given: 'Jeanne', birth: '19450312', sex: 'F' };
const patientBodies = (entries: Entry[], ipp: string) => entries.filter((e) => e.docType === 'patient' && (e.body as PatientBody).ipp === ipp).map((e) => e.body as PatientBody);

describe('ADT over MLLP', () => {
  it('A01: acknowledges AA once journalled, and the MED nurse pulls the admitted patient', async () => {
    const ack = readAck(await f.mllp.send(admit(jeanne, { ward: 'MED', room: '112', bed: 'B' }, { controlId: 'A01-JEANNE', allergies: ['Pénicilline', 'Iode'] })));
    expect(ack).toMatchObject({ code: 'AA', controlId: 'A01-JEANNE', error: null });
    const [p] = patientBodies(await pullNew(f.server, med), '900001');
    expect(p).toMatchObject({
      ipp: '900001', ippAuthority: 'CHD&1.2.250.1.213.1.1.9&ISO', lastName: 'MARTIN', usedName: 'DURAND', firstName: 'Jeanne',
      birthDate: '1945-03-12', sex: 'F', unitCode: 'MED', room: '112', bed: 'B', allergies: ['Pénicilline', 'Iode'],
      visitNumber: 'V2026000123', status: 'admitted', admittedAt: '2026-03-02T09:10:00.000Z', // 10:10 in Paris
    });
    const row = await f.server.store.db.selectFrom('his_journal').selectAll().where('control_id', '=', 'A01-JEANNE').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ source: 'mllp', message_type: 'ADT^A01', status: 'applied', ipp: '900001', unit_code: 'MED' });
    expect(row.raw).toContain('PID|1||900001^^^');
    expect(await pullNew(f.server, chir)).toEqual([]); // not CHIR's patient
  });

  it('the same control id again is acknowledged and ignored', async () => {
    const before = await counts(f.server);
    const ack = readAck(await f.mllp.send(admit({ ...jeanne, given: 'Autre' }, { ward: 'MED', room: '1' }, { controlId: 'A01-JEANNE' })));
    expect(ack.code).toBe('AA');
    expect(ack.text).toMatch(/duplicate/);
    expect(await counts(f.server)).toEqual(before);
  });

  it('A02: the MED ward sees her leave, CHIR receives her with her history and her notes', async () => {
    // A MED nurse writes a note on her first.
    const [patient] = (await f.server.store.db.selectFrom('his_patients').select('patient_id').where('ipp', '=', '900001').execute());
    const record = (await f.server.store.db.selectFrom('entries').select('json').where('doc_id', '=', patient!.patient_id).where('kind', '=', 'create').executeTakeFirstOrThrow()).json;
    const note = await pushNote(f.server, med, JSON.parse(record) as Entry, 'Arrivée des urgences, douleur thoracique');
    await pullNew(f.server, med);
    // A second MED tablet, offline, writes on her before the move and pushes after it.
    const offline = await noteOn(med, JSON.parse(record) as Entry, 'Écrite hors ligne avant le transfert');
    const ack = readAck(await f.mllp.send(movement('A02', 'ADT_A02', jeanne, { ward: 'CHIR', room: '204', bed: 'A' }, { at: '20260302120000' })));
    expect(ack.code).toBe('AA');
    // Nothing written offline is lost: kept in MED, where it was written, and flagged for a person to see.
    expect(await pushAccepted(f.server, med, offline)).toMatchObject({ status: 'accepted', flags: ['patient_moved'] });
    const medSees = patientBodies(await pullNew(f.server, med), '900001');
    expect(medSees.map((b) => b.unitCode)).toEqual(['CHIR']); // she left MED
    const chirSees = await pullNew(f.server, chir);
    const bodies = patientBodies(chirSees, '900001');
    expect(bodies.map((b) => b.unitCode)).toEqual(['MED', 'CHIR']); // her history, then the move
    expect(chirSees.filter((e) => e.docId === patient!.patient_id).map((e) => e.kind)).toEqual(['create', 'amend']);
    expect(chirSees.find((e) => e.id === note.id)?.body).toMatchObject({ data: 'Arrivée des urgences, douleur thoracique' });
    // She is CHIR's now: the CHIR nurse writes on her record in CHIR's scope.
    const moved = chirSees.filter((e) => e.docId === patient!.patient_id).at(-1)!;
    await pushNote(f.server, chir, moved, 'Installée en 204 A');
  });

  it('an older message (by EVN) than the last applied is journalled as superseded and changes nothing', async () => {
    const before = await counts(f.server);
    const ack = readAck(await f.mllp.send(movement('A08', 'ADT_A01', { ...jeanne, given: 'Jeannette' }, { ward: 'MED', room: '101' }, { at: '20260302110000', controlId: 'A08-OLD' })));
    expect(ack.code).toBe('AA');
    const after = await counts(f.server);
    expect(after.entries).toBe(before.entries);
    expect(after.journal).toBe(before.journal + 1);
    const row = await f.server.store.db.selectFrom('his_journal').select('status').where('control_id', '=', 'A08-OLD').executeTakeFirstOrThrow();
    expect(row.status).toBe('superseded');
  });

  it('A12 cancels the transfer: back to MED; A03 discharges, A13 cancels the discharge, A21/A22 leave and return', async () => {
    expect(readAck(await f.mllp.send(movement('A12', 'ADT_A12', jeanne, { ward: 'MED', room: '112', bed: 'B' }, { at: '20260302121500' }))).code).toBe('AA');
    expect(patientBodies(await pullNew(f.server, med), '900001').at(-1)).toMatchObject({ unitCode: 'MED', room: '112', bed: 'B' });
    expect(patientBodies(await pullNew(f.server, chir), '900001').at(-1)).toMatchObject({ unitCode: 'MED' });
    for (const [trigger, structure, status, at] of [['A21', 'ADT_A21', 'onLeave', '20260302130000'], ['A22', 'ADT_A21', 'admitted', '20260302140000'], ['A03', 'ADT_A03', 'discharged', '20260302150000'], ['A13', 'ADT_A01', 'admitted', '20260302151000']] as const) {
      expect(readAck(await f.mllp.send(movement(trigger, structure, jeanne, null, { at }))).code).toBe('AA');
      expect(patientBodies(await pullNew(f.server, med), '900001').at(-1)).toMatchObject({ status, unitCode: 'MED' });
    }
  });

  it('A11 cancels an admission: the patient leaves the census, her record stays', async () => {
    const paul: Person = { ipp: '900002', birthName: 'BERNARD', given: 'Paul', birth: '19600101', sex: 'M' };
    expect(readAck(await f.mllp.send(admit(paul, { ward: 'MED', room: '120' }))).code).toBe('AA');
    expect(readAck(await f.mllp.send(movement('A11', 'ADT_A09', paul, { ward: 'MED', room: '120' }, { at: '20260302103000' }))).code).toBe('AA');
    expect(patientBodies(await pullNew(f.server, med), '900002').map((b) => b.status)).toEqual(['admitted', 'cancelled']);
  });

  it('A40 merges: the prior record is linked to the survivor; with no survivor it takes her IPP (a TMP patient)', async () => {
    const temp: Person = { ipp: 'TMP-0A1B-0001', birthName: 'INCONNU', given: 'Femme', birth: '19500101', sex: 'F' };
    const real: Person = { ipp: '900003', birthName: 'PETIT', given: 'Louise', birth: '19520506', sex: 'F' };
    expect(readAck(await f.mllp.send(admit(temp, { ward: 'MED', room: '130' }))).code).toBe('AA');
    expect(readAck(await f.mllp.send(merge(real, 'TMP-0A1B-0001')))).toMatchObject({ code: 'AA' });
    const after = await pullNew(f.server, med);
    expect(patientBodies(after, '900003')).toEqual([expect.objectContaining({ lastName: 'PETIT', firstName: 'Louise', room: '130' })]);
    // Now two records of one person: the survivor carries on, the other is merged into her.
    const twin: Person = { ipp: '900004', birthName: 'PETIT', given: 'Louise', birth: '19520506', sex: 'F' };
    expect(readAck(await f.mllp.send(admit(twin, { ward: 'MED', room: '131' }))).code).toBe('AA');
    expect(readAck(await f.mllp.send(merge(real, '900004', { at: '20260302160000' }))).code).toBe('AA');
    const pulled = await pullNew(f.server, med);
    const merged = patientBodies(pulled, '900004');
    const survivorId = (await f.server.store.db.selectFrom('his_patients').select('patient_id').where('ipp', '=', '900003').executeTakeFirstOrThrow()).patient_id;
    expect(merged.at(-1)).toMatchObject({ status: 'merged' });
    expect(merged.at(-1)).not.toHaveProperty('mergedInto');
    // The merge is the same patient-link a person makes for a TMP patient, written by the feed.
    const links = pulled.filter((e) => e.docType === 'patient-link');
    expect(links).toEqual([expect.objectContaining({ kind: 'create', patientId: expect.any(String), author: expect.objectContaining({ role: 'interface' }) })]);
    expect(links[0]!.body).toEqual({
      merged: { patientId: links[0]!.patientId, ipp: '900004', name: 'PETIT Louise', birthDate: '1952-05-06' },
      into: { patientId: survivorId, ipp: '900003', name: 'PETIT Louise', birthDate: '1952-05-06' },
      source: 'hl7-a40',
    });
    expect(readAck(await f.mllp.send(merge(real, 'NOBODY'))).code).toBe('AE');
  });

  it("A40 across wards: the survivor's ward receives the prior record's history and the link", async () => {
    const anne: Person = { ipp: '900016', birthName: 'LEROY', given: 'Anne', birth: '19600101', sex: 'F' };
    expect(readAck(await f.mllp.send(admit(anne, { ward: 'MED', room: '140' }))).code).toBe('AA');
    expect(readAck(await f.mllp.send(admit({ ...anne, ipp: '900017' }, { ward: 'CHIR', room: '210' }))).code).toBe('AA');
    await pullNew(f.server, med);
    await pullNew(f.server, chir);
    expect(readAck(await f.mllp.send(merge(anne, '900017', { at: '20260302170000' }))).code).toBe('AA');
    const atMed = await pullNew(f.server, med);
    expect(atMed.filter((e) => e.docType === 'patient-link').map((e) => (e.body as PatientLinkBody).merged.ipp)).toEqual(['900017']);
    expect(patientBodies(atMed, '900017').at(-1)).toMatchObject({ status: 'merged', unitCode: 'CHIR' });
    const atChir = await pullNew(f.server, chir);
    expect(atChir.filter((e) => e.docType === 'patient-link').map((e) => (e.body as PatientLinkBody).into.ipp)).toEqual(['900016']);
  });

  it('A05 pre-admits, A04 registers, A08 updates the identity and keeps the status', async () => {
    const luc: Person = { ipp: '900030', birthName: 'PETIT', given: 'Luc', birth: '19770707', sex: 'M' };
    const eva: Person = { ipp: '900031', birthName: 'COLIN', given: 'Eva', birth: '20010102', sex: 'F' };
    expect(readAck(await f.mllp.send(movement('A05', 'ADT_A05', luc, { ward: 'MED', room: '160' }, { at: '20260302120000' }))).code).toBe('AA');
    expect(readAck(await f.mllp.send(movement('A04', 'ADT_A01', eva, { ward: 'MED', room: '161' }, { at: '20260302120000' }))).code).toBe('AA');
    expect(readAck(await f.mllp.send(movement('A08', 'ADT_A01', { ...luc, given: 'Lucas' }, { ward: 'MED', room: '162' }, { at: '20260302121000' }))).code).toBe('AA');
    const pulled = await pullNew(f.server, med);
    expect(patientBodies(pulled, '900030').map((b) => [b.firstName, b.room, b.status])).toEqual([['Luc', '160', 'preadmitted'], ['Lucas', '162', 'preadmitted']]);
    expect(patientBodies(pulled, '900031')).toEqual([expect.objectContaining({ status: 'admitted', room: '161', admittedAt: '2026-03-02T09:10:00.000Z' })]);
  });

  it('A47 changes the IPP of a record', async () => {
    const tom: Person = { ipp: '900005', birthName: 'ROUX', given: 'Tom', birth: '19900909', sex: 'M' };
    expect(readAck(await f.mllp.send(admit(tom, { ward: 'MED', room: '140' }))).code).toBe('AA');
    expect(readAck(await f.mllp.send(changeIpp({ ...tom, ipp: '900006' }, '900005')))).toMatchObject({ code: 'AA' });
    expect(patientBodies(await pullNew(f.server, med), '900006')).toHaveLength(1);
  });

  it('a ward missing from the mapping table: acknowledged, kept in the journal as unmapped, nothing written', async () => {
    const before = await counts(f.server);
    const ack = readAck(await f.mllp.send(admit({ ...jeanne, ipp: '900010' }, { ward: 'REA', room: '1' }, { controlId: 'A01-REA' })));
    expect(ack.code).toBe('AA');
    expect((await counts(f.server)).entries).toBe(before.entries);
    const row = await f.server.store.db.selectFrom('his_journal').selectAll().where('control_id', '=', 'A01-REA').executeTakeFirstOrThrow();
    expect(row.status).toBe('unmapped');
    expect((await unmappedMessages(f.server.store.db)).map((m) => m.controlId)).toEqual(['A01-REA']);
  });

  it('a kept message is replayed once its ward is mapped, and only once; an unmapped one stays kept', async () => {
    const writer = await interfaceWriter(f.server.store, MLLP_DEVICE_ID);
    expect(readAck(await f.mllp.send(admit({ ...jeanne, ipp: '900011' }, { ward: 'USIC', room: '2' }, { controlId: 'A01-USIC' }))).code).toBe('AA');
    await mapHisWard(f.server.store.db, 'REA', 'MED');
    const replayed = await replayUnmapped(f.server.store, writer);
    expect(replayed.map((r) => [r.controlId, r.receipt.status])).toEqual([['A01-REA', 'applied'], ['A01-USIC', 'unmapped']]);
    expect(patientBodies(await pullNew(f.server, med), '900010')).toEqual([expect.objectContaining({ unitCode: 'MED', room: '1' })]);
    expect((await unmappedMessages(f.server.store.db)).map((m) => m.controlId)).toEqual(['A01-USIC']);
    const kept = await f.server.store.db.selectFrom('his_journal').select(['control_id', 'status']).where('control_id', 'in', ['A01-REA', 'A01-USIC']).orderBy('seq').execute();
    expect(kept).toEqual([{ control_id: 'A01-REA', status: 'unmapped' }, { control_id: 'A01-USIC', status: 'unmapped' }]);
    expect(await replayUnmapped(f.server.store, writer)).toEqual([expect.objectContaining({ controlId: 'A01-USIC' })]);
    expect(await pullNew(f.server, med)).toEqual([]);
  });
});
