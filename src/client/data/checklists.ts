// Checklist runs of a ward: a procedure's checklist, or a call tree's calls, ticked step by
// step from any tablet. Ticks are addenda, so tablets never conflict over them.
import { useLiveQuery } from 'dexie-react-hooks';
import { docOf } from '../../domain/doc-bodies';
import type { DocState } from '../../domain/project';
import type { CallOutcome, ChecklistBody, ChecklistStep } from '../../domain/schemas/checklist';
import type { ContactBody } from '../../domain/schemas/contact';
import { checklistProgress, type ChecklistProgress } from '../../domain/downtime/checklist-progress';
import { episodeInForce } from '../../domain/downtime/episode';
import { GLOBAL_SCOPE, unitScope } from '../../domain/scope';
import { db } from '../db/schema';
import { annotateDoc, createDoc } from './documents';
import type { ProcedureView } from './procedures';
import type { CallTreeView, ContactView } from './directory';

export interface ChecklistRunView {
  doc: DocState;
  body: ChecklistBody;
  progress: ChecklistProgress;
  startedBy: string;
  startedAt: string;
  /** Some tick or the start has not reached the server yet. */
  pending: number;
}

async function toRun(row: DocState): Promise<ChecklistRunView | null> {
  const doc = docOf(row, 'checklist');
  const v = doc?.headVersions[0];
  if (!doc || !v || doc.retracted) return null;
  const body = v.body;
  const ids = [...doc.history, ...doc.addenda].map((x) => x.entryId);
  const pending = (await db().outbox.bulkGet(ids)).filter((m) => m !== undefined).length;
  const first = doc.history[0] ?? v;
  return { doc, body, progress: checklistProgress(body.steps, doc.addenda), startedBy: first.author.name, startedAt: first.createdAt, pending };
}

/** The ward's runs, unfinished first, then newest first. */
export function useChecklistRuns(unitCode: string | null): ChecklistRunView[] | undefined {
  return useLiveQuery(async () => {
    if (!unitCode) return [];
    const docs = await db().docs.where('[docType+scope]').equals(['checklist', unitScope(unitCode)]).toArray();
    const runs = (await Promise.all(docs.map(toRun))).filter((r): r is ChecklistRunView => r !== null);
    return runs.sort((a, b) => Number(a.progress.complete) - Number(b.progress.complete) || (a.startedAt < b.startedAt ? 1 : -1));
  }, [unitCode]);
}

export function useChecklistRun(docId: string): ChecklistRunView | null | undefined {
  return useLiveQuery(async () => {
    const doc = await db().docs.get(docId);
    return doc && doc.docType === 'checklist' ? toRun(doc) : null;
  }, [docId]);
}

/** The episode a run started now belongs to, recorded in its body for the recovery team. */
async function episodeFor(unitCode: string): Promise<{ downtimeId?: string }> {
  const scope = unitScope(unitCode);
  const docs = await db().docs.where('[docType+scope]').anyOf([['downtime', scope], ['downtime', GLOBAL_SCOPE]]).toArray();
  const ep = episodeInForce(docs, scope);
  return ep ? { downtimeId: ep.docId } : {};
}

/** Starts a procedure's checklist on a ward, with every step of the fiche copied as it is now. */
export async function startProcedureChecklist(p: ProcedureView, unitCode: string): Promise<string> {
  const steps = p.body.steps.map((s): ChecklistStep => ({
    text: s.text,
    ...(s.checklist ? {} : { info: true as const }),
    ...(s.safety ? { safety: true as const } : {}),
    ...(s.phones?.length ? { phones: s.phones } : {}),
  }));
  const body: ChecklistBody = {
    source: 'procedure', procedureId: p.docId, procedureVersion: p.versionId, title: p.body.title, steps, ...(await episodeFor(unitCode)),
  };
  return (await createDoc('checklist', unitScope(unitCode), body)).doc.docId;
}

/** Starts a call tree on a ward: one step per call, naming the contact to reach. */
export async function startCallTreeRun(tree: CallTreeView, contacts: readonly ContactView[], unitCode: string): Promise<string> {
  const byId = new Map<string, ContactBody>(contacts.map((c) => [c.docId, c.body]));
  const steps = tree.body.steps.map((s) => {
    const who = byId.get(s.contactId)?.name;
    return { text: who ? `${who} — ${s.action}` : s.action, contactId: s.contactId };
  });
  const body: ChecklistBody = {
    source: 'calltree', callTreeId: tree.docId, callTreeVersion: tree.versionId, title: tree.body.title, steps, ...(await episodeFor(unitCode)),
  };
  return (await createDoc('checklist', unitScope(unitCode), body)).doc.docId;
}

/** Ticks (or unticks) one step: an addendum recording who and when, and for a call how it went. */
export async function tickStep(run: DocState, step: number, done: boolean, outcome?: CallOutcome): Promise<void> {
  await annotateDoc(run, { step, done, ...(outcome ? { outcome } : {}) });
}
