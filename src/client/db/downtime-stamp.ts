// Which downtime episode a new entry carries, read from the tablet's own projected episodes
// inside the write transaction: an offline tablet that declared an episode stamps with it at
// once, and every docType (notes, forms, checklists) is stamped without knowing about downtime.
import Dexie from 'dexie';
import { downtimeStamp } from '../../domain/downtime/episode';
import { GLOBAL_SCOPE } from '../../domain/scope';
import type { ReleveDb } from './schema';

export async function downtimeStampFor(db: ReleveDb, draft: { docType: string; scope: string }): Promise<string | undefined> {
  if (draft.docType === 'downtime') return undefined;
  // Every episode the tablet holds, in one ranged read (anyOf walks a cursor, one hop per key):
  // a ward sees a handful of episodes a year.
  const docs = await db.docs.where('[docType+scope]').between(['downtime', Dexie.minKey], ['downtime', Dexie.maxKey]).toArray();
  return downtimeStamp(docs.filter((d) => d.scope === draft.scope || d.scope === GLOBAL_SCOPE), draft);
}
