// HL7v2 fixtures written for Relève, segment by segment, after HL7 v2.5 and IHE PAM France
// (PAM-FR 2.10, "Profil Gestion administrative des patients, extension française"). Each builder
// names the rule it follows. Fields are placed by number (seg('PV1', {3: ...})) so no pipe is
// counted by hand; the MSH-1 field separator and MSH-2 encoding characters are fixed.
const HOSPITAL = 'CHD&1.2.250.1.213.1.1.9&ISO';
let control = 0;

/** A segment with its fields at their numbers; MSH counts its field separator as MSH-1. */
export function seg(name: string, fields: Record<number, string>): string {
  const last = Math.max(0, ...Object.keys(fields).map(Number));
  const out: string[] = [name];
  const first = name === 'MSH' ? 3 : 1;
  if (name === 'MSH') out.push('^~\\&');
  for (let i = first; i <= last; i++) out.push(fields[i] ?? '');
  return out.join('|');
}

export function message(...segments: string[]): string {
  return segments.join('\r');
}

export interface Header {
  type: string; // e.g. ADT^A01^ADT_A01
  controlId?: string;
  at?: string; // HL7 DTM
}

/** MSH per PAM-FR 2.10 §3.2: MSH-9 type^trigger^structure, MSH-12 2.5^FRA^2.10, MSH-17 FRA, MSH-18 8859/1. */
export function msh(h: Header): string {
  return seg('MSH', { 3: 'SIH_GAM', 4: 'CHD', 5: 'RELEVE', 6: 'CHD', 7: h.at ?? '20260302101500', 9: h.type, 10: h.controlId ?? `MSG${++control}-${Date.now()}`, 11: 'P', 12: '2.5^FRA^2.10', 17: 'FRA', 18: '8859/1' });
}

/** EVN: EVN-2 recorded date/time, EVN-5 operator, EVN-6 event occurred (PAM-FR: the movement's time). */
export function evn(at: string, occurred = at): string {
  return seg('EVN', { 2: at, 5: 'jdupont^DUPONT^Jean', 6: occurred });
}

export interface Person {
  ipp: string;
  birthName: string;
  usedName?: string;
  given: string;
  birth: string; // YYYYMMDD
  sex: string;
}

/** PID per PAM-FR §3.4: PID-3 the IPP of type PI with its assigning authority; PID-5 birth name (L) then used name (D); PID-7; PID-8. */
export function pid(p: Person): string {
  const names = [`${p.birthName}^${p.given}^^^^^L`, ...(p.usedName ? [`${p.usedName}^${p.given}^^^^^D`] : [])].join('~');
  return seg('PID', { 1: '1', 3: `${p.ipp}^^^${HOSPITAL}^PI`, 5: names, 7: p.birth, 8: p.sex });
}

/** PV1 per PAM-FR §3.6: PV1-2 class (I inpatient, O outpatient, E emergency), PV1-3 ward^room^bed^facility, PV1-19 the visit number (VN), PV1-44 admission time. */
export function pv1(loc: { ward: string; room?: string; bed?: string } | null, visit = 'V2026000123', admitted = '20260302101000', cls = 'I'): string {
  const place = loc ? `${loc.ward}^${loc.room ?? ''}^${loc.bed ?? ''}^CHD` : '';
  return seg('PV1', { 1: '1', 2: cls, 3: place, 19: `${visit}^^^${HOSPITAL}^VN`, 44: admitted });
}

/** ZBE, the French movement segment (PAM-FR §3.8): Relève passes over it. */
function zbe(id: string, at: string, action = 'INSERT'): string {
  return seg('ZBE', { 1: `${id}^CHD`, 2: at, 4: action, 5: 'N' });
}

/** AL1: AL1-2 allergen type (DA drug), AL1-3 allergen code^text. */
function al1(n: number, text: string): string {
  return seg('AL1', { 1: String(n), 2: 'DA', 3: `^${text}` });
}

/** ADT^A01 admit (PAM-FR §4.1, structure ADT_A01): MSH EVN PID PV1 [ZBE] [AL1...]. */
export function admit(p: Person, loc: { ward: string; room?: string; bed?: string }, o: { at?: string; controlId?: string; allergies?: string[] } = {}): string {
  const at = o.at ?? '20260302101000';
  return message(msh({ type: 'ADT^A01^ADT_A01', at, ...(o.controlId ? { controlId: o.controlId } : {}) }), evn(at), pid(p), pv1(loc, 'V2026000123', at), zbe('MVT1', at), ...(o.allergies ?? []).map((a, i) => al1(i + 1, a)));
}

/** An ADT movement (A02 transfer, A03 discharge, A08 update, A11/A12/A13 cancellations, A21/A22 leave) with the same layout (PAM-FR §4.2-4.10). */
export function movement(trigger: string, structure: string, p: Person, loc: { ward: string; room?: string; bed?: string } | null, o: { at?: string; controlId?: string } = {}): string {
  const at = o.at ?? '20260302120000';
  return message(msh({ type: `ADT^${trigger}^${structure}`, at, ...(o.controlId ? { controlId: o.controlId } : {}) }), evn(at), pid(p), pv1(loc, 'V2026000123', '20260302101000'), zbe(`MVT-${trigger}`, at, trigger.startsWith('A1') ? 'CANCEL' : 'INSERT'));
}

/** ADT^A40 merge (PAM-FR §4.14, structure ADT_A39): MSH EVN PID (the survivor) MRG (MRG-1 the prior IPP). */
export function merge(survivor: Person, priorIpp: string, o: { at?: string } = {}): string {
  const at = o.at ?? '20260302140000';
  return message(msh({ type: 'ADT^A40^ADT_A39', at }), evn(at), pid(survivor), seg('MRG', { 1: `${priorIpp}^^^${HOSPITAL}^PI` }));
}

/** ADT^A47 change of patient identifier (PAM-FR §4.15, structure ADT_A30): MSH EVN PID (new IPP) MRG (old IPP). */
export function changeIpp(p: Person, priorIpp: string): string {
  return message(msh({ type: 'ADT^A47^ADT_A30', at: '20260302150000' }), evn('20260302150000'), pid(p), seg('MRG', { 1: `${priorIpp}^^^${HOSPITAL}^PI` }));
}

export interface Order {
  control: string; // ORC-1: NW, CA, DC...
  id: string;
  drug: string;
  code?: string;
  dose: string;
  unit: string;
  route: string;
  pattern?: string; // TQ1-3, e.g. Q8H^toutes les 8 h
  times?: string[]; // TQ1-4, HHMM
  start?: string;
  stop?: string;
  at?: string; // ORC-9
}

/**
 * RDE^O11 (HL7 v2.5 §4A.3.6, structure RDE_O11): MSH PID [PV1] then per order ORC [TQ1] RXE {TQ1} {RXR}.
 * ORC-1 order control, ORC-2 placer number, ORC-9 transaction time, ORC-12 the prescriber;
 * RXE-2 give code, RXE-3 amount, RXE-5 units; TQ1-3 repeat pattern, TQ1-4 times, TQ1-7/8 start/end; RXR-1 route (table 0162).
 */
export function pharmacy(p: Person, orders: Order[], o: { controlId?: string; ward?: string } = {}): string {
  const groups = orders.flatMap((r) => [
    seg('ORC', { 1: r.control, 2: `${r.id}^SIH_PHARMA`, 9: r.at ?? '20260302110000', 12: '10003^MOREAU^Hélène' }),
    seg('RXE', { 2: `${r.code ?? ''}^${r.drug}^CIP`, 3: r.dose, 5: `${r.unit}^${r.unit}`, 7: '' }),
    seg('TQ1', { 1: '1', 3: r.pattern ?? '', 4: (r.times ?? []).join('~'), 7: r.start ?? '20260302060000', 8: r.stop ?? '' }),
    seg('RXR', { 1: `${r.route}^${r.route}^HL70162` }),
  ]);
  return message(msh({ type: 'RDE^O11^RDE_O11', ...(o.controlId ? { controlId: o.controlId } : {}) }), pid(p), pv1({ ward: o.ward ?? 'MED', room: '101', bed: 'A' }), ...groups);
}

export interface Observation {
  loinc: string;
  label: string;
  value: string;
  unit?: string;
  range?: string;
  flag?: string;
  at?: string;
  status?: string;
}

/** ORU^R01 (HL7 v2.5 §7.3.1, structure ORU_R01): MSH PID [PV1] then [ORC] OBR {OBX}; OBX-3 LOINC^label^LN, OBX-5, OBX-6, OBX-7, OBX-8 (table 0078), OBX-11 (table 0085), OBX-14. */
export function labResults(p: Person, obs: Observation[], o: { controlId?: string } = {}): string {
  return message(
    msh({ type: 'ORU^R01^ORU_R01', ...(o.controlId ? { controlId: o.controlId } : {}) }),
    pid(p),
    pv1({ ward: 'MED', room: '101', bed: 'A' }),
    seg('OBR', { 1: '1', 2: 'ORD-LAB-1', 3: 'LAB-1', 4: '24326-1^Bilan biologique^LN', 7: obs[0]?.at ?? '20260302070000' }),
    ...obs.map((x, i) => seg('OBX', { 1: String(i + 1), 2: 'NM', 3: `${x.loinc}^${x.label}^LN`, 5: x.value, 6: x.unit ? `${x.unit}^${x.unit}^UCUM` : '', 7: x.range ?? '', 8: x.flag ?? '', 11: x.status ?? 'F', 14: x.at ?? '20260302070000' })),
  );
}
