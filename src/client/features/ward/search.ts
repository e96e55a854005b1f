// Ward board search: a name, an IPP or a room, typed fast on a tablet keyboard. Accents and case
// are ignored ("helene" finds "Hélène"), and every word typed must match somewhere.
// A room and its bed are written many ways on a ward ("101B", "101-B", "101 lit B", "101 B"):
// each is read as the one place "101b", which must be that patient's room and bed.
import type { PatientBody } from '../../../domain/schemas';

export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

// digits, then an optional "-", "lit" or "bed", then a single letter standing alone
const ROOM_AND_BED = /(\d+)\s*(?:-|\blit\b|\bbed\b)?\s*([a-z])(?![a-z0-9])/g;

/** The folded words of a query, a room and bed written any of the ward's ways joined as "101b". */
export function queryWords(query: string): string[] {
  return fold(query).replace(ROOM_AND_BED, '$1$2').split(/\s+/).filter(Boolean);
}

export function matchesPatient(patient: PatientBody, query: string): boolean {
  const words = queryWords(query);
  if (words.length === 0) return true;
  const place = `${patient.room}${patient.bed ?? ''}`;
  const haystack = fold([patient.lastName, patient.firstName, patient.ipp, patient.room, patient.bed ?? '', place].join(' '));
  return words.every((w) => haystack.includes(w));
}
