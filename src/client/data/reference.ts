// Reference content as the screens read it (procedures, contacts, call trees, units): the
// current body of each document, who last changed it, and how fresh the tablet's copy is.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Author } from '../../domain/entry';
import type { DocState, Version } from '../../domain/project';
import { GLOBAL_SCOPE } from '../../domain/scope';
import { db, type DocRow } from '../db/schema';
import { getMeta } from '../db/meta';

export interface ReferenceView<T> {
  docId: string;
  body: T;
  /** The entry id of the version shown: a checklist run records which version it used. */
  versionId: string;
  versionCount: number;
  updatedAt: string;
  updatedBy: Author;
  /** Two admins saved at once: the newest head is shown, the editor asks for a resolution. */
  conflicted: boolean;
  doc: DocState;
}

/** The version to show: the current one, or while conflicted the head with the highest id. */
function shownVersion(doc: DocState): Version | undefined {
  if (doc.headVersions.length === 1) return doc.headVersions[0];
  return doc.headVersions[doc.headVersions.length - 1];
}

function toReferenceView<T>(doc: DocRow | DocState): ReferenceView<T> | null {
  const v = shownVersion(doc);
  if (!v || doc.retracted) return null;
  return {
    docId: doc.docId,
    body: v.body as T,
    versionId: v.entryId,
    versionCount: doc.history.length,
    updatedAt: v.createdAt,
    updatedBy: v.author,
    conflicted: doc.status === 'conflicted',
    doc,
  };
}

async function loadReference<T>(docType: string): Promise<ReferenceView<T>[]> {
  const docs = await db().docs.where('[docType+scope]').equals([docType, GLOBAL_SCOPE]).toArray();
  return docs.map((d) => toReferenceView<T>(d)).filter((v): v is ReferenceView<T> => v !== null);
}

export function useReference<T>(docType: string): ReferenceView<T>[] | undefined {
  return useLiveQuery(() => loadReference<T>(docType), [docType]);
}

/** One reference document; null when the tablet does not have it. */
export function useReferenceDoc<T>(docId: string, docType: string): ReferenceView<T> | null | undefined {
  return useLiveQuery(async () => {
    const doc = await db().docs.get(docId);
    return doc && doc.docType === docType ? toReferenceView<T>(doc) : null;
  }, [docId, docType]);
}

/**
 * When the tablet last brought its copy of the reference content up to date: the last pull
 * that reached the end of the feed. Procedures and the directory are as fresh as that, no more.
 */
export function useReferenceAsOf(): string | null | undefined {
  return useLiveQuery(async () => (await getMeta(db(), 'lastPullAt')) ?? null, []);
}
