// Pull reads the feed, not the entries: a document's history can later be re-sent into a new
// scope (a patient moving ward) with fresh seqs, and clients skip the ids they already hold.
import type { Kysely } from 'kysely';
import type { Entry } from '../../domain/entry';
import { rowToEntry } from './entries';
import type { ReleveDatabase } from './schema';

export interface FeedPage {
  entries: Entry[];
  /** Feed seq of each entry returned, same order. */
  seqs: number[];
  more: boolean;
}

export async function readFeed(
  db: Kysely<ReleveDatabase>,
  scopes: readonly string[],
  after: number,
  limit: number,
): Promise<FeedPage> {
  if (scopes.length === 0) return { entries: [], seqs: [], more: false };
  const rows = await db
    .selectFrom('feed')
    .innerJoin('entries', 'entries.id', 'feed.entry_id')
    .select(['feed.seq', 'entries.json', 'entries.server_seq', 'entries.received_at'])
    .where('feed.scope', 'in', scopes)
    .where('feed.seq', '>', after)
    .orderBy('feed.seq')
    .limit(limit + 1) // one extra row tells whether there is more
    .execute();
  const page = rows.slice(0, limit);
  return { entries: page.map(rowToEntry), seqs: page.map((r) => r.seq), more: rows.length > limit };
}
