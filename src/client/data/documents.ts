// The five things a person can do to a document, for any docType. Each goes through the one
// write path (appendEntry) and then asks for a sync.
import type { Author } from '../../domain/entry';
import type { DocState } from '../../domain/project';
import { db } from '../db/schema';
import { appendEntry, type Appended } from '../db/append';
import { requestSync } from '../sync/request';
import { requireSessionUser } from './session';

async function author(): Promise<Author> {
  const u = await requireSessionUser();
  // A provisional account's entries carry her enroller's name too (domain/provisional.ts).
  return { userId: u.id, name: u.name, role: u.role, ...(u.enrolledBy ? { enrolledBy: u.enrolledBy } : {}) };
}

async function append(draft: Parameters<typeof appendEntry>[1]): Promise<Appended> {
  const d = db();
  const done = await appendEntry(d, draft, await author());
  requestSync(d);
  return done;
}

function patientOf(doc: DocState): { patientId?: string } {
  return doc.patientId !== undefined ? { patientId: doc.patientId } : {};
}

/** `downtimeId`: the episode it belongs to when not the one in force (a transcribed paper sheet's). */
export function createDoc(docType: string, scope: string, body: unknown, patientId?: string, downtimeId?: string): Promise<Appended> {
  return append({ docType, kind: 'create', parents: [], scope, body, ...(patientId ? { patientId } : {}), ...(downtimeId ? { downtimeId } : {}) });
}

/** The document as this tablet holds it now: where a new entry of it goes (type, scope, patient). */
export async function heldDoc(docId: string): Promise<DocState> {
  const doc = await db().docs.get(docId);
  if (!doc) throw new Error('unknown document');
  return doc;
}

/**
 * A new version of a document, naming as parents the versions the person saw (`baseHeads`, the
 * heads when she started editing). If another tablet changed the document meanwhile, both edits
 * are kept and it shows as conflicted, rather than hers silently replacing one she never read.
 */
export async function amendDoc(docId: string, baseHeads: readonly string[], body: unknown): Promise<Appended> {
  if (baseHeads.length !== 1) throw new Error('a conflicted document is resolved, not amended');
  const doc = await heldDoc(docId);
  return append({ docId, docType: doc.docType, kind: 'amend', parents: [...baseHeads], scope: doc.scope, body, ...patientOf(doc) });
}

/**
 * Attaches an addendum to the current version (to the first head when conflicted: addenda
 * never conflict). The body follows the docType's addendum schema; a free-text note is {text}.
 */
export function annotateDoc(doc: DocState, body: unknown): Promise<Appended> {
  const parent = doc.heads[0];
  if (!parent) throw new Error('document has no version to annotate');
  return append({ docId: doc.docId, docType: doc.docType, kind: 'addendum', parents: [parent], scope: doc.scope, body, ...patientOf(doc) });
}

export function addAddendumTo(doc: DocState, text: string): Promise<Appended> {
  return annotateDoc(doc, { text });
}

/** "Entered in error": every entry stays; the document is marked. */
export function retractDoc(doc: DocState, reason: string): Promise<Appended> {
  const parent = doc.heads[0];
  if (!parent) throw new Error('document has no version to retract');
  return append({ docId: doc.docId, docType: doc.docType, kind: 'retract', parents: [parent], scope: doc.scope, body: { reason }, ...patientOf(doc) });
}

/** A person's merge of the concurrent versions she saw (`baseHeads`): names them all as parents. */
export async function resolveDoc(docId: string, baseHeads: readonly string[], body: unknown): Promise<Appended> {
  if (baseHeads.length < 2) throw new Error('only a conflicted document needs resolving');
  const doc = await heldDoc(docId);
  return append({ docId, docType: doc.docType, kind: 'resolve', parents: [...baseHeads].sort(), scope: doc.scope, body, ...patientOf(doc) });
}

/**
 * An entry of a flowsheet row (domain/flowsheet): the round added to a version of the form, or a
 * correction naming the row's versions it saw, or its striking. Never a version of the form.
 */
export function appendRowEntry(doc: DocState, kind: 'addendum' | 'amend' | 'resolve' | 'retract', parents: string[], body: unknown): Promise<Appended> {
  return append({ docId: doc.docId, docType: doc.docType, kind, parents, scope: doc.scope, body, ...patientOf(doc) });
}
