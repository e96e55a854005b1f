// PID, PV1 and AL1 as IHE PAM France fills them:
// - PID-3 repeats the identifiers; the IPP is the one of type PI, with its assigning authority (PID-3.4);
// - PID-5 repeats the names: type L is the birth name, type D the used name (nom d'usage);
// - PID-7 birth date, PID-8 administrative sex (F, M, U/O/A/N -> X);
// - PV1-3 the location: ward (point of care) ^ room ^ bed; PV1-19 the visit number; PV1-44 admission time;
// - AL1-3 the allergen (code ^ text).
import type { Hl7Message, Hl7Segment } from '@medplum/core';
import { HisRefusal, type HisLocation, type HisPatient } from '../events';
import { hl7Date, hl7DateTime } from './dates';

export function segment(msg: Hl7Message, name: string): Hl7Segment {
  const s = msg.getSegment(name);
  if (!s) throw new HisRefusal('AE', '100', `required segment ${name} is missing`, name);
  return s;
}

function repetitions(seg: Hl7Segment, field: number): string[][] {
  const f = seg.getField(field);
  return f ? f.components.filter((r) => r.some((c) => c !== '')) : [];
}

function required(value: string | undefined, where: string, what: string): string {
  const v = value?.trim();
  if (!v) throw new HisRefusal('AE', '101', `required field ${where} (${what}) is empty`, where);
  return v;
}

/** The IPP (PID-3, or MRG-1 for the prior one; type PI) and its assigning authority. */
export function readIpp(seg: Hl7Segment, field = 3, where = 'PID^1^3'): { ipp: string; ippAuthority?: string } {
  const ids = repetitions(seg, field);
  const pi = ids.find((r) => r[4] === 'PI') ?? ids[0];
  const ipp = required(pi?.[0], where, 'patient identifier (IPP)');
  if (ipp.length > 40) throw new HisRefusal('AE', '102', `${where}: the IPP is longer than 40 characters`, where);
  const authority = (pi?.[3] ?? '').split('&').filter(Boolean);
  return authority.length > 0 ? { ipp, ippAuthority: authority.join('&').slice(0, 80) } : { ipp };
}

const SEX: Record<string, HisPatient['sex']> = { F: 'F', M: 'M', U: 'X', O: 'X', A: 'X', N: 'X' };

export function readPatient(msg: Hl7Message): HisPatient {
  const pid = segment(msg, 'PID');
  const names = repetitions(pid, 5);
  const birth = names.find((r) => r[6] === 'L') ?? names[0];
  const used = names.find((r) => r[6] === 'D');
  const lastName = required(birth?.[0], 'PID^1^5', 'patient name');
  const firstName = required(birth?.[1] || used?.[1], 'PID^1^5', 'given name');
  const birthDate = hl7Date(required(pid.getField(7)?.toString(), 'PID^1^7', 'birth date'), 'PID^1^7');
  const sexCode = required(pid.getField(8)?.toString(), 'PID^1^8', 'administrative sex');
  const sex = SEX[sexCode];
  if (!sex) throw new HisRefusal('AE', '103', `PID^1^8: '${sexCode}' is not an administrative sex of table 0001`, 'PID^1^8');
  const p: HisPatient = { ...readIpp(pid), lastName: lastName.slice(0, 100), firstName: firstName.slice(0, 100), birthDate, sex };
  if (used?.[0] && used[0] !== lastName) p.usedName = used[0].slice(0, 100);
  const allergies = msg.getAllSegments('AL1').map((a) => a.getComponent(3, 2) || a.getComponent(3, 1)).filter(Boolean);
  if (allergies.length > 0) p.allergies = [...new Set(allergies.map((a) => a.slice(0, 200)))].slice(0, 50);
  return p;
}

export function readLocation(pv1: Hl7Segment): HisLocation | undefined {
  const ward = pv1.getComponent(3, 1).trim();
  if (!ward) return undefined;
  const room = pv1.getComponent(3, 2).trim() || '—';
  const bed = pv1.getComponent(3, 3).trim();
  return { ward: ward.slice(0, 40), room: room.slice(0, 20), ...(bed ? { bed: bed.slice(0, 10) } : {}) };
}

export function readVisit(pv1: Hl7Segment): { visitNumber?: string; admittedAt?: string } {
  const visit = pv1.getComponent(19, 1).trim();
  const admit = pv1.getField(44)?.toString().trim();
  return {
    ...(visit ? { visitNumber: visit.slice(0, 40) } : {}),
    ...(admit ? { admittedAt: hl7DateTime(admit, 'PV1^1^44') } : {}),
  };
}
