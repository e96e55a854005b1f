// A FHIR R4 transaction Bundle (Patient, Encounter with its location, AllergyIntolerance,
// MedicationRequest, Observation) into the same HisEvents as HL7v2, for hospitals without an
// HL7v2 feed. Refusals name the entry and the element that is wrong; nothing is written for a
// Bundle with one bad entry.
import type { MedicationOrderBody, ResultBody } from '../../../domain/schemas';
import { ABNORMAL_FLAGS, type AbnormalFlag } from '../../../domain/schemas/result';
import { HisRefusal, type HisEvent, type HisPatient } from '../events';
import { readEncounter, type FhirResource, type Ref } from './read-encounter';

const GENDER: Record<string, HisPatient['sex']> = { female: 'F', male: 'M', other: 'X', unknown: 'X' };
const ORDER_STATUS: Record<string, MedicationOrderBody['status']> = { active: 'active', 'on-hold': 'stopped', stopped: 'stopped', completed: 'stopped', cancelled: 'cancelled', 'entered-in-error': 'cancelled' };
const RESULT_STATUS: Record<string, ResultBody['resultStatus']> = { final: 'F', preliminary: 'P', amended: 'C', corrected: 'C' };

const fail = (where: string, what: string): never => {
  throw new HisRefusal('AE', '101', `${where}: ${what}`, where);
};
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

function isoTime(v: unknown, where: string): string {
  const s = str(v);
  const t = s ? Date.parse(s) : NaN;
  if (!s || Number.isNaN(t) || !/^\d{4}-\d{2}-\d{2}/.test(s)) throw new HisRefusal('AE', '102', `${where}: '${String(v)}' is not a FHIR dateTime`, where);
  return new Date(t).toISOString();
}

function readPatient(r: FhirResource, where: string): HisPatient {
  const ids = (r.identifier as { value?: string; system?: string; type?: { coding?: { code?: string }[] } }[] | undefined) ?? [];
  const pi = ids.find((i) => i.type?.coding?.some((c) => c.code === 'PI' || c.code === 'MR')) ?? ids[0];
  const ipp = str(pi?.value) ?? fail(`${where}.identifier`, 'the patient identifier (IPP) is missing');
  const names = (r.name as { use?: string; family?: string; given?: string[] }[] | undefined) ?? [];
  const official = names.find((n) => n.use === 'official') ?? names[0];
  const usual = names.find((n) => n.use === 'usual');
  const birthDate = str(r.birthDate);
  if (!birthDate || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate) || Number.isNaN(Date.parse(birthDate))) throw new HisRefusal('AE', '102', `${where}.birthDate: '${String(r.birthDate)}' is not a date YYYY-MM-DD`, `${where}.birthDate`);
  const sex = GENDER[String(r.gender)] ?? fail(`${where}.gender`, `'${String(r.gender)}' is not a FHIR administrative gender`);
  const p: HisPatient = {
    ipp: ipp.slice(0, 40),
    lastName: (str(official?.family) ?? fail(`${where}.name`, 'the family name is missing')).slice(0, 100),
    firstName: (str(official?.given?.[0]) ?? str(usual?.given?.[0]) ?? fail(`${where}.name`, 'the given name is missing')).slice(0, 100),
    birthDate,
    sex,
  };
  if (str(pi?.system)) p.ippAuthority = pi!.system!.slice(0, 80);
  if (str(usual?.family) && usual!.family !== p.lastName) p.usedName = usual!.family!.slice(0, 100);
  return p;
}

function text(cc: unknown): string | undefined {
  const c = cc as { text?: string; coding?: { display?: string; code?: string }[] } | undefined;
  return str(c?.text) ?? str(c?.coding?.[0]?.display) ?? str(c?.coding?.[0]?.code);
}

function readOrder(r: FhirResource, where: string, at: string): MedicationOrderBody {
  const dosage = ((r.dosageInstruction as Record<string, unknown>[] | undefined) ?? [])[0] ?? {};
  const dose = ((dosage.doseAndRate as { doseQuantity?: { value?: number; unit?: string } }[] | undefined) ?? [])[0]?.doseQuantity;
  const timing = (dosage.timing as { code?: unknown; repeat?: { timeOfDay?: string[]; boundsPeriod?: { start?: string; end?: string } } } | undefined) ?? {};
  const status = ORDER_STATUS[String(r.status)] ?? fail(`${where}.status`, `'${String(r.status)}' is not a MedicationRequest status`);
  const bounds = timing.repeat?.boundsPeriod;
  const times = (timing.repeat?.timeOfDay ?? []).map((t) => {
    if (!/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/.test(t)) throw new HisRefusal('AE', '102', `${where}.dosageInstruction.timing.repeat.timeOfDay: '${t}' is not a time`, where);
    return t.slice(0, 5);
  });
  const ids = (r.identifier as { value?: string }[] | undefined) ?? [];
  return {
    orderId: (str(ids[0]?.value) ?? str(r.id) ?? fail(`${where}.identifier`, 'the order number is missing')).slice(0, 80),
    drug: (text(r.medicationCodeableConcept) ?? fail(`${where}.medicationCodeableConcept`, 'the drug is missing')).slice(0, 200),
    dose: dose?.value !== undefined ? String(dose.value) : (str(dosage.text) ?? fail(`${where}.dosageInstruction`, 'the dose is missing')).slice(0, 40),
    doseUnit: (str(dose?.unit) ?? '').slice(0, 40),
    route: (text(dosage.route) ?? '').slice(0, 60),
    frequency: (text(timing.code) ?? str(dosage.text) ?? '').slice(0, 80),
    times: [...new Set(times)].sort(),
    ...(dosage.asNeededBoolean === true ? { prn: true } : {}),
    start: bounds?.start ? isoTime(bounds.start, `${where}.boundsPeriod.start`) : r.authoredOn ? isoTime(r.authoredOn, `${where}.authoredOn`) : at,
    ...(bounds?.end ? { stop: isoTime(bounds.end, `${where}.boundsPeriod.end`) } : {}),
    prescriber: (str((r.requester as { display?: string } | undefined)?.display) ?? '').slice(0, 120),
    status,
    hisEventAt: r.authoredOn && status === 'active' ? isoTime(r.authoredOn, `${where}.authoredOn`) : at,
  };
}

function readObservation(r: FhirResource, where: string): ResultBody | null {
  const resultStatus = RESULT_STATUS[String(r.status)];
  if (!resultStatus) return null; // registered, cancelled, entered-in-error: no value to show
  const coding = ((r.code as { coding?: { system?: string; code?: string; display?: string }[] } | undefined)?.coding ?? []);
  const loinc = coding.find((c) => c.system === 'http://loinc.org') ?? coding[0];
  const q = r.valueQuantity as { value?: number; unit?: string } | undefined;
  const value = q?.value !== undefined ? String(q.value) : (str(r.valueString) ?? fail(`${where}.value[x]`, 'the value is missing'));
  const range = ((r.referenceRange as { low?: { value?: number }; high?: { value?: number }; text?: string }[] | undefined) ?? [])[0];
  const flag = str(((r.interpretation as { coding?: { code?: string }[] }[] | undefined) ?? [])[0]?.coding?.[0]?.code);
  if (flag && !(ABNORMAL_FLAGS as readonly string[]).includes(flag)) throw new HisRefusal('AE', '103', `${where}.interpretation: '${flag}' is not one of ${ABNORMAL_FLAGS.join(', ')}`, where);
  const rangeText = str(range?.text) ?? (range?.low?.value !== undefined || range?.high?.value !== undefined ? `${range?.low?.value ?? ''}-${range?.high?.value ?? ''}` : undefined);
  return {
    code: (str(loinc?.code) ?? fail(`${where}.code`, 'the test code is missing')).slice(0, 40),
    system: (str(loinc?.system) ?? 'http://loinc.org').slice(0, 80),
    label: (str(loinc?.display) ?? text(r.code) ?? loinc!.code!).slice(0, 200),
    value: value.slice(0, 200),
    ...(str(q?.unit) ? { unit: q!.unit!.slice(0, 40) } : {}),
    ...(rangeText ? { range: rangeText.slice(0, 60) } : {}),
    ...(flag ? { flag: flag as AbnormalFlag } : {}),
    observedAt: isoTime(r.effectiveDateTime ?? r.issued, `${where}.effectiveDateTime`),
    resultStatus,
  };
}

/** The Bundle's events, in order: patients (with their stays and allergies), then orders, then results. */
export function readBundle(bundle: unknown, receivedAt: string): { controlId: string | null; events: HisEvent[] } {
  const b = bundle as { resourceType?: string; type?: string; entry?: { fullUrl?: string; resource?: FhirResource }[]; identifier?: { value?: string }; timestamp?: string } | null;
  if (!b || b.resourceType !== 'Bundle') throw new HisRefusal('AR', '200', 'expected a FHIR Bundle');
  if (b.type !== 'transaction' && b.type !== 'batch' && b.type !== 'collection') throw new HisRefusal('AR', '200', `Bundle.type '${String(b.type)}': send a transaction Bundle`);
  const at = b.timestamp ? isoTime(b.timestamp, 'Bundle.timestamp') : receivedAt;
  const entries = (b.entry ?? []).map((e, i) => ({ ...e, where: `Bundle.entry[${i}].resource`, resource: e.resource ?? fail(`Bundle.entry[${i}]`, 'no resource') }));
  const patients = new Map<string, HisPatient>(); // by fullUrl and by Patient/<id>
  for (const e of entries.filter((x) => x.resource.resourceType === 'Patient')) {
    const p = readPatient(e.resource, e.where);
    if (e.fullUrl) patients.set(e.fullUrl, p);
    if (e.resource.id) patients.set(`Patient/${String(e.resource.id)}`, p);
  }
  const patientOf = (ref: unknown, where: string): HisPatient => {
    const r = str((ref as Ref | undefined)?.reference);
    return (r && patients.get(r)) || fail(`${where}.subject`, `'${r ?? ''}' names no Patient of this Bundle`);
  };
  const events: HisEvent[] = [];
  const known = new Set(['Patient', 'Encounter', 'AllergyIntolerance', 'MedicationRequest', 'Observation']);
  for (const e of entries) if (!known.has(String(e.resource.resourceType))) throw new HisRefusal('AE', '200', `${e.where}: ${String(e.resource.resourceType)} is not taken (Patient, Encounter, AllergyIntolerance, MedicationRequest, Observation)`, e.where);
  for (const [key, p] of patients) {
    if (key.startsWith('Patient/') && [...patients.entries()].some(([k, q]) => q === p && !k.startsWith('Patient/'))) continue;
    const allergies = entries.filter((e) => e.resource.resourceType === 'AllergyIntolerance' && patientOf(e.resource.patient, e.where) === p).map((e) => text(e.resource.code) ?? fail(`${e.where}.code`, 'the allergen is missing'));
    const withAllergies: HisPatient = allergies.length > 0 ? { ...p, allergies: [...new Set(allergies)].slice(0, 50) } : p;
    const encounter = entries.find((e) => e.resource.resourceType === 'Encounter' && patientOf(e.resource.subject, e.where) === p);
    events.push(readEncounter(withAllergies, encounter?.resource ?? null, encounter?.where ?? '', at));
  }
  const byIpp = (p: HisPatient) => p.ipp;
  for (const e of entries.filter((x) => x.resource.resourceType === 'MedicationRequest')) {
    events.push({ kind: 'orders', at, ipp: byIpp(patientOf(e.resource.subject, e.where)), orders: [readOrder(e.resource, e.where, at)] });
  }
  for (const e of entries.filter((x) => x.resource.resourceType === 'Observation')) {
    const r = readObservation(e.resource, e.where);
    if (r) events.push({ kind: 'results', at, ipp: byIpp(patientOf(e.resource.subject, e.where)), results: [r] });
  }
  if (events.length === 0) throw new HisRefusal('AE', '101', 'the Bundle has nothing Relève takes');
  return { controlId: str(b.identifier?.value) ?? null, events };
}
