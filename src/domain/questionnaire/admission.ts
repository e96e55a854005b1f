// A patient who arrives while the record system is down gets a temporary IPP that no other
// tablet can hand out: TMP-<this tablet's short id>-<its own counter>. The short id comes from
// the random tail of the tablet's UUIDv7 device id (40 bits, Crockford base32: no I, L, O or U
// to misread on paper), not from its timestamp head, which tablets set up the same day share.
import type { PatientBody } from '../schemas/patient';
import type { QuestionnaireResponse } from './types';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function deviceShortId(deviceId: string): string {
  const hex = deviceId.replace(/-/g, '').toLowerCase();
  let bits: bigint;
  if (/^[0-9a-f]{32}$/.test(hex)) bits = BigInt(`0x${hex.slice(-10)}`);
  else {
    // Not a UUID (test devices): FNV-1a of the whole id, 40 bits of it.
    let h = 0xcbf29ce484222325n;
    for (const ch of deviceId) h = ((h ^ BigInt(ch.codePointAt(0)!)) * 0x100000001b3n) & 0xffffffffffffffffn;
    bits = h & 0xffffffffffn;
  }
  let out = '';
  for (let i = 0; i < 8; i++) {
    out = CROCKFORD[Number(bits & 31n)]! + out;
    bits >>= 5n;
  }
  return out;
}

export function temporaryIpp(shortId: string, n: number): string {
  return `TMP-${shortId}-${String(n).padStart(4, '0')}`;
}

export const TEMPORARY_IPP = /^TMP-[0-9A-HJKMNP-TV-Z]{8}-\d{4,}$/;

/** linkIds of the admission template that make up the patient's census record. */
export const ADMISSION_LINK_IDS = {
  ipp: 'tmp-ipp',
  lastName: 'last-name',
  firstName: 'first-name',
  birthDate: 'birth-date',
  sex: 'sex',
  room: 'room',
  bed: 'bed',
  allergies: 'allergies',
} as const;

function answerOf(r: Pick<QuestionnaireResponse, 'item'>, linkId: string) {
  const stack = [...(r.item ?? [])];
  while (stack.length > 0) {
    const i = stack.shift()!;
    if (i.linkId === linkId) return i.answer ?? [];
    stack.push(...(i.item ?? []));
  }
  return [];
}

/** The census record of an admitted patient, from the admission form's answers. */
export function patientFromAdmission(
  r: Pick<QuestionnaireResponse, 'item'>,
  ipp: string,
  unitCode: string,
  admittedAt: string,
): PatientBody {
  const s = (id: string) => answerOf(r, id)[0]?.valueString?.trim() ?? '';
  const sex = answerOf(r, ADMISSION_LINK_IDS.sex)[0]?.valueCoding?.code;
  const bed = s(ADMISSION_LINK_IDS.bed);
  return {
    ipp,
    lastName: s(ADMISSION_LINK_IDS.lastName),
    firstName: s(ADMISSION_LINK_IDS.firstName),
    birthDate: answerOf(r, ADMISSION_LINK_IDS.birthDate)[0]?.valueDate ?? '',
    sex: sex === 'F' || sex === 'M' ? sex : 'X',
    unitCode,
    room: s(ADMISSION_LINK_IDS.room),
    ...(bed ? { bed } : {}),
    allergies: answerOf(r, ADMISSION_LINK_IDS.allergies).flatMap((a) => (a.valueString ? [a.valueString.trim()] : [])).filter(Boolean),
    admittedAt,
  };
}
