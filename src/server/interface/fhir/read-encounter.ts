// A Patient and her Encounter into an ADT-like event: the Encounter's status says which
// (planned: pre-admission A05, in-progress: admitted A01/A08, onleave: A21, finished: discharge
// A03, cancelled: A11), its location the ward, room and bed (Location physicalType wa, ro, bd,
// or a "WARD^ROOM^BED" display), its identifier the visit number, its period.start the admission.
import { HisRefusal, type AdtEvent, type HisEvent, type HisLocation, type HisPatient } from '../events';

export type FhirResource = Record<string, unknown> & { resourceType?: string; id?: string };
export interface Ref {
  reference?: string;
  display?: string;
}

const EVENT_OF_STATUS: Record<string, AdtEvent> = { planned: 'A05', arrived: 'A01', 'in-progress': 'A01', onleave: 'A21', finished: 'A03', cancelled: 'A11' };

function location(enc: FhirResource): HisLocation | undefined {
  const parts: Partial<Record<'wa' | 'ro' | 'bd', string>> = {};
  for (const l of (enc.location as { location?: Ref & { identifier?: { value?: string } }; physicalType?: { coding?: { code?: string }[] } }[] | undefined) ?? []) {
    const kind = l.physicalType?.coding?.[0]?.code;
    const value = l.location?.identifier?.value ?? l.location?.display;
    if (!value) continue;
    if (kind === 'wa' || kind === 'ro' || kind === 'bd') parts[kind] = value;
    else if (!parts.wa) {
      const [ward, room, bed] = value.split('^');
      if (ward) parts.wa = ward;
      if (room) parts.ro = room;
      if (bed) parts.bd = bed;
    }
  }
  if (!parts.wa) return undefined;
  return { ward: parts.wa.slice(0, 40), room: (parts.ro ?? '—').slice(0, 20), ...(parts.bd ? { bed: parts.bd.slice(0, 10) } : {}) };
}

export function readEncounter(patient: HisPatient, enc: FhirResource | null, where: string, at: string): HisEvent {
  if (!enc) return { kind: 'adt', event: 'A08', at, patient };
  const event = EVENT_OF_STATUS[String(enc.status)];
  if (!event) throw new HisRefusal('AE', '103', `${where}.status: '${String(enc.status)}' is not an Encounter status Relève takes`, where);
  const loc = location(enc);
  if (!loc && (event === 'A01' || event === 'A05')) throw new HisRefusal('AE', '101', `${where}.location: the ward is missing`, where);
  const start = (enc.period as { start?: string } | undefined)?.start;
  const visit = ((enc.identifier as { value?: string }[] | undefined) ?? [])[0]?.value;
  return {
    kind: 'adt',
    event,
    at,
    patient,
    ...(loc ? { location: loc } : {}),
    ...(visit ? { visitNumber: visit.slice(0, 40) } : {}),
    ...(start && !Number.isNaN(Date.parse(start)) ? { admittedAt: new Date(start).toISOString() } : {}),
  };
}
