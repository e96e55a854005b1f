// One transaction of the feed: a group of messages (feed-queue.ts), or one replayed message. It
// holds the transaction's connection, looked up once, and the interface device's sequence, read
// once and recorded once for the whole group, where each message used to read and rewrite the
// device row (bench/RESULTS.md, "HIS feed").
import type { Kysely } from 'kysely';
import type { ReleveDatabase } from '../store/schema';
import { syncSqlOf, type SyncSql } from '../store/dialect';
import { touchDevice } from '../store/devices';
import type { InterfaceWriter } from './feed-write';

const LAST_SEQ = 'select last_device_seq from devices where id = ?';

export class FeedGroup {
  /** The device's last seq as read at the group's start; null until an entry needs one. */
  #read: number | null = null;
  #seq = 0;

  private constructor(
    readonly trx: Kysely<ReleveDatabase>,
    readonly sql: SyncSql,
    readonly writer: InterfaceWriter,
  ) {}

  static async open(trx: Kysely<ReleveDatabase>, writer: InterfaceWriter): Promise<FeedGroup> {
    return new FeedGroup(trx, await syncSqlOf(trx), writer);
  }

  /** The deviceSeq of the next entry the feed seals. */
  nextSeq(): number {
    if (this.#read === null) {
      const [row] = this.sql.query<{ last_device_seq: number }>(LAST_SEQ, [this.writer.deviceId]);
      this.#read = this.#seq = row?.last_device_seq ?? 0;
    }
    return ++this.#seq;
  }

  /** Where the sequence stands, before a message that may be rolled back. */
  mark(): number {
    return this.#seq;
  }

  /** The message was rolled back: its seqs are given back, as a gap would mean a lost entry. */
  undo(mark: number): void {
    this.#seq = mark;
  }

  /** Records the device's last seq and when it was last heard from, in the same transaction. */
  async close(now: Date): Promise<void> {
    if (this.#read !== null && this.#seq > this.#read) await touchDevice(this.sql, this.writer.deviceId, now, this.#seq);
  }
}
