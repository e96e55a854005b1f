// Where an entry sits in its document's graph, checked inside the write transaction so that
// entries earlier in the same batch count (a create and its amend can travel together).
import type { Entry } from '../../domain/entry';
import { docsOfEntries, findDocCreate, type DocIdentity, type Reader } from '../store/entries';

/** `known`: the document's create if the caller read it already in this transaction (null: none). */
export async function placementProblem(db: Reader, e: Entry, known?: DocIdentity | null): Promise<string | null> {
  const create = known === undefined ? await findDocCreate(db, e.docId) : (known ?? undefined);
  if (e.kind === 'create') return create ? `document ${e.docId} already has a create` : null;
  if (!create) return `unknown document ${e.docId}: a ${e.kind} needs the document's create first`;

  // A later entry may not quietly turn a document into another type, move it to another ward
  // or hang it on another patient: readers of the old scope would keep a stale copy.
  if (e.docType !== create.docType) return `document ${e.docId} is a ${create.docType}, not a ${e.docType}`;
  // One exception: the HIS feed moves a patient's record to her new ward (a transfer), and the
  // feed itself re-sends her history there and tells the old ward (server/interface/feed-write.ts).
  const transfer = e.docType === 'patient' && e.author.role === 'interface';
  if (e.scope !== create.scope && !transfer) return `document ${e.docId} lives in scope ${create.scope}, not ${e.scope}`;
  if ((e.patientId ?? null) !== create.patientId) return `document ${e.docId} belongs to another patient`;

  const docOf = await docsOfEntries(db, e.parents);
  for (const p of e.parents) {
    if (docOf.get(p) !== e.docId) return `unknown parent ${p}`;
  }
  return null;
}
