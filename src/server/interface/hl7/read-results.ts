// ORU^R01 OBX into result bodies: OBX-3 the test (LOINC code ^ label ^ LN), OBX-5 the value,
// OBX-6 the unit, OBX-7 the reference range, OBX-8 the abnormal flag (table 0078), OBX-11 the
// status (F, P, C; X "cannot be obtained" and D "deleted" are skipped), OBX-14 the observation
// time (else OBR-7).
import type { Hl7Message, Hl7Segment } from '@medplum/core';
import { ABNORMAL_FLAGS, type AbnormalFlag } from '../../../domain/schemas/result';
import type { ResultBody } from '../../../domain/schemas';
import { HisRefusal } from '../events';
import { hl7DateTime } from './dates';

const SYSTEMS: Record<string, string> = { LN: 'http://loinc.org' };

export function readResults(msg: Hl7Message): ResultBody[] {
  const out: ResultBody[] = [];
  let obr: Hl7Segment | undefined;
  let n = 0;
  for (const s of msg.segments) {
    if (s.name === 'OBR') obr = s;
    if (s.name !== 'OBX') continue;
    n++;
    const where = (field: number) => `OBX^${n}^${field}`;
    const status = s.getField(11)?.toString().trim() || 'F';
    if (status === 'X' || status === 'D') continue;
    if (status !== 'F' && status !== 'P' && status !== 'C') throw new HisRefusal('AE', '103', `${where(11)}: result status '${status}' is not in table 0085`, where(11));
    const code = s.getComponent(3, 1).trim();
    if (!code) throw new HisRefusal('AE', '101', `required field ${where(3)} (observation identifier) is empty`, where(3));
    const value = s.getField(5)?.components.map((r) => r.filter(Boolean).join(' ')).join(', ').trim() ?? '';
    if (!value) throw new HisRefusal('AE', '101', `required field ${where(5)} (observation value) is empty`, where(5));
    const flagText = s.getField(8)?.toString().trim() ?? '';
    if (flagText && !(ABNORMAL_FLAGS as readonly string[]).includes(flagText)) {
      throw new HisRefusal('AE', '103', `${where(8)}: abnormal flag '${flagText}' is not one of ${ABNORMAL_FLAGS.join(', ')}`, where(8));
    }
    const observed = s.getField(14)?.toString().trim() || obr?.getField(7)?.toString().trim();
    if (!observed) throw new HisRefusal('AE', '101', `required field ${where(14)} (observation time, or OBR-7) is empty`, where(14));
    const system = s.getComponent(3, 3).trim() || 'LN';
    const unit = s.getComponent(6, 2) || s.getComponent(6, 1);
    const range = s.getField(7)?.toString().trim();
    out.push({
      code: code.slice(0, 40),
      system: SYSTEMS[system] ?? system.slice(0, 80),
      label: (s.getComponent(3, 2).trim() || code).slice(0, 200),
      value: value.slice(0, 200),
      ...(unit ? { unit: unit.slice(0, 40) } : {}),
      ...(range ? { range: range.slice(0, 60) } : {}),
      ...(flagText ? { flag: flagText as AbnormalFlag } : {}),
      observedAt: hl7DateTime(observed, where(14)),
      resultStatus: status,
    });
  }
  return out;
}
