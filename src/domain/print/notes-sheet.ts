// The nursing notes of one patient as they go on paper ("Imprimer les transmissions", and each
// patient's pages of the downtime kit): in the order things happened (the time observed, else
// the time written), each with who wrote and changed it, its addenda, and "entered in error"
// struck with its reason, never left out. A conflicted note prints every version side by side.
import type { Annotation, DocState, Version } from '../project';
import { careAddenda } from '../recovery/back-entry';
import { isLateEntry, type NoteBody } from '../schemas/note';

export interface PrintedNoteVersion {
  body: NoteBody;
  /** The version that wrote this text. */
  by: Version;
  late: boolean;
}

export interface PrintedNote {
  docId: string;
  /** When it happened: the time observed, or for an older note the time it was first written. */
  at: string;
  created: Version;
  /** One version; several while two tablets' versions await a person. */
  versions: PrintedNoteVersion[];
  amended: boolean;
  retraction: Annotation | null;
  addenda: Annotation[];
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

function bodyOf(v: Version): NoteBody {
  const b = (v.body ?? {}) as Record<string, unknown>;
  const observed = typeof b.observedAt === 'string' ? { observedAt: b.observedAt } : {};
  return { target: text(b.target), data: text(b.data), actions: text(b.actions), results: text(b.results), ...observed };
}

/** The notes to print, oldest first; with `since`, only those that happened from then on. */
export function notesToPrint(docs: readonly DocState[], since: Date | null = null): PrintedNote[] {
  const out: PrintedNote[] = [];
  for (const doc of docs) {
    if (doc.docType !== 'note' || doc.history.length === 0) continue;
    const created = doc.history.find((v) => v.kind === 'create') ?? doc.history[0]!;
    const versions = doc.headVersions.map((v) => {
      const body = bodyOf(v);
      return { body, by: v, late: isLateEntry(body.observedAt, created.createdAt) };
    });
    const at = versions[0]?.body.observedAt ?? created.createdAt;
    if (since && Date.parse(at) < since.getTime()) continue;
    out.push({
      docId: doc.docId,
      at,
      created,
      versions,
      amended: doc.history.length > 1,
      retraction: doc.retractions[0] ?? null,
      addenda: careAddenda(doc),
    });
  }
  return out.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.docId < b.docId ? -1 : 1));
}

/** The kit prints the last three days of notes of each patient. */
export const KIT_NOTES_HOURS = 72;
