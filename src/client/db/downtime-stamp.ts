// Which downtime episode a new entry carries, read from the tablet's own projected episodes
// inside the write transaction: an offline tablet that declared an episode stamps with it at
// once, and every docType (notes, forms, checklists) is stamped without knowing about downtime.
import { downtimeStamp } from '../../domain/downtime/episode';
import { GLOBAL_SCOPE } from '../../domain/scope';
import type { ReleveDb } from './schema';

export async function downtimeStampFor(db: ReleveDb, draft: { docType: string; scope: string }): Promise<string | undefined> {
  if (draft.docType === 'downtime') return undefined;
  const docs = await db.docs
    .where('[docType+scope]')
    .anyOf([['downtime', draft.scope], ['downtime', GLOBAL_SCOPE]])
    .toArray();
  return downtimeStamp(docs, draft);
}
