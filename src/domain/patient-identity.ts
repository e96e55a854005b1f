// The two patient identifiers shown on every screen and page: name with birth date, and IPP.
import type { PatientBody } from './schemas';

export function displayName(p: Pick<PatientBody, 'lastName' | 'firstName'>): string {
  return `${p.lastName.toUpperCase()} ${p.firstName}`;
}

/** Age in whole years on a given day, from an ISO birth date. Pure: the caller passes "today". */
export function ageOn(birthDate: string, today: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = today.getUTCFullYear() - y;
  const beforeBirthday = today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d);
  if (beforeBirthday) age -= 1;
  return age;
}
