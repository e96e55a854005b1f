// The demo census: for each ward, plausible patients in room order. Deterministic for a given
// seed and `now`: the same names, IPPs, rooms and allergies on every install.
import type { PatientBody } from '../../domain/schemas';
import { ALLERGENS, FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES } from './demo-people';
import type { DemoUnit } from './demo-hospital';
import type { Prng } from './prng';

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function birthDate(prng: Prng): string {
  return `${prng.int(1930, 2005)}-${pad(prng.int(1, 12), 2)}-${pad(prng.int(1, 28), 2)}`;
}

function allergies(prng: Prng): string[] {
  if (prng.chance(0.62)) return [];
  const first = prng.pick(ALLERGENS);
  const second = prng.chance(0.25) ? prng.pick(ALLERGENS) : first;
  return second === first ? [first] : [first, second];
}

/** IPP: '8' then 7 digits, unique across the hospital (`taken` is shared between wards). */
function ipp(prng: Prng, taken: Set<string>): string {
  for (;;) {
    const candidate = '8' + pad(prng.int(0, 9_999_999), 7);
    if (!taken.has(candidate)) {
      taken.add(candidate);
      return candidate;
    }
  }
}

/** Rooms with beds take one or two patients (A, B); other places take one each. */
function placements(unit: DemoUnit, prng: Prng): { room: string; bed?: string }[] {
  const out: { room: string; bed?: string }[] = [];
  for (let n = 0; out.length < unit.patients; n++) {
    const room = unit.room(n);
    if (!unit.beds) out.push({ room });
    else if (prng.chance(0.6) && out.length + 2 <= unit.patients) out.push({ room, bed: 'A' }, { room, bed: 'B' });
    else out.push({ room, bed: 'A' });
  }
  return out;
}

export function demoCensus(unit: DemoUnit, prng: Prng, now: Date, takenIpps: Set<string>): PatientBody[] {
  return placements(unit, prng).map(({ room, bed }) => {
    const sex = prng.chance(0.5) ? 'F' : 'M';
    const admitted = new Date(now.getTime() - prng.int(unit.stayHours[0] * 60, unit.stayHours[1] * 60) * 60_000);
    admitted.setUTCSeconds(0, 0);
    const patient: PatientBody = {
      ipp: ipp(prng, takenIpps),
      lastName: prng.pick(LAST_NAMES),
      firstName: prng.pick(sex === 'F' ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES),
      birthDate: birthDate(prng),
      sex,
      unitCode: unit.code,
      room,
      allergies: allergies(prng),
      admittedAt: admitted.toISOString(),
    };
    if (bed) patient.bed = bed;
    return patient;
  });
}
