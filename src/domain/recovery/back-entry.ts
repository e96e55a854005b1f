// Back-entry status of a document, for the recovery team: à ressaisir (todo), ressaisi (done,
// with the main record's reference) or sans objet (not-needed, with a reason).
//
// A status change is a typed addendum on the document itself, so two people working the list on
// two tablets never conflict: addenda never make heads. A mark names the marks it replaces (the
// ones its author saw); the status is read from the marks no later mark replaces. Concurrent marks
// all stay, and the strongest wins the summary (done, then not-needed, then todo): the work was
// done on at least one tablet. A mark counts for the version it was made from: once the document
// is amended, the new version must be re-entered too.
import { z } from 'zod';
import { uuidV7Schema, type Author } from '../entry';
import type { Annotation, DocState } from '../project';
import type { Role } from '../roles';

const BACK_ENTRY_STATUSES = ['todo', 'done', 'not-needed'] as const;
export type BackEntryStatus = (typeof BACK_ENTRY_STATUSES)[number];

/** Who may mark documents: the recovery team, a ward's charge nurse (her ward's scope) and the crisis cell. */
export const RECOVERY_ROLES = ['recovery', 'charge', 'admin'] as const satisfies readonly Role[];

export const backEntryMarkBody = z
  .strictObject({
    backEntry: z.enum(BACK_ENTRY_STATUSES),
    /** The main record's reference for what was re-entered (an episode number, a document id). */
    reference: z.string().trim().min(1).max(200).optional(),
    reason: z.string().trim().min(1).max(1000).optional(),
    /** The marks this one supersedes: the current marks its author saw. */
    replaces: z.array(uuidV7Schema).max(64),
  })
  .refine((b) => b.backEntry !== 'done' || b.reference !== undefined, {
    message: 'a re-entered document names the main record’s reference',
    path: ['reference'],
  })
  .refine((b) => b.backEntry !== 'not-needed' || b.reason !== undefined, {
    message: 'say why the document needs no re-entry',
    path: ['reason'],
  });
export type BackEntryMarkBody = z.infer<typeof backEntryMarkBody>;

/** An addendum body is a back-entry mark when it says so; everything else is a note's own addendum. */
export function isBackEntryMark(body: unknown): body is BackEntryMarkBody {
  return typeof body === 'object' && body !== null && 'backEntry' in body;
}

export interface BackEntryMark {
  entryId: string;
  /** The version it was made from. */
  parent: string;
  status: BackEntryStatus;
  reference?: string;
  reason?: string;
  author: Author;
  deviceId: string;
  createdAt: string;
}

export interface BackEntryState {
  status: BackEntryStatus;
  /** The marks no later mark replaces, for the current version: more than one means two tablets marked at once. */
  current: BackEntryMark[];
  /** Every mark ever written, oldest id first. */
  history: BackEntryMark[];
  /** Marked once, then amended: the new version waits for re-entry. */
  changedSince: boolean;
  /** Ids of the marks no later mark replaces, whatever version they were for. */
  open: string[];
}

function toMark(a: Annotation): BackEntryMark {
  const b = a.body as BackEntryMarkBody;
  return {
    entryId: a.entryId,
    parent: a.parent,
    status: b.backEntry,
    ...(b.reference !== undefined ? { reference: b.reference } : {}),
    ...(b.reason !== undefined ? { reason: b.reason } : {}),
    author: a.author,
    deviceId: a.deviceId,
    createdAt: a.createdAt,
  };
}

const STRENGTH: Record<BackEntryStatus, number> = { done: 2, 'not-needed': 1, todo: 0 };

export function backEntryState(doc: Pick<DocState, 'addenda' | 'heads'>): BackEntryState {
  const marks = doc.addenda.filter((a) => isBackEntryMark(a.body));
  const replaced = new Set(marks.flatMap((a) => (a.body as BackEntryMarkBody).replaces));
  const history = marks.map(toMark);
  const unreplaced = history.filter((m) => !replaced.has(m.entryId));
  const current = unreplaced.filter((m) => doc.heads.includes(m.parent));
  const status = current.reduce<BackEntryStatus>((s, m) => (STRENGTH[m.status] > STRENGTH[s] ? m.status : s), 'todo');
  return { status, current, history, changedSince: unreplaced.length > 0 && current.length === 0, open: unreplaced.map((m) => m.entryId) };
}

/** The addenda people wrote about the care (notes, a receiver's synthesis), without the back-entry marks. */
export function careAddenda(doc: Pick<DocState, 'addenda'>): Annotation[] {
  return doc.addenda.filter((a) => !isBackEntryMark(a.body));
}

/** The body of a new mark: it replaces every mark not yet replaced, whatever version it was for. */
export function markBody(state: BackEntryState, status: BackEntryStatus, detail: { reference?: string; reason?: string } = {}): BackEntryMarkBody {
  return {
    backEntry: status,
    ...(status === 'done' && detail.reference !== undefined ? { reference: detail.reference.trim() } : {}),
    ...(status === 'not-needed' && detail.reason !== undefined ? { reason: detail.reason.trim() } : {}),
    replaces: state.open,
  };
}
