// Messages from every connection go through one queue, in arrival order: a patient's messages are
// applied in the order the HIS sent them. Whatever has arrived while the previous group was being
// written is written as the next group, in one transaction: one fsync for many messages, and no
// ACK before the commit that makes its message durable (safety rule 1).
import type { FastifyBaseLogger } from 'fastify';
import type { Store } from '../store/open-store';
import type { InterfaceWriter } from './feed-write';
import { receiveOne, type Incoming, type Receipt } from './receive';

const MAX_GROUP = 200;

interface Waiting {
  message: Incoming;
  resolve: (r: Receipt) => void;
}

export class FeedQueue {
  readonly #waiting: Waiting[] = [];
  #draining = false;

  constructor(
    private readonly store: Store,
    private readonly writer: InterfaceWriter,
    private readonly log?: Pick<FastifyBaseLogger, 'error'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  submit(message: Incoming): Promise<Receipt> {
    return new Promise((resolve) => {
      this.#waiting.push({ message, resolve });
      void this.#drain();
    });
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
        const group = this.#waiting.splice(0, MAX_GROUP);
        const receipts = await this.#write(group);
        group.forEach((w, i) => w.resolve(receipts[i]!));
      }
    } finally {
      this.#draining = false;
    }
  }

  async #write(group: Waiting[]): Promise<Receipt[]> {
    try {
      return await this.store.db.transaction().execute(async (trx) => {
        const out: Receipt[] = [];
        for (const w of group) {
          const r = await receiveOne(trx, this.writer, w.message, this.now());
          if (r.error) this.log?.error({ err: r.error, controlId: w.message.controlId }, 'HIS message refused: application error');
          out.push(r);
        }
        return out;
      });
    } catch (err) {
      // The transaction rolled back (a full disk, a bug): nothing of the group is stored, and
      // every sender is told so; the HIS sends them again.
      this.log?.error({ err }, 'HIS messages not stored');
      return group.map(() => ({ ack: 'AE', text: 'not stored (server error): send it again', hl7Code: '207' }));
    }
  }
}
