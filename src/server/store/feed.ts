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
  // One index range per scope, each cut at limit+1, then merged: a page costs O(limit) however
  // long the feed, where `scope IN (...) ORDER BY seq` would sort every later row first.
  const perScope = scopes.map((scope, i) =>
    db
      .selectFrom((eb) =>
        eb
          .selectFrom('feed')
          .select(['seq', 'entry_id'])
          .where('scope', '=', scope)
          .where('seq', '>', after)
          .orderBy('seq')
          .limit(limit + 1)
          .as(`s${i}`),
      )
      .selectAll(),
  );
  const merged = perScope.slice(1).reduce((acc, q) => acc.unionAll(q), perScope[0]!);
  const rows = await db
    .selectFrom(merged.as('f'))
    .innerJoin('entries', 'entries.id', 'f.entry_id')
    .select(['f.seq', 'entries.json', 'entries.server_seq', 'entries.received_at', 'entries.flags'])
    .orderBy('f.seq')
    .limit(limit + 1) // one extra row tells whether there is more
    .execute();
  const page = rows.slice(0, limit);
  return { entries: page.map(rowToEntry), seqs: page.map((r) => r.seq), more: rows.length > limit };
}
