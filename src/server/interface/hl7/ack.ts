// The ACK of a message: MSH with the sender and receiver swapped, MSA with AA, AE or AR and the
// control id acknowledged, and an ERR segment that says why (HL7 v2.5 ERR-2 location, ERR-3 error
// code of table 0357, ERR-4 severity, ERR-8 the text). Written as text straight from the fields it
// echoes: building an Hl7Message and serialising it again was a fifth of the server's time per
// message on one connection (bench/RESULTS.md, "HIS feed", session 24).
import { Hl7Message } from '@medplum/core';
import type { Receipt } from '../receive';

/** The MLLP frame's start and end bytes: never inside a message. */
const FRAME_BYTES = ['\u000b', '\u001c'];

/** Text inside a field: the separators become HL7 escape sequences. */
function escapeHl7(text: string): string {
  return FRAME_BYTES.reduce((s, ch) => s.split(ch).join(' '), text)
    .replace(/\\/g, '\\E\\')
    .replace(/\|/g, '\\F\\')
    .replace(/\^/g, '\\S\\')
    .replace(/&/g, '\\T\\')
    .replace(/~/g, '\\R\\')
    .replace(/[\r\n]/g, ' ')
    .slice(0, 400);
}

const ERROR_TEXT: Record<string, string> = {
  '100': 'Segment sequence error', '101': 'Required field missing', '102': 'Data type error', '103': 'Table value not found',
  '200': 'Unsupported message type', '201': 'Unsupported event code', '204': 'Unknown key identifier', '205': 'Duplicate key identifier', '207': 'Application internal error',
};

/** HL7 DTM of the ACK's own time (MSH-7), UTC as @medplum/core writes it. */
function hl7Now(now: Date): string {
  const ms = now.getUTCMilliseconds();
  return now.toISOString().slice(0, 19).replace(/[-:T]/g, '') + (ms > 0 ? `.${ms}` : '');
}

let lastAckId = '';
let sameMs = 0;

/** MSH-10 of an ACK: the time in ms, and a counter when two ACKs share a millisecond (MSH-10 is unique). */
function ackControlId(now: Date): string {
  const ms = String(now.getTime());
  sameMs = ms === lastAckId ? sameMs + 1 : 0;
  lastAckId = ms;
  return sameMs === 0 ? ms : `${ms}${String(sameMs).padStart(3, '0')}`;
}

/** The ACK of a parsed message, as text (segments ended by CR, as HL7 v2.5 §2.5.2 writes them). */
export function buildAck(msg: Hl7Message, r: Receipt, now = new Date()): string {
  const msh = msg.header;
  const field = (i: number) => msh.getField(i)?.toString() ?? '';
  const type = msh.getField(9);
  const trigger = type?.getComponent(2);
  const structure = type?.getComponent(3);
  const ackType = trigger && structure ? `ACK^${trigger}^ACK` : trigger ? `ACK^${trigger}` : 'ACK';
  const f = msg.context.fieldSeparator;
  const segments = [
    ['MSH', msg.context.getMsh2(), field(5), field(6), field(3), field(4), hl7Now(now), '', ackType, ackControlId(now), 'P', msh.getField(12)?.toString() ?? '2.5.1'],
    // MSA-3, the text message: what happened, for the HIS's interface log.
    ['MSA', r.ack, field(10), escapeHl7(r.text)],
  ];
  if (r.ack !== 'AA') {
    const code = r.hl7Code ?? '207';
    segments.push(['ERR', '', escapeHl7(r.location ?? '').replace(/\\S\\/g, '^'), `${code}^${ERROR_TEXT[code] ?? 'Error'}^HL70357`, 'E', '', '', '', escapeHl7(r.text)]);
  }
  return segments.map((s) => s.join(f)).join('\r');
}

/** The ACK of bytes that were not an HL7 message at all: nothing to echo but the refusal. */
export function buildRejectOfGarbage(text: string): string {
  return buildAck(Hl7Message.parse('MSH|^~\\&|||||||ACK||P|2.5'), { ack: 'AR', text, hl7Code: '100' });
}
