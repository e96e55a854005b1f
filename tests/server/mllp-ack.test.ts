// The ACK written as text (interface/hl7/ack.ts) is the ACK @medplum/core's Hl7Message.buildAck
// builds (HL7 v2.5 §2.9.2: MSH with the sending and receiving application and facility swapped,
// MSH-9 ACK^trigger^ACK, MSA-1 the code, MSA-2 the control id acknowledged), with MSA-3 the text and
// ERR (ERR-2 location, ERR-3 code of table 0357, ERR-4 severity, ERR-8 text) on AE and AR.
import { Hl7Message, Hl7Segment } from '@medplum/core';
import { describe, expect, it } from 'vitest';
import { buildAck, buildRejectOfGarbage } from '../../src/server/interface/hl7/ack';
import type { Receipt } from '../../src/server/interface/receive';
import { admit, message, seg } from './hl7-fixtures';

/** What the listener sent up to session 24: an Hl7Message built by @medplum/core, MSA-3 and ERR set on it. */
function libraryAck(msg: Hl7Message, r: Receipt, err?: string[]): string {
  const ack = msg.buildAck({ ackCode: r.ack, ...(err ? { errSegment: new Hl7Segment(err, msg.context) } : {}) });
  ack.getSegment('MSA')?.setField(3, r.text);
  return ack.toString();
}

/** MSH-7 (time) and MSH-10 (the ACK's own control id) differ from one ACK to the next. */
const timeless = (ack: string) => ack.replace(/^(MSH\|[^|]*\|[^|]*\|[^|]*\|[^|]*\|[^|]*\|)[^|]*(\|[^|]*\|[^|]*\|)[^|]*/, '$1T$2ID');

const pamFr = Hl7Message.parse(admit({ ipp: '940001', birthName: 'ACK', given: 'Test', birth: '19700101', sex: 'M' }, { ward: 'MED', room: '1' }, { controlId: 'ACK-1' }));
const v23 = Hl7Message.parse(message(seg('MSH', { 3: 'LAB', 4: 'CHD', 5: 'RELEVE', 6: 'CHD', 7: '20260302101500', 9: 'ORU^R01', 10: 'ACK-2', 11: 'P', 12: '2.3' }), seg('PID', { 3: '1' })));

describe('ACK as text', () => {
  it('AA: the same ACK as @medplum/core builds, sender and receiver swapped', () => {
    for (const msg of [pamFr, v23]) {
      const r: Receipt = { ack: 'AA', text: 'applied: admitted' };
      const ack = buildAck(msg, r);
      expect(timeless(ack)).toBe(timeless(libraryAck(msg, r)));
      const parsed = Hl7Message.parse(ack);
      expect([3, 4, 5, 6].map((i) => parsed.header.getField(i)?.toString())).toEqual([5, 6, 3, 4].map((i) => msg.header.getField(i)?.toString()));
    }
    expect(buildAck(pamFr, { ack: 'AA', text: 'x' }).split('\r')[0]).toContain('|ACK^A01^ACK|');
    expect(buildAck(v23, { ack: 'AA', text: 'x' }).split('\r')[0]).toContain('|ACK^R01|');
  });

  it('AE and AR carry ERR, with the text escaped', () => {
    const r: Receipt = { ack: 'AE', text: 'PID-7 "1950|13|45" is no date', hl7Code: '102', location: 'PID^1^7' };
    const ack = buildAck(pamFr, r);
    const escaped = 'PID-7 "1950\\F\\13\\F\\45" is no date';
    expect(timeless(ack)).toBe(timeless(libraryAck(pamFr, { ...r, text: escaped }, ['ERR', '', 'PID^1^7', '102^Data type error^HL70357', 'E', '', '', '', escaped])));
    expect(ack.split('\r')[1]).toBe(`MSA|AE|ACK-1|${escaped}`);
    expect(ack.split('\r')[2]).toBe(`ERR||PID^1^7|102^Data type error^HL70357|E||||${escaped}`);
  });

  it('the refusal of bytes that are no message is an AR with ERR 100', () => {
    const ack = Hl7Message.parse(buildRejectOfGarbage('not an HL7 message: Invalid HL7 message'));
    expect(ack.getSegment('MSA')?.getField(1)?.toString()).toBe('AR');
    expect(ack.getSegment('ERR')?.getField(3)?.toString()).toBe('100^Segment sequence error^HL70357');
  });

  it('two ACKs in the same millisecond have different control ids (MSH-10)', () => {
    const now = new Date('2026-03-02T10:15:00.123Z');
    const ids = [1, 2, 3].map(() => Hl7Message.parse(buildAck(pamFr, { ack: 'AA', text: 'x' }, now)).header.getField(10)?.toString());
    expect(new Set(ids).size).toBe(3);
    expect(Hl7Message.parse(buildAck(pamFr, { ack: 'AA', text: 'x' }, now)).header.getField(7)?.toString()).toBe('20260302101500.123');
  });
});
