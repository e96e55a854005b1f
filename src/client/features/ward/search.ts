// Ward board search: a name, an IPP or a room, typed fast on a tablet keyboard. Accents and case
// are ignored ("helene" finds "Hélène"), and every word typed must match somewhere.
import type { PatientBody } from '../../../domain/schemas';

export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export function matchesPatient(patient: PatientBody, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold([patient.lastName, patient.firstName, patient.ipp, patient.room, patient.bed ?? ''].join(' '));
  return words.every((w) => haystack.includes(w));
}
