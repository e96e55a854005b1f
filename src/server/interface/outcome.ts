import type { Kysely } from 'kysely';
import type { ReleveDatabase } from '../store/schema';
import type { FeedWrite } from './feed-write';
import type { JournalRecord } from './store/journal';

/** What a message did, as the journal records it. */
export interface Outcome {
  status: JournalRecord['status'];
  detail: string;
  ipp?: string;
  unitCode?: string;
}

export interface ApplyContext {
  db: Kysely<ReleveDatabase>;
  write: FeedWrite;
}
