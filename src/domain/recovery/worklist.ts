// The back-entry worklist: every clinical document written or changed during a downtime episode
// (or a date range), one line each, with its back-entry status. Pure, so the tablet's screen and
// the server's export pick the same documents.
//
// Sorted so the safety-critical come first: medication administrations, then results and vitals,
// then notes (handovers and other forms among them), then identities (temporary admissions, links).
import type { Author, Entry } from '../entry';
import { projectDocument, type DocState } from '../project';
import { unitOfScope } from '../scope';
import { splitCanonical } from '../questionnaire/types';
import { backEntryState, isBackEntryMark, type BackEntryState, type BackEntryStatus } from './back-entry';
import { PATIENT_LINK_TYPE } from './patient-link';

export const WORK_CATEGORIES = ['medication', 'results-vitals', 'notes', 'identity'] as const;
export type WorkCategory = (typeof WORK_CATEGORIES)[number];

/** The document types the main record needs back; reference content and checklists are not. */
const CATEGORY_OF_TYPE: Readonly<Record<string, WorkCategory>> = {
  'medication-order': 'medication',
  result: 'results-vitals',
  note: 'notes',
  form: 'notes',
  patient: 'identity',
  [PATIENT_LINK_TYPE]: 'identity',
};

/** Forms by their template's name (the last segment of its url). */
const CATEGORY_OF_TEMPLATE: Readonly<Record<string, WorkCategory>> = {
  'medication-record': 'medication',
  'vital-signs': 'results-vitals',
  'glucose-insulin': 'results-vitals',
  'downtime-admission': 'identity',
};

export type Period = { downtimeId: string } | { from: string; to: string };

export function templateName(canonical: string): string {
  const url = splitCanonical(canonical)?.url ?? canonical;
  return url.slice(url.lastIndexOf('/') + 1);
}

function categoryOf(doc: Pick<DocState, 'docType' | 'body' | 'headVersions'>): WorkCategory | null {
  const byType = CATEGORY_OF_TYPE[doc.docType];
  if (byType === undefined) return null;
  if (doc.docType !== 'form') return byType;
  const body = (doc.body ?? doc.headVersions[0]?.body) as { questionnaire?: string } | null;
  return CATEGORY_OF_TEMPLATE[templateName(body?.questionnaire ?? '')] ?? 'notes';
}

/** An entry counts as work when it is not itself a back-entry mark and falls in the period. */
function inPeriod(e: Pick<Entry, 'kind' | 'body' | 'downtimeId' | 'createdAt'>, period: Period): boolean {
  if (e.kind === 'addendum' && isBackEntryMark(e.body)) return false;
  if ('downtimeId' in period) return e.downtimeId === period.downtimeId;
  const t = Date.parse(e.createdAt);
  return t >= Date.parse(period.from) && t < Date.parse(period.to);
}

export interface WorkItem {
  doc: DocState;
  category: WorkCategory;
  unitCode: string;
  /** The patient the document hangs off (a patient document: itself). */
  patientId: string | null;
  /** Who wrote or changed it during the period, first and last. */
  firstBy: Author;
  firstAt: string;
  lastBy: Author;
  lastAt: string;
  /** Everyone who wrote or changed it during the period. */
  authors: Author[];
  backEntry: BackEntryState;
}

const byTime = (a: Entry, b: Entry) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : 1);

/** One line per document touched in the period. `entries`: all entries of the documents (others are ignored). */
export function worklistItems(entries: readonly Entry[], period: Period): WorkItem[] {
  const touched = new Map<string, Entry[]>();
  for (const e of entries) {
    if (CATEGORY_OF_TYPE[e.docType] === undefined || !inPeriod(e, period)) continue;
    touched.set(e.docId, [...(touched.get(e.docId) ?? []), e]);
  }
  const all = new Map<string, Entry[]>();
  for (const e of entries) if (touched.has(e.docId)) all.set(e.docId, [...(all.get(e.docId) ?? []), e]);
  const items: WorkItem[] = [];
  for (const [docId, own] of touched) {
    const doc = projectDocument(all.get(docId)!);
    const category = categoryOf(doc);
    const unitCode = unitOfScope(doc.scope);
    if (category === null || unitCode === null) continue;
    const sorted = [...own].sort(byTime);
    const authors = [...new Map(sorted.map((e) => [e.author.userId, e.author])).values()];
    const first = sorted[0]!;
    const last = sorted[sorted.length - 1]!;
    items.push({
      doc, category, unitCode,
      patientId: doc.docType === 'patient' ? doc.docId : (doc.patientId ?? null),
      firstBy: first.author, firstAt: first.createdAt, lastBy: last.author, lastAt: last.createdAt,
      authors, backEntry: backEntryState(doc),
    });
  }
  return items.sort(safetyFirst);
}

/** Category, then oldest first within it: the team works the list in the order care happened. */
function safetyFirst(a: WorkItem, b: WorkItem): number {
  const c = WORK_CATEGORIES.indexOf(a.category) - WORK_CATEGORIES.indexOf(b.category);
  if (c !== 0) return c;
  const t = Date.parse(a.firstAt) - Date.parse(b.firstAt);
  return t !== 0 ? t : a.doc.docId < b.doc.docId ? -1 : 1;
}

export interface WorkFilter {
  unit?: string;
  patientId?: string;
  category?: WorkCategory;
  status?: BackEntryStatus;
  authorId?: string;
}

/** `realOf`: temporary patientId -> the real patient it is linked to; a patient filter finds both. */
export function filterItems(items: readonly WorkItem[], f: WorkFilter, realOf: ReadonlyMap<string, string> = new Map()): WorkItem[] {
  return items.filter(
    (i) =>
      (f.unit === undefined || i.unitCode === f.unit) &&
      (f.patientId === undefined || (i.patientId !== null && (realOf.get(i.patientId) ?? i.patientId) === f.patientId)) &&
      (f.category === undefined || i.category === f.category) &&
      (f.status === undefined || i.backEntry.status === f.status) &&
      (f.authorId === undefined || i.authors.some((a) => a.userId === f.authorId)),
  );
}

export interface Progress {
  total: number;
  done: number;
  notNeeded: number;
  todo: number;
}

function count(items: readonly WorkItem[]): Progress {
  const p: Progress = { total: items.length, done: 0, notNeeded: 0, todo: 0 };
  for (const i of items) {
    if (i.backEntry.status === 'done') p.done++;
    else if (i.backEntry.status === 'not-needed') p.notNeeded++;
    else p.todo++;
  }
  return p;
}

/** Progress overall and per ward ("312 / 480 ressaisis"). */
export function progressOf(items: readonly WorkItem[]): { overall: Progress; byUnit: Map<string, Progress> } {
  const units = [...new Set(items.map((i) => i.unitCode))].sort();
  return { overall: count(items), byUnit: new Map(units.map((u) => [u, count(items.filter((i) => i.unitCode === u))])) };
}
