// Messages from every connection go through one queue, in arrival order: a patient's messages are
// applied in the order the HIS sent them. Whatever has arrived while the previous group was being
// written is written as the next group, in one transaction: one fsync for many messages, and no
// ACK before the commit that makes its message durable (safety rule 1).
//
// Group commit across connections: an HIS interface engine waits for each ACK before sending its
// next message (MLLP original mode), so each connection has at most one message in the queue. When
// several connections are sending, the group waits (a few ms at most) until each of them has its
// next message in, instead of committing the first arrival alone: one fsync then covers them all.
// A lone connection never waits. The messages are applied as they come in, inside the group's
// open transaction, so the wait for the others is not lost time.
import type { FastifyBaseLogger } from 'fastify';
import type { Store } from '../store/open-store';
import type { InterfaceWriter } from './feed-write';
import { FeedGroup } from './feed-group';
import { receiveOne, type Incoming, type Receipt } from './receive';

const MAX_GROUP = 200;
/** The longest a group waits for the other active connections' next message. */
const GATHER_MS = 3;
/** A connection counts as sending if its last message came this recently. */
const ACTIVE_MS = 250;

interface Waiting {
  message: Incoming;
  sender: unknown;
  resolve: (r: Receipt) => void;
}

/** How many transactions (groups) and messages were written: what the bench and tests read. */
export interface QueueCounts {
  groups: number;
  messages: number;
}

export class FeedQueue {
  readonly #waiting: Waiting[] = [];
  readonly #lastSeen = new Map<unknown, number>();
  readonly counts: QueueCounts = { groups: 0, messages: 0 };
  #draining = false;
  #arrived: (() => void) | null = null;

  constructor(
    private readonly store: Store,
    private readonly writer: InterfaceWriter,
    private readonly log?: Pick<FastifyBaseLogger, 'error'>,
    private readonly now: () => Date = () => new Date(),
    private readonly gatherMs = GATHER_MS,
  ) {}

  /** `sender`: the connection it came on (any key), so a group can wait for the others; none: never waited for. */
  submit(message: Incoming, sender?: unknown): Promise<Receipt> {
    if (sender !== undefined) this.#lastSeen.set(sender, performance.now());
    return new Promise((resolve) => {
      this.#waiting.push({ message, sender, resolve });
      this.#arrived?.();
      void this.#drain();
    });
  }

  /** The connection closed: no group waits for it any more. */
  forget(sender: unknown): void {
    this.#lastSeen.delete(sender);
  }

  /** Resolves once every message submitted so far is written and answered. */
  async idle(): Promise<void> {
    while (this.#draining || this.#waiting.length > 0) await new Promise((r) => setTimeout(r, 5));
  }

  async #drain(): Promise<void> {
    if (this.#draining) return;
    this.#draining = true;
    try {
      while (this.#waiting.length > 0) {
        const group: Waiting[] = [];
        const receipts = await this.#write(group);
        this.counts.groups++;
        this.counts.messages += group.length;
        group.forEach((w, i) => w.resolve(receipts[i]!));
      }
    } finally {
      this.#draining = false;
    }
  }

  /** Connections that sent lately and have no message in the group or the queue: their next message is on its way. */
  #missing(group: readonly Waiting[]): number {
    const cutoff = performance.now() - ACTIVE_MS;
    const present = new Set([...group, ...this.#waiting].map((w) => w.sender));
    let missing = 0;
    for (const [sender, at] of this.#lastSeen) {
      if (at < cutoff) this.#lastSeen.delete(sender);
      else if (!present.has(sender)) missing++;
    }
    return missing;
  }

  /**
   * Waits for the next message of the group: true when one is in the queue; false when every
   * active connection is in the group already, or the group has waited gatherMs in all. Only
   * the waiting counts, not the applying in between: on a loaded machine applying is slower, and
   * it must not leave less time for the other connections' messages to come in.
   */
  async #next(group: readonly Waiting[], wait: { left: number }): Promise<boolean> {
    while (this.#waiting.length === 0) {
      if (wait.left <= 0 || this.#missing(group) === 0) return false;
      const from = performance.now();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, wait.left);
        this.#arrived = done;
        function done() {
          clearTimeout(timer);
          resolve();
        }
      });
      this.#arrived = null;
      wait.left -= performance.now() - from;
    }
    return true;
  }

  /**
   * Writes one group in one transaction, `group` filled as its messages are taken from the queue.
   * Each message is applied as soon as it is in, while the group waits for the other connections'
   * next messages: the waiting and the applying overlap, where the group used to wait for all of
   * them first and then apply them one after the other (bench/RESULTS.md, "HIS feed", session 25).
   * The transaction is held while it waits (gatherMs in all), so a tablet's push may wait as long.
   */
  async #write(group: Waiting[]): Promise<Receipt[]> {
    try {
      return await this.store.db.transaction().execute(async (trx) => {
        const feed = await FeedGroup.open(trx, this.writer);
        const out: Receipt[] = [];
        const wait = { left: this.gatherMs };
        do {
          while (this.#waiting.length > 0 && group.length < MAX_GROUP) {
            const w = this.#waiting.shift()!;
            group.push(w);
            const r = await receiveOne(feed, w.message, this.now());
            if (r.error) this.log?.error({ err: r.error, controlId: w.message.controlId }, 'HIS message refused: application error');
            out.push(r);
          }
        } while (group.length < MAX_GROUP && (await this.#next(group, wait)));
        await feed.close(this.now());
        return out;
      });
    } catch (err) {
      // The transaction rolled back (a full disk, a bug): nothing of the group is stored, and
      // every sender is told so; the HIS sends them again.
      this.log?.error({ err }, 'HIS messages not stored');
      if (group.length === 0) group.push(...this.#waiting.splice(0, MAX_GROUP)); // it failed before taking any
      return group.map(() => ({ ack: 'AE', text: 'not stored (server error): send it again', hl7Code: '207' }));
    }
  }
}
