import type { Reader } from '../store/entries';
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
  /** The group transaction's own connection (SyncSql): the feed's reads and writes, without Kysely. */
  db: Reader;
  write: FeedWrite;
}
