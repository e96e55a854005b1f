// The integrity rules the server enforces (issue 10), checked on the tablet before saving, so a
// nurse is told at once instead of finding her entry rejected after the next sync.
import type { Author, Entry } from '../../domain/entry';
import { entryTextProblem } from '../../domain/clinical-text';
import { identityChangeProblem, retractProblem } from '../../domain/identity-rules';
import { retractAuthors } from '../../domain/flowsheet/rows';
import type { ReleveDb } from './schema';

export async function localIntegrityProblem(db: ReleveDb, entry: Entry, author: Author): Promise<string | null> {
  const text = entryTextProblem(entry);
  if (text) return text;
  if (entry.patientId !== undefined && entry.docType !== 'patient') {
    const patient = await db.docs.get(entry.patientId);
    if (!patient || patient.docType !== 'patient') return `unknown patient ${entry.patientId}`;
  }
  if (entry.kind === 'retract') {
    const entries = await db.entries.where('docId').equals(entry.docId).toArray();
    return retractProblem(entry.docType, author.role, author.userId, retractAuthors(entries, entry));
  }
  if (entry.docType === 'patient' && (entry.kind === 'amend' || entry.kind === 'resolve')) {
    const parents = (await db.entries.bulkGet(entry.parents)).filter((e): e is Entry => !!e).map((e) => e.body);
    return identityChangeProblem(author.role, parents, entry.body);
  }
  return null;
}
