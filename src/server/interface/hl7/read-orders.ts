// RDE^O11 (pharmacy encoded order) into medication-order bodies, one per ORC/RXE group:
// - ORC-1 order control: NW new, XO/RP change, CA cancel, DC discontinue, HD hold (stopped);
// - ORC-2/ORC-3 placer/filler order number, ORC-9 transaction time, ORC-12 the prescriber;
// - RXE-2 the drug (code ^ text), RXE-3 the dose, RXE-5 its unit, RXE-7 instructions;
// - TQ1-3 the repeat pattern (Q8H, BID...), TQ1-4 explicit times (HHMM, repeated), TQ1-7 start, TQ1-8 end, TQ1-9 priority PRN;
// - RXR-1 the route (code ^ text).
import type { Hl7Message, Hl7Segment } from '@medplum/core';
import type { MedicationOrderBody } from '../../../domain/schemas';
import { HisRefusal } from '../events';
import { hl7DateTime } from './dates';

const STATUS: Record<string, MedicationOrderBody['status']> = {
  NW: 'active', XO: 'active', RP: 'active', SC: 'active', OK: 'active', CA: 'cancelled', OC: 'cancelled', DC: 'stopped', OD: 'stopped', HD: 'stopped',
};

/** Default administration times of the usual repeat patterns, when TQ1-4 gives none. */
const PATTERN_TIMES: Record<string, string[]> = {
  QD: ['08:00'], BID: ['08:00', '20:00'], TID: ['08:00', '14:00', '20:00'], QID: ['06:00', '12:00', '18:00', '24:00'],
  Q24H: ['08:00'], Q12H: ['08:00', '20:00'], Q8H: ['06:00', '14:00', '22:00'], Q6H: ['06:00', '12:00', '18:00', '00:00'], Q4H: ['02:00', '06:00', '10:00', '14:00', '18:00', '22:00'],
};

function clock(hhmm: string, where: string): string {
  if (!/^([01]\d|2[0-3])[0-5]\d$/.test(hhmm)) throw new HisRefusal('AE', '102', `${where}: '${hhmm}' is not a time HHMM`, where);
  return `${hhmm.slice(0, 2)}:${hhmm.slice(2, 4)}`;
}

function timing(tq1s: Hl7Segment[]): Pick<MedicationOrderBody, 'frequency' | 'times'> & { start?: string; stop?: string; prn?: boolean } {
  const tq1 = tq1s[0];
  if (!tq1) return { frequency: '', times: [] };
  const pattern = tq1.getComponent(3, 1).trim().toUpperCase();
  const explicit = (tq1.getField(4)?.components ?? []).map((r) => r[0] ?? '').filter(Boolean).map((t, i) => clock(t, `TQ1^1^4^${i + 1}`));
  const times = (explicit.length > 0 ? explicit : (PATTERN_TIMES[pattern] ?? [])).map((t) => (t === '24:00' ? '00:00' : t));
  const start = tq1.getField(7)?.toString().trim();
  const stop = tq1.getField(8)?.toString().trim();
  const prn = tq1.getField(9)?.toString().trim() === 'PRN' || pattern === 'PRN';
  return {
    frequency: (tq1.getComponent(3, 2) || pattern).slice(0, 80),
    times: [...new Set(times)].sort(),
    ...(start ? { start: hl7DateTime(start, 'TQ1^1^7') } : {}),
    ...(stop ? { stop: hl7DateTime(stop, 'TQ1^1^8') } : {}),
    ...(prn ? { prn } : {}),
  };
}

function prescriber(orc: Hl7Segment): string {
  const family = orc.getComponent(12, 2);
  const given = orc.getComponent(12, 3);
  return [given, family].filter(Boolean).join(' ') || orc.getComponent(12, 1);
}

/** The ORC ... RXE ... RXR groups of the message, in order. */
function orderGroups(msg: Hl7Message): Hl7Segment[][] {
  const groups: Hl7Segment[][] = [];
  for (const s of msg.segments) {
    if (s.name === 'ORC') groups.push([s]);
    else if (groups.length > 0 && ['TQ1', 'RXE', 'RXR'].includes(s.name)) groups[groups.length - 1]!.push(s);
  }
  return groups;
}

export function readOrders(msg: Hl7Message, sentAt: string): MedicationOrderBody[] {
  return orderGroups(msg).map((g, i) => {
    const where = (seg: string, field: number) => `${seg}^${i + 1}^${field}`;
    const orc = g[0]!;
    const rxe = g.find((s) => s.name === 'RXE')!;
    const control = orc.getField(1)?.toString().trim().toUpperCase() ?? '';
    const status = STATUS[control];
    if (!status) throw new HisRefusal('AE', '103', `${where('ORC', 1)}: order control '${control}' is not one Relève takes (NW, XO, RP, CA, DC, HD...)`, where('ORC', 1));
    const orderId = (orc.getComponent(2, 1) || orc.getComponent(3, 1)).trim();
    if (!orderId) throw new HisRefusal('AE', '101', `required field ${where('ORC', 2)} (placer order number) is empty`, where('ORC', 2));
    const drug = (rxe.getComponent(2, 2) || rxe.getComponent(2, 1)).trim();
    if (!drug) throw new HisRefusal('AE', '101', `required field ${where('RXE', 2)} (give code) is empty`, where('RXE', 2));
    const dose = rxe.getField(3)?.toString().trim() ?? '';
    if (!dose) throw new HisRefusal('AE', '101', `required field ${where('RXE', 3)} (give amount) is empty`, where('RXE', 3));
    const rxr = g.find((s) => s.name === 'RXR');
    const { start, stop, ...when } = timing(g.filter((s) => s.name === 'TQ1'));
    const txAt = orc.getField(9)?.toString().trim();
    const hisEventAt = txAt ? hl7DateTime(txAt, where('ORC', 9)) : sentAt;
    const code = rxe.getComponent(2, 1).trim();
    const comment = rxe.getComponent(7, 2) || rxe.getComponent(7, 1);
    return {
      orderId: orderId.slice(0, 80),
      drug: drug.slice(0, 200),
      ...(code && code !== drug ? { drugCode: code.slice(0, 80) } : {}),
      dose: dose.slice(0, 40),
      doseUnit: (rxe.getComponent(5, 2) || rxe.getComponent(5, 1)).slice(0, 40),
      route: (rxr?.getComponent(1, 2) || rxr?.getComponent(1, 1) || '').slice(0, 60),
      ...when,
      start: start ?? hisEventAt,
      ...(stop ? { stop } : {}),
      prescriber: prescriber(orc).slice(0, 120),
      status,
      ...(comment ? { comment: comment.slice(0, 500) } : {}),
      hisEventAt,
    };
  });
}
