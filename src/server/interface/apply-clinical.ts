// Prescriptions and results onto a known patient. A prescription is one document per HIS order
// number; a result one document per test code (the latest value). Each new version is an amend,
// and an older message never replaces a newer version (ORC-9 for orders, OBX-14 for results).
import type { MedicationOrderBody, ResultBody } from '../../domain/schemas';
import { unitScope } from '../../domain/scope';
import { HisRefusal, type HisEvent } from './events';
import type { FeedWrite } from './feed-write';
import { sameBody } from './apply-adt';
import { docsOfPatient, findPatientByIpp, type KnownPatient, type PatientDoc } from './store/patients';
import type { ApplyContext, Outcome } from './outcome';

async function patientOf(ctx: ApplyContext, ipp: string): Promise<KnownPatient> {
  const p = await findPatientByIpp(ctx.db, ipp);
  if (!p) throw new HisRefusal('AE', '204', `unknown patient ${ipp}: an ADT admission must come first`, 'PID^1^3');
  return p;
}

/** A new version of `existing`, or a new document; delivered to the ward she is on now. */
function upsert(w: FeedWrite, patient: KnownPatient, docType: string, existing: PatientDoc | undefined, body: unknown): void {
  const ward = unitScope(patient.body.unitCode);
  if (!existing) {
    w.add({ docType, kind: 'create', parents: [], scope: ward, patientId: patient.docId, body });
    return;
  }
  const e = w.add({ docId: existing.docId, docType, kind: 'amend', parents: existing.heads, scope: existing.scope, patientId: patient.docId, body });
  if (existing.scope !== ward) w.route(e.id, ward);
}

function summary(status: Outcome['status'], applied: number, skipped: number, what: string, p: KnownPatient): Outcome {
  return { status, detail: `${applied} ${what} applied, ${skipped} older or unchanged`, ipp: p.body.ipp, unitCode: p.body.unitCode };
}

export async function applyOrders(ctx: ApplyContext, ev: Extract<HisEvent, { kind: 'orders' }>): Promise<Outcome> {
  const patient = await patientOf(ctx, ev.ipp);
  const docs = await docsOfPatient(ctx.db, patient.docId, 'medication-order');
  let applied = 0;
  for (const order of ev.orders) {
    const existing = docs.find((d) => (d.body as MedicationOrderBody).orderId === order.orderId);
    const current = existing?.body as MedicationOrderBody | undefined;
    if (current && ((current.hisEventAt && order.hisEventAt && order.hisEventAt < current.hisEventAt) || sameBody(current, order))) continue;
    upsert(ctx.write, patient, 'medication-order', existing, order);
    applied++;
  }
  return summary(applied > 0 ? 'applied' : 'superseded', applied, ev.orders.length - applied, 'orders', patient);
}

export async function applyResults(ctx: ApplyContext, ev: Extract<HisEvent, { kind: 'results' }>): Promise<Outcome> {
  const patient = await patientOf(ctx, ev.ipp);
  const docs = await docsOfPatient(ctx.db, patient.docId, 'result');
  // Several values of one test in a message: the latest wins.
  const latest = new Map<string, ResultBody>();
  for (const r of ev.results) {
    const seen = latest.get(r.code);
    if (!seen || r.observedAt >= seen.observedAt) latest.set(r.code, r);
  }
  let applied = 0;
  for (const r of latest.values()) {
    const existing = docs.find((d) => (d.body as ResultBody).code === r.code);
    const current = existing?.body as ResultBody | undefined;
    const corrects = r.resultStatus === 'C' && current?.observedAt === r.observedAt;
    if (current && (r.observedAt < current.observedAt || (r.observedAt === current.observedAt && !corrects) || sameBody(current, r))) continue;
    upsert(ctx.write, patient, 'result', existing, r);
    applied++;
  }
  return summary(applied > 0 ? 'applied' : 'superseded', applied, ev.results.length - applied, 'results', patient);
}
