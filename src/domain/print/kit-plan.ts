// The ward's downtime kit: which sheets, in which order, for whom. Pure: the client loads the
// census, templates and forms, and this decides the document (features/print renders it).
//
// Order: the census first (the page pinned at the nurses' station), then each patient in room
// order with their latest handover, vitals flowsheet and medication record, then blank forms
// (admissions, each carrying its own temporary IPP, lab requisitions, transfers), then the phone
// directory and the ward's procedures.
import { formKindOf } from '../questionnaire/handover';
import { canonicalOf, type Questionnaire, type QuestionnaireResponse } from '../questionnaire/types';

export const PATIENT_ROLES = ['handover', 'vitals', 'mar'] as const;
export type PatientRole = (typeof PATIENT_ROLES)[number];
const BLANK_ROLES = ['admission', 'lab', 'transfer'] as const;
type BlankRole = (typeof BLANK_ROLES)[number];
export type TemplateRole = PatientRole | BlankRole;

export interface TemplateDoc {
  docId: string;
  body: Questionnaire;
}

export interface FormDoc {
  docId: string;
  body: Pick<QuestionnaireResponse, 'questionnaire' | 'authored'>;
}

/** The template url a role prefers when several templates share its kind (the ward default). */
const PREFERRED_URL_END: Partial<Record<TemplateRole, string>> = { handover: '/handover-ipass', vitals: '/vital-signs' };
const KIND_OF_ROLE: Record<TemplateRole, string> = {
  handover: 'handover', vitals: 'flowsheet', mar: 'medication', admission: 'admission', lab: 'requisition', transfer: 'transfer',
};

const versionOrder = new Intl.Collator('en', { numeric: true });

/** Newest version of each template url, active ones only (a retired form is not printed blank). */
function currentTemplates(templates: readonly TemplateDoc[]): TemplateDoc[] {
  const byUrl = new Map<string, TemplateDoc>();
  for (const t of templates) {
    if (t.body.status !== 'active') continue;
    const seen = byUrl.get(t.body.url);
    if (!seen || versionOrder.compare(t.body.version, seen.body.version) > 0) byUrl.set(t.body.url, t);
  }
  return [...byUrl.values()];
}

/** Does a template (any version) play this role in the kit (and beside the handover round's I-PASS)? */
export function templatePlays(role: TemplateRole, q: Pick<Questionnaire, 'url' | 'code'>): boolean {
  if (formKindOf(q) !== KIND_OF_ROLE[role]) return false;
  // Two flowsheets (vitals, glucose): the vitals role is the vitals sheet only.
  return role !== 'vitals' || q.url.endsWith(PREFERRED_URL_END.vitals!);
}

/** The template printed for each role: the preferred url if present, else the first of its kind. */
export function kitTemplates(templates: readonly TemplateDoc[]): Partial<Record<TemplateRole, TemplateDoc>> {
  const current = currentTemplates(templates).sort((a, b) => (a.body.url < b.body.url ? -1 : a.body.url > b.body.url ? 1 : 0));
  const out: Partial<Record<TemplateRole, TemplateDoc>> = {};
  for (const role of [...PATIENT_ROLES, ...BLANK_ROLES]) {
    const candidates = current.filter((t) => templatePlays(role, t.body));
    const preferred = PREFERRED_URL_END[role];
    const pick = (preferred && candidates.find((t) => t.body.url.endsWith(preferred))) || candidates[0];
    if (pick) out[role] = pick;
  }
  return out;
}

/** The most recently authored form among these, ties broken by docId so every tablet agrees. */
export function latestForm<F extends FormDoc>(forms: readonly F[]): F | null {
  let best: F | null = null;
  for (const f of forms) {
    if (!best) {
      best = f;
      continue;
    }
    const d = Date.parse(f.body.authored) - Date.parse(best.body.authored);
    if (d > 0 || (d === 0 && f.docId > best.docId)) best = f;
  }
  return best;
}

/** Each patient's latest form per role, among forms whose template plays that role. */
export function latestFormsByRole<F extends FormDoc>(
  forms: readonly F[],
  templates: readonly TemplateDoc[],
): Partial<Record<PatientRole, F>> {
  const byCanonical = new Map(templates.map((t) => [canonicalOf(t.body), t.body]));
  const out: Partial<Record<PatientRole, F>> = {};
  for (const role of PATIENT_ROLES) {
    const mine = forms.filter((f) => {
      const q = byCanonical.get(f.body.questionnaire);
      return q !== undefined && templatePlays(role, q);
    });
    const latest = latestForm(mine);
    if (latest) out[role] = latest;
  }
  return out;
}

export interface KitOptions {
  census: boolean;
  handover: boolean;
  vitals: boolean;
  mar: boolean;
  /** A "derniers résultats" page for each patient the HIS sent results for. */
  results: boolean;
  /** The last 72 h of nursing notes of each patient who has some ("transmissions"). */
  notes: boolean;
  /** Blank admission sheets, each printed with its own temporary IPP. */
  admissions: number;
  labRequisitions: number;
  transfers: number;
  directory: boolean;
  procedures: boolean;
  /** Blank rows on the vitals flowsheet and the administrations table; null: the default. */
  vitalsRows: number | null;
  marRows: number | null;
}

export const DEFAULT_KIT_OPTIONS: KitOptions = {
  census: true, handover: true, vitals: true, mar: true, results: true, notes: true,
  admissions: 3, labRequisitions: 2, transfers: 1,
  directory: true, procedures: true,
  vitalsRows: null, marRows: null,
};

export const MAX_BLANK_SHEETS = 20;
export const MAX_BLANK_ROWS = 96;

const BOOLEAN_OPTIONS = ['census', 'handover', 'vitals', 'mar', 'results', 'notes', 'directory', 'procedures'] as const;
const COUNT_OPTIONS = ['admissions', 'labRequisitions', 'transfers'] as const;
const ROW_OPTIONS = ['vitalsRows', 'marRows'] as const;

function clampInt(raw: string | null, max: number): number | null {
  if (raw === null || !/^\d{1,3}$/.test(raw.trim())) return null;
  return Math.min(max, Number(raw));
}

/** Options kept in the page address, so a reload or a shared link prints the same kit. */
export function kitOptionsFromSearch(params: URLSearchParams): KitOptions {
  const o: KitOptions = { ...DEFAULT_KIT_OPTIONS };
  for (const k of BOOLEAN_OPTIONS) {
    const v = params.get(k);
    if (v === '0' || v === '1') o[k] = v === '1';
  }
  for (const k of COUNT_OPTIONS) o[k] = clampInt(params.get(k), MAX_BLANK_SHEETS) ?? o[k];
  for (const k of ROW_OPTIONS) o[k] = clampInt(params.get(k), MAX_BLANK_ROWS);
  return o;
}

/** Only what differs from the defaults, so the address stays short. */
export function kitOptionsToSearch(o: KitOptions): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of BOOLEAN_OPTIONS) if (o[k] !== DEFAULT_KIT_OPTIONS[k]) p.set(k, o[k] ? '1' : '0');
  for (const k of COUNT_OPTIONS) if (o[k] !== DEFAULT_KIT_OPTIONS[k]) p.set(k, String(o[k]));
  for (const k of ROW_OPTIONS) if (o[k] !== null) p.set(k, String(o[k]));
  return p;
}

export type KitSheet =
  | { kind: 'census' }
  | { kind: 'patient-form'; role: PatientRole; patientId: string; templateId: string; formId: string | null }
  /** The MAR pre-filled from the prescriptions in force, and the latest results (issue 13, from the HIS). */
  | { kind: 'his-mar'; patientId: string }
  | { kind: 'his-results'; patientId: string }
  /** Her nursing notes of the last 72 h. */
  | { kind: 'patient-notes'; patientId: string }
  | { kind: 'blank-form'; role: BlankRole; templateId: string; temporaryIpp: string | null; copy: number }
  | { kind: 'directory' }
  | { kind: 'procedures' }
  /** Content the tablet does not hold yet: a page that says where it will appear. */
  | { kind: 'pending'; what: 'directory' | 'procedures' };

export interface KitInput {
  /** In room order. */
  patients: readonly {
    patientId: string;
    latest: Partial<Record<PatientRole, { docId: string; templateId: string }>>;
    /** The HIS sent prescriptions in force / results for this patient. */
    hasPrescriptions?: boolean;
    hasResults?: boolean;
    /** She has nursing notes from the last 72 h. */
    hasNotes?: boolean;
  }[];
  templates: Partial<Record<TemplateRole, { docId: string }>>;
  /** This tablet's next temporary IPPs, one per blank admission sheet. */
  temporaryIpps: readonly string[];
  hasDirectory: boolean;
  hasProcedures: boolean;
  options: KitOptions;
}

export function planKit(input: KitInput): KitSheet[] {
  const { options: o, templates } = input;
  const sheets: KitSheet[] = [];
  if (o.census) sheets.push({ kind: 'census' });
  for (const p of input.patients) {
    for (const role of PATIENT_ROLES) {
      if (!o[role]) continue;
      const latest = p.latest[role];
      // Prescriptions known: the MAR comes pre-filled with them (and a MAR already begun on paper
      // and typed in is printed after it); without them, the blank MAR as before.
      if (role === 'mar' && p.hasPrescriptions) {
        sheets.push({ kind: 'his-mar', patientId: p.patientId });
        if (!latest) continue;
      }
      // The latest form of the role, printed as it stands; else the ward's blank template.
      if (latest) sheets.push({ kind: 'patient-form', role, patientId: p.patientId, templateId: latest.templateId, formId: latest.docId });
      else if (templates[role]) sheets.push({ kind: 'patient-form', role, patientId: p.patientId, templateId: templates[role].docId, formId: null });
    }
    if (o.results && p.hasResults) sheets.push({ kind: 'his-results', patientId: p.patientId });
    if (o.notes && p.hasNotes) sheets.push({ kind: 'patient-notes', patientId: p.patientId });
  }
  const blanks: [BlankRole, number][] = [['admission', o.admissions], ['lab', o.labRequisitions], ['transfer', o.transfers]];
  for (const [role, count] of blanks) {
    const t = templates[role];
    if (!t) continue;
    for (let copy = 1; copy <= count; copy++) {
      const temporaryIpp = role === 'admission' ? (input.temporaryIpps[copy - 1] ?? null) : null;
      sheets.push({ kind: 'blank-form', role, templateId: t.docId, temporaryIpp, copy });
    }
  }
  if (o.directory) sheets.push(input.hasDirectory ? { kind: 'directory' } : { kind: 'pending', what: 'directory' });
  if (o.procedures) sheets.push(input.hasProcedures ? { kind: 'procedures' } : { kind: 'pending', what: 'procedures' });
  return sheets;
}
