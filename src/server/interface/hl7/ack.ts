// The ACK of a message: MSA with AA, AE or AR, and an ERR segment that says why (HL7 v2.5
// ERR-2 location, ERR-3 error code of table 0357, ERR-4 severity, ERR-8 the text).
import { Hl7Message, Hl7Segment } from '@medplum/core';
import type { Receipt } from '../receive';

/** Text inside a field: the separators become HL7 escape sequences. */
/** The MLLP frame's start and end bytes: never inside a message. */
const FRAME_BYTES = ['\u000b', '\u001c'];

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

export function buildAck(msg: Hl7Message, r: Receipt): Hl7Message {
  const err = r.ack === 'AA'
    ? undefined
    : new Hl7Segment(['ERR', '', escapeHl7(r.location ?? '').replace(/\\S\\/g, '^'), `${r.hl7Code ?? '207'}^${ERROR_TEXT[r.hl7Code ?? '207'] ?? 'Error'}^HL70357`, 'E', '', '', '', escapeHl7(r.text)], msg.context);
  const ack = msg.buildAck({ ackCode: r.ack, ...(err ? { errSegment: err } : {}) });
  // MSA-3, the text message: what happened, for the HIS's interface log.
  ack.getSegment('MSA')?.setField(3, escapeHl7(r.text));
  return ack;
}

/** The ACK of bytes that were not an HL7 message at all: nothing to echo but the refusal. */
export function buildRejectOfGarbage(text: string): Hl7Message {
  return buildAck(Hl7Message.parse('MSH|^~\\&|||||||ACK||P|2.5'), { ack: 'AR', text, hl7Code: '100' });
}
