// The census as the ward board reads it: patients of one unit, in room order.
import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useLockAwareLiveQuery } from './lock-aware-live-query';
import { useTranslation } from '../i18n';
import { wardName } from '../../domain/english-names';
import { bodyOf, docOf } from '../../domain/doc-bodies';
import type { DocState } from '../../domain/project';
import type { PatientBody } from '../../domain/schemas';
import { isOnCensus } from '../../domain/schemas/census';
import { GLOBAL_SCOPE, unitScope } from '../../domain/scope';
import { db, type DocRow, type NoteSummaryRow, type ReleveDb } from '../db/schema';
import { getMeta } from '../db/meta';
import { BOARD_LINES_BUILT, figuresOf, summaryFigures, type NoteFigures } from '../db/note-summary';
import { useSession, type SessionUser } from './session';
import { firstAnswer, unitsAnswerKey, wardAnswerKey } from './first-answers';
import { latestHandoversOfUnit } from './latest-handover';
import type { Severity } from '../../domain/questionnaire';

export interface UnitInfo {
  code: string;
  name: string;
}

export interface WardRow {
  patientId: string;
  patient: PatientBody;
  lastNoteAt: string | null;
  noteCount: number;
  conflicted: boolean;
  /** From the patient's latest handover; null when none gives it. */
  severity: Severity | null;
}

const roomOrder = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });

export function compareBeds(a: PatientBody, b: PatientBody): number {
  return roomOrder.compare(a.room, b.room) || roomOrder.compare(a.bed ?? '', b.bed ?? '');
}

/** The signed-in person's wards, each named in the screen's language where the ward has an English name. */
export function useUnits(): UnitInfo[] | undefined {
  const { user } = useSession();
  const language = useTranslation().i18n.language;
  return useLockAwareLiveQuery(
    async () => (user ? unitsNamed(user, await loadUnitNames(language)) : []),
    [user?.id, user?.units.join(), language],
    user ? firstAnswer<UnitInfo[]>(unitsAnswerKey(user.id, user.units, language)) : undefined,
  );
}

/** Every ward's name in `language`, by code (first-screen.ts reads them before knowing who is here). */
export async function loadUnitNames(language: string): Promise<Map<string, string>> {
  const docs = await db().docs.where('[docType+scope]').equals(['unit', GLOBAL_SCOPE]).toArray();
  return new Map(docs.flatMap((d) => docOf(d, 'unit')?.body ?? []).map((u) => [u.code, wardName(u, language)]));
}

/** Her wards, named from the unit documents when we have them. */
export function unitsNamed(user: SessionUser, names: Map<string, string>): UnitInfo[] {
  return user.units.map((code) => ({ code, name: names.get(code) ?? code }));
}

/** `d` is the app's database; the vault bench passes its own, with and without encryption. */
export async function loadWard(unitCode: string, d: ReleveDb = db()): Promise<WardRow[]> {
  // Every read is asked for at once, none waits on another: under the vault each answer is then
  // decrypted in one batch, all batches together (issue 9). Dexie follows a live query across a
  // limited number of awaits, and a full ward must still update live. Only this ward's rows are
  // opened (each costs a decryption): one board line per patient (note-summary.ts: her record
  // as the board shows it and her note figures), found by the ward her current record names
  // (the HIS feed moves a record and her notes).
  const [built, lines, handovers, conflicted] = await Promise.all([
    getMeta(d, BOARD_LINES_BUILT),
    d.noteSummaries.where('ward').equals(unitCode).toArray(),
    latestHandoversOfUnit(d, unitCode),
    // Any of her documents in conflict (a note, a form, her record) marks her row: few, read once.
    d.docs.where('status').equals('conflicted').toArray(),
  ]);
  const inConflict = new Set(conflicted.map((c) => (c.docType === 'patient' ? c.docId : c.patientKey)));
  const rows: WardRow[] = [];
  const onBoard = built !== undefined ? lines.map(lineOnBoard) : await wardCountingNotes(d);
  for (const { patientId, patient, retracted, figures } of onBoard) {
    // A patient entered in error leaves the board; their record stays in the log.
    if (!patient || patient.unitCode !== unitCode || !isOnCensus(patient) || retracted) continue;
    rows.push({
      patientId,
      patient,
      ...figures,
      conflicted: inConflict.has(patientId),
      severity: handovers.get(patientId)?.severity ?? null,
    });
  }
  return rows.sort((a, b) => compareBeds(a.patient, b.patient));
}

interface OnBoard {
  patientId: string;
  patient: PatientBody | null | undefined;
  retracted: boolean | undefined;
  figures: NoteFigures;
}

function lineOnBoard(line: NoteSummaryRow): OnBoard {
  return { patientId: line.patientKey, patient: line.patient, retracted: line.retracted, figures: summaryFigures(line) };
}

/** A tablet upgraded from before, until its board lines are built at the next unlock: every patient, every note counted. */
async function wardCountingNotes(d: ReleveDb): Promise<OnBoard[]> {
  const ofType = (docType: string) => d.docs.where('[docType+scope]').between([docType, Dexie.minKey], [docType, Dexie.maxKey]).toArray();
  const [patients, notes] = await Promise.all([ofType('patient'), ofType('note')]);
  return patients.map((p) => ({
    patientId: p.docId,
    patient: currentPatientBody(p),
    retracted: p.retracted,
    figures: figuresOf(notes.filter((n) => n.patientKey === p.docId)),
  }));
}

export function useWard(unitCode: string): WardRow[] | undefined {
  return useLiveQuery(() => loadWard(unitCode), [unitCode], firstAnswer<WardRow[]>(wardAnswerKey(unitCode)));
}

/**
 * The patient as she stands, or null if `p` is not a patient document. A conflicted patient
 * record still needs both identifiers on screen: then it is her newest head.
 */
export function currentPatientBody(p: DocState | null | undefined): PatientBody | null {
  return bodyOf(p, 'patient');
}

/** The scope a new note or form on this patient goes to: the ward she is on now (she may have moved). */
export function patientWardScope(p: DocRow): string {
  const body = currentPatientBody(p);
  return body ? unitScope(body.unitCode) : p.scope;
}

export function usePatient(
  patientId: string,
): { patientId: string; patient: PatientBody; scope: string } | null | undefined {
  return useLiveQuery(async () => {
    const p = await db().docs.get(patientId);
    if (!p || p.docType !== 'patient') return null;
    const body = currentPatientBody(p);
    return body ? { patientId, patient: body, scope: p.scope } : null;
  }, [patientId]);
}
