// ADT events into the patient document: admit, move, discharge, update, the three cancellations
// and leave of absence. A message older (by the HIS's own clock) than the last one applied for
// the patient changes nothing: it is journalled as superseded.
import type { PatientBody } from '../../domain/schemas';
import { unitScope } from '../../domain/scope';
import { HisRefusal, type HisEvent } from './events';
import type { FeedWrite } from './feed-write';
import { findPatientByIpp, rememberPatient, type KnownPatient } from './store/patients';
import { unitOfHisWard } from './store/wards';
import type { ApplyContext, Outcome } from './outcome';

type AdtEventOf = Extract<HisEvent, { kind: 'adt' }>;

const STATUS_AFTER: Record<AdtEventOf['event'], PatientBody['status'] | 'keep'> = {
  A01: 'admitted', A02: 'admitted', A03: 'discharged', A04: 'admitted', A05: 'preadmitted', A08: 'keep',
  A11: 'cancelled', A12: 'admitted', A13: 'admitted', A21: 'onLeave', A22: 'admitted',
};
/** Events that may bring a patient Relève does not know yet onto a ward. */
const MAY_CREATE = new Set(['A01', 'A02', 'A04', 'A05', 'A08']);

/** Identity fields the HIS owns; room, allergies and the rest follow from the message too. */
function nextBody(ev: AdtEventOf, unitCode: string, current: PatientBody | null): PatientBody {
  const p = ev.patient;
  const status = STATUS_AFTER[ev.event];
  const body: PatientBody = {
    ...(current ?? { allergies: [] }),
    ipp: p.ipp,
    lastName: p.lastName,
    firstName: p.firstName,
    birthDate: p.birthDate,
    sex: p.sex,
    unitCode,
    room: ev.location?.room ?? current?.room ?? '—',
    allergies: p.allergies ?? current?.allergies ?? [],
  } as PatientBody;
  if (p.ippAuthority) body.ippAuthority = p.ippAuthority;
  if (p.usedName) body.usedName = p.usedName;
  else delete body.usedName;
  if (ev.location) {
    if (ev.location.bed) body.bed = ev.location.bed;
    else delete body.bed;
  }
  if (ev.visitNumber) body.visitNumber = ev.visitNumber;
  if (status !== 'keep') body.status = status;
  if (ev.event === 'A01' || ev.event === 'A04') body.admittedAt = ev.admittedAt ?? ev.at;
  if (ev.event === 'A03') body.dischargedAt = ev.at;
  if (ev.event === 'A13') delete body.dischargedAt;
  return body;
}

/** A12 without a location: back to where she was before the last move. */
function locationBefore(current: KnownPatient): { unitCode: string; room: string; bed?: string } | null {
  const bodies = current.entries.filter((e) => e.kind === 'create' || e.kind === 'amend').map((e) => e.body as PatientBody);
  const now = current.body;
  for (let i = bodies.length - 1; i >= 0; i--) {
    const b = bodies[i]!;
    if (b.unitCode !== now.unitCode || b.room !== now.room || b.bed !== now.bed) return { unitCode: b.unitCode, room: b.room, ...(b.bed ? { bed: b.bed } : {}) };
  }
  return null;
}

export function sameBody(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort()) : x));
  return norm(a) === norm(b);
}

/** Writes the patient's new version, moving her record (and her history) when the ward changes. */
export function writePatient(w: FeedWrite, current: KnownPatient | null, body: PatientBody): string {
  const scope = unitScope(body.unitCode);
  if (!current) return w.add({ docType: 'patient', kind: 'create', parents: [], scope, body }).docId;
  const amend = w.add({ docId: current.docId, docType: 'patient', kind: 'amend', parents: current.heads, scope, body });
  if (current.body.unitCode !== body.unitCode) {
    w.route(amend.id, unitScope(current.body.unitCode)); // the old ward sees her leave
    w.resendPatient(current.docId, scope); // the new ward receives her with her history
  }
  return current.docId;
}

/** The IPP index, rewritten only when it changes: an update resent at the same HIS time rewrites nothing. */
async function remember(ctx: ApplyContext, current: KnownPatient | null, ipp: string, docId: string, at: string): Promise<void> {
  if (current && current.docId === docId && current.lastEventAt !== '' && current.lastEventAt === at) return;
  await rememberPatient(ctx.db, ipp, docId, at);
}

export async function applyAdt(ctx: ApplyContext, ev: AdtEventOf): Promise<Outcome> {
  const current = await findPatientByIpp(ctx.db, ev.patient.ipp);
  if (current && current.lastEventAt && ev.at < current.lastEventAt) {
    return { status: 'superseded', detail: `HIS time ${ev.at} is older than ${current.lastEventAt}, already applied`, ipp: ev.patient.ipp, unitCode: current.body.unitCode };
  }
  if (!current && !MAY_CREATE.has(ev.event)) throw new HisRefusal('AE', '204', `unknown patient ${ev.patient.ipp} for ${ev.event}`, 'PID^1^3');
  let unitCode = current?.body.unitCode ?? null;
  let location = ev.location;
  if (ev.event === 'A12' && !location && current) {
    const before = locationBefore(current);
    if (before) {
      unitCode = before.unitCode;
      location = { ward: before.unitCode, room: before.room, ...(before.bed ? { bed: before.bed } : {}) };
    }
  } else if (location) {
    unitCode = await unitOfHisWard(ctx.db, location.ward);
    if (!unitCode) return { status: 'unmapped', detail: `ward ${location.ward} is not in the ward table`, ipp: ev.patient.ipp };
  }
  if (!unitCode) throw new HisRefusal('AE', '101', `PV1-3: a location is needed for a patient Relève does not know (${ev.patient.ipp})`, 'PV1^1^3');
  const body = nextBody({ ...ev, ...(location ? { location } : {}) }, unitCode, current?.body ?? null);
  if (current && sameBody(current.body, body)) {
    await remember(ctx, current, ev.patient.ipp, current.docId, ev.at);
    return { status: 'unchanged', detail: 'nothing new for this patient', ipp: ev.patient.ipp, unitCode };
  }
  const docId = writePatient(ctx.write, current, body);
  await remember(ctx, current, ev.patient.ipp, docId, ev.at);
  return { status: 'applied', detail: `${ev.event} ${ev.patient.ipp}`, ipp: ev.patient.ipp, unitCode };
}
