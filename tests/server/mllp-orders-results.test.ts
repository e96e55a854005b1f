// Pharmacy (RDE^O11) and lab (ORU^R01) over MLLP, and the messages the listener refuses
// (wrong segment order, missing PID-3, unknown event, bad dates, a 10 MB message, not HL7 at
// all): AE/AR with an ERR segment, nothing written, and the listener keeps serving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MedicationOrderBody, ResultBody } from '../../src/domain/schemas';
import { admit, labResults, message, msh, evn, pid, pv1, pharmacy, seg, type Person } from './hl7-fixtures';
import { readAck } from './mllp-client';
import { counts, pullNew, signIn, startFeedServer, type FeedServer, type Reader } from './mllp-harness';

let f: FeedServer;
let med: Reader;
const rose: Person = { ipp: '910001', birthName: 'LEGRAND', given: 'Rose', birth: '19380704', sex: 'F' };

beforeAll(async () => {
  f = await startFeedServer();
  med = await signIn(f.server, 'demo-nurse');
  expect(readAck(await f.mllp.send(admit(rose, { ward: 'MED', room: '150' }))).code).toBe('AA');
  await pullNew(f.server, med);
});
afterAll(() => f.close());

const cefazoline = { control: 'NW', id: 'RX-910001-1', drug: 'Céfazoline', code: '3400935', dose: '2', unit: 'g', route: 'IV', pattern: 'Q8H^toutes les 8 h', times: ['0600', '1400', '2200'], start: '20260302060000', at: '20260302110000' };

describe('RDE^O11 into medication-order documents', () => {
  it('a new order (ORC-1 NW) with its TQ1 timing and RXR route', async () => {
    const ack = readAck(await f.mllp.send(pharmacy(rose, [cefazoline, { control: 'NW', id: 'RX-910001-2', drug: 'Insuline asparte', dose: '6', unit: 'UI', route: 'SC', pattern: 'TID^avant les repas', times: ['0730', '1130', '1830'] }])));
    expect(ack.code).toBe('AA');
    const orders = (await pullNew(f.server, med)).filter((e) => e.docType === 'medication-order').map((e) => e.body as MedicationOrderBody);
    expect(orders).toHaveLength(2);
    expect(orders[0]).toMatchObject({ orderId: 'RX-910001-1', drug: 'Céfazoline', drugCode: '3400935', dose: '2', doseUnit: 'g', route: 'IV', frequency: 'toutes les 8 h', times: ['06:00', '14:00', '22:00'], start: '2026-03-02T05:00:00.000Z', prescriber: 'Hélène MOREAU', status: 'active' });
  });

  it('DC stops it and CA cancels it as new versions; an older ORC-9 than the current one changes nothing', async () => {
    expect(readAck(await f.mllp.send(pharmacy(rose, [{ ...cefazoline, control: 'DC', at: '20260302160000', stop: '20260302160000' }]))).code).toBe('AA');
    const stopped = (await pullNew(f.server, med)).filter((e) => e.docType === 'medication-order');
    expect(stopped.map((e) => [e.kind, (e.body as MedicationOrderBody).status])).toEqual([['amend', 'stopped']]);
    const before = await counts(f.server);
    expect(readAck(await f.mllp.send(pharmacy(rose, [{ ...cefazoline, control: 'NW', at: '20260302120000' }]))).code).toBe('AA');
    expect((await counts(f.server)).entries).toBe(before.entries);
    expect(readAck(await f.mllp.send(pharmacy(rose, [{ ...cefazoline, id: 'RX-910001-2', drug: 'Insuline asparte', control: 'CA', at: '20260302170000' }]))).code).toBe('AA');
    expect((await pullNew(f.server, med)).map((e) => (e.body as MedicationOrderBody).status)).toEqual(['cancelled']);
  });

  it('an order for a patient Relève does not know: AE 204, nothing written', async () => {
    const before = await counts(f.server);
    const ack = readAck(await f.mllp.send(pharmacy({ ...rose, ipp: '999999' }, [cefazoline])));
    expect(ack).toMatchObject({ code: 'AE', error: '204' });
    expect(await counts(f.server)).toEqual(before);
  });
});

describe('ORU^R01 into result documents, the latest value of each test', () => {
  it('stores each OBX with its LOINC code, unit, range and flag', async () => {
    const ack = readAck(await f.mllp.send(labResults(rose, [
      { loinc: '2823-3', label: 'Potassium', value: '5.9', unit: 'mmol/L', range: '3.5-5.0', flag: 'H', at: '20260302070000' },
      { loinc: '718-7', label: 'Hémoglobine', value: '10.2', unit: 'g/dL', range: '12-16', flag: 'L', at: '20260302070000' },
    ])));
    expect(ack.code).toBe('AA');
    const results = (await pullNew(f.server, med)).filter((e) => e.docType === 'result').map((e) => e.body as ResultBody);
    expect(results).toEqual([
      { code: '2823-3', system: 'http://loinc.org', label: 'Potassium', value: '5.9', unit: 'mmol/L', range: '3.5-5.0', flag: 'H', observedAt: '2026-03-02T06:00:00.000Z', resultStatus: 'F' },
      expect.objectContaining({ code: '718-7', flag: 'L' }),
    ]);
  });

  it('a newer value replaces it (a new version), an older one is kept out', async () => {
    expect(readAck(await f.mllp.send(labResults(rose, [{ loinc: '2823-3', label: 'Potassium', value: '4.6', unit: 'mmol/L', range: '3.5-5.0', flag: 'N', at: '20260302140000' }]))).code).toBe('AA');
    const newer = await pullNew(f.server, med);
    expect(newer.map((e) => [e.kind, (e.body as ResultBody).value])).toEqual([['amend', '4.6']]);
    expect(readAck(await f.mllp.send(labResults(rose, [{ loinc: '2823-3', label: 'Potassium', value: '6.5', flag: 'HH', at: '20260302050000' }]))).code).toBe('AA');
    expect(await pullNew(f.server, med)).toEqual([]);
  });
});

describe('malformed messages: AE or AR with ERR, nothing written, the listener keeps serving', () => {
  const at = '20260302101000';
  const cases: [string, string | Buffer, string, string][] = [
    // HL7 v2.5 §2.5: the segments of ADT_A01 come in order MSH EVN PID PV1.
    ['wrong segment order (PV1 before PID)', message(msh({ type: 'ADT^A01^ADT_A01' }), evn(at), pv1({ ward: 'MED', room: '1' }), pid(rose)), 'AR', '100'],
    // PAM-FR: PID-3 (the IPP) is required.
    ['missing PID-3', message(msh({ type: 'ADT^A01^ADT_A01' }), evn(at), seg('PID', { 1: '1', 5: 'NOM^Prenom^^^^^L', 7: '19500101', 8: 'F' }), pv1({ ward: 'MED', room: '1' })), 'AE', '101'],
    // HL7 table 0003: A99 is no event.
    ['unknown event', message(msh({ type: 'ADT^A99^ADT_A01' }), evn(at), pid(rose), pv1({ ward: 'MED', room: '1' })), 'AR', '201'],
    ['unknown message type', message(msh({ type: 'QRY^A19^QRY_A19' }), pid(rose)), 'AR', '200'],
    // HL7 DTM: month 13 and 31 February are not dates.
    ['a birth date that is no date', message(msh({ type: 'ADT^A01^ADT_A01' }), evn(at), pid({ ...rose, birth: '19501345' }), pv1({ ward: 'MED', room: '1' })), 'AE', '102'],
    ['an event time that is no time', message(msh({ type: 'ADT^A08^ADT_A01' }), evn('20260231251000'), pid(rose), pv1({ ward: 'MED', room: '1' })), 'AE', '102'],
    ['an abnormal flag out of table 0078', labResults(rose, [{ loinc: '2823-3', label: 'K', value: '4', flag: 'ZZ' }]), 'AE', '103'],
    ['a 10 MB message', message(msh({ type: 'ADT^A08^ADT_A01' }), evn(at), pid(rose), pv1({ ward: 'MED', room: '1' }), seg('NTE', { 3: 'x'.repeat(10 * 1024 * 1024) })), 'AR', '207'],
    ['not an HL7 message at all', Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'), 'AR', '100'],
  ];
  for (const [what, text, code, error] of cases) {
    it(what, async () => {
      const before = await counts(f.server);
      const ack = readAck(await f.mllp.send(text));
      expect(ack).toMatchObject({ code, error });
      expect(ack.text.length).toBeGreaterThan(0);
      expect(await counts(f.server)).toEqual(before);
    });
  }

  it('still serves after all that, on the same connection', async () => {
    expect(readAck(await f.mllp.send(admit({ ...rose, ipp: '910002' }, { ward: 'MED', room: '151' }))).code).toBe('AA');
  });
});
