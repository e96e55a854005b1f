// Re-projects one document from every entry the tablet holds for it. Documents are small
// (tens of entries), so recomputing is simpler and safer than patching the old state.
import { projectDocument } from '../../domain/project';
import type { DocRow, ReleveDb } from './schema';

export async function reprojectDoc(db: ReleveDb, docId: string): Promise<DocRow> {
  const entries = await db.entries.where('docId').equals(docId).toArray();
  const state = projectDocument(entries);
  const row: DocRow = { ...state, patientKey: state.patientId ?? state.docId };
  await db.docs.put(row);
  return row;
}
