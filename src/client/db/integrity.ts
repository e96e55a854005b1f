// The integrity rules the server enforces (issue 10), checked on the tablet before saving, so a
// nurse is told at once instead of finding her entry rejected after the next sync.
// Pure over what the write path has already read (the patient, the document's entries): the
// save issues its reads together, once, instead of one request per rule.
import type { Author, Entry } from '../../domain/entry';
import { entryTextProblem } from '../../domain/clinical-text';
import { identityChangeProblem, retractProblem } from '../../domain/identity-rules';
import { retractAuthors } from '../../domain/flowsheet/rows';

export interface IntegrityContext {
  /** The docType of the document the entry names as its patient ('patient' for a real one); undefined if the tablet holds none. */
  patientType: string | undefined;
  /** Every entry the tablet holds for the entry's document. */
  history: readonly Entry[];
}

export function localIntegrityProblem(entry: Entry, author: Author, { patientType, history }: IntegrityContext): string | null {
  const text = entryTextProblem(entry);
  if (text) return text;
  if (entry.patientId !== undefined && entry.docType !== 'patient') {
    if (patientType !== 'patient') return `unknown patient ${entry.patientId}`;
  }
  if (entry.kind === 'retract') {
    return retractProblem(entry.docType, author.role, author.userId, retractAuthors(history, entry));
  }
  if (entry.docType === 'patient' && (entry.kind === 'amend' || entry.kind === 'resolve')) {
    const byId = new Map(history.map((e) => [e.id, e]));
    const parents = entry.parents.flatMap((id) => (byId.has(id) ? [byId.get(id)!.body] : []));
    return identityChangeProblem(author.role, parents, entry.body);
  }
  return null;
}
