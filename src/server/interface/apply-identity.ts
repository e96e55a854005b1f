// Identity fixes. A40 merges the prior record (MRG-1) into the surviving one (PID-3): the prior
// record leaves the census (status merged) and a `patient-link` (source hl7-a40, the same link a
// person makes for a TMP patient, domain/recovery/patient-link.ts) says whose documents it now
// shows under; everything written on it, the link included, is delivered to the survivor's ward,
// where the patient page shows it with the survivor's own. When Relève holds
// only the prior record (typically a TMP-… patient created on a tablet during the outage), that
// record takes the survivor's identity: this is how a temporary patient gets her real IPP.
// A47 changes the IPP of one record.
import { PATIENT_LINK_TYPE, type LinkedPatient, type PatientLinkBody } from '../../domain/recovery/patient-link';
import { unitScope } from '../../domain/scope';
import type { PatientBody } from '../../domain/schemas';
import { HisRefusal, type HisEvent, type HisPatient } from './events';
import { writePatient } from './apply-adt';
import { findPatientByIpp, forgetIpp, rememberPatient, type KnownPatient } from './store/patients';
import type { ApplyContext, Outcome } from './outcome';

function withIdentity(body: PatientBody, p: HisPatient): PatientBody {
  const next: PatientBody = { ...body, ipp: p.ipp, lastName: p.lastName, firstName: p.firstName, birthDate: p.birthDate, sex: p.sex };
  if (p.ippAuthority) next.ippAuthority = p.ippAuthority;
  if (p.usedName) next.usedName = p.usedName;
  return next;
}

/** A patient as a link names her: both identifiers, so a tablet holding only one side still reads both. */
function linked(p: KnownPatient): LinkedPatient {
  return { patientId: p.docId, ipp: p.body.ipp, name: `${p.body.lastName.toUpperCase()} ${p.body.firstName}`, birthDate: p.body.birthDate };
}

export async function applyMerge(ctx: ApplyContext, ev: Extract<HisEvent, { kind: 'merge' }>): Promise<Outcome> {
  const prior = await findPatientByIpp(ctx.db, ev.priorIpp);
  if (!prior) throw new HisRefusal('AE', '204', `unknown prior patient ${ev.priorIpp} (MRG-1)`, 'MRG^1^1');
  const survivor = await findPatientByIpp(ctx.db, ev.survivor.ipp);
  if (survivor && survivor.docId === prior.docId) return { status: 'unchanged', detail: 'already merged', ipp: ev.survivor.ipp, unitCode: survivor.body.unitCode };
  await forgetIpp(ctx.db, ev.priorIpp);
  if (!survivor) {
    const docId = writePatient(ctx.write, prior, withIdentity(prior.body, ev.survivor));
    await rememberPatient(ctx.db, ev.survivor.ipp, docId, ev.at);
    return { status: 'applied', detail: `${ev.priorIpp} now known as ${ev.survivor.ipp}`, ipp: ev.survivor.ipp, unitCode: prior.body.unitCode };
  }
  const priorScope = unitScope(prior.body.unitCode);
  const { mergedInto: _legacy, ...priorBody } = prior.body;
  const amend = ctx.write.add({ docId: prior.docId, docType: 'patient', kind: 'amend', parents: prior.heads, scope: priorScope, body: { ...priorBody, status: 'merged' } });
  const link: PatientLinkBody = { merged: linked(prior), into: linked(survivor), source: 'hl7-a40' };
  const { id } = ctx.write.add({ docType: PATIENT_LINK_TYPE, kind: 'create', parents: [], scope: priorScope, patientId: prior.docId, body: link });
  if (prior.body.unitCode !== survivor.body.unitCode) {
    // Her history first (resent before this message's entries), then the merge and the link.
    const survivorScope = unitScope(survivor.body.unitCode);
    ctx.write.resendPatient(prior.docId, survivorScope);
    ctx.write.route(amend.id, survivorScope);
    ctx.write.route(id, survivorScope);
  }
  await rememberPatient(ctx.db, ev.survivor.ipp, survivor.docId, ev.at);
  return { status: 'applied', detail: `${ev.priorIpp} merged into ${ev.survivor.ipp}`, ipp: ev.survivor.ipp, unitCode: survivor.body.unitCode };
}

export async function applyIppChange(ctx: ApplyContext, ev: Extract<HisEvent, { kind: 'ipp-change' }>): Promise<Outcome> {
  const prior = await findPatientByIpp(ctx.db, ev.priorIpp);
  if (!prior) throw new HisRefusal('AE', '204', `unknown patient identifier ${ev.priorIpp} (MRG-1)`, 'MRG^1^1');
  if (await findPatientByIpp(ctx.db, ev.patient.ipp)) throw new HisRefusal('AE', '205', `identifier ${ev.patient.ipp} is already another patient's: send A40 to merge`, 'PID^1^3');
  await forgetIpp(ctx.db, ev.priorIpp);
  const docId = writePatient(ctx.write, prior, withIdentity(prior.body, ev.patient));
  await rememberPatient(ctx.db, ev.patient.ipp, docId, ev.at);
  return { status: 'applied', detail: `IPP ${ev.priorIpp} changed to ${ev.patient.ipp}`, ipp: ev.patient.ipp, unitCode: prior.body.unitCode };
}
