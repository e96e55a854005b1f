// Re-projects one document from every entry the tablet holds for it. Documents are small
// (tens of entries), so recomputing is simpler and safer than patching the old state.
import type { Entry } from '../../domain/entry';
import { projectDocument } from '../../domain/project';
import { bodyOf } from '../../domain/doc-bodies';
import type { DocRow, ReleveDb } from './schema';
import { markNotes } from './note-summary';

/** A document's row as stored: its projection, keyed for the patient it belongs to (and a patient's, for her ward). */
export function projectedRow(entries: readonly Entry[]): DocRow {
  const state = projectDocument(entries);
  const ward = bodyOf(state, 'patient')?.unitCode;
  return { ...state, patientKey: state.patientId ?? state.docId, ...(ward !== undefined ? { ward } : {}) };
}

/** What the tablet held of a document before new entries (none: new here), as its line counts it. */
export function heldBefore(entries: readonly Entry[]): DocRow | undefined {
  return entries.length > 0 ? projectedRow(entries) : undefined;
}

export async function reprojectDoc(db: ReleveDb, docId: string): Promise<DocRow> {
  const [entries, before] = await Promise.all([db.entries.where('docId').equals(docId).toArray(), db.docs.get(docId)]);
  const row = projectedRow(entries);
  // In the caller's transaction, which must include noteSummaries: a note's count moves with it
  // (by what changed since the row it replaces).
  await Promise.all([db.docs.put(row), markNotes(db, [{ doc: row, before }])]);
  return row;
}
