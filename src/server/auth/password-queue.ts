// Sixteen parallel logins once stalled the app shell (2 ms to 4.4 s): scrypt took every thread of
// libuv's pool. Hashing now runs on worker threads of its own (scrypt-workers.ts), at most
// PASSWORD_CONCURRENCY at once, behind a bounded queue: past it, a login is refused at once with
// 503 and Retry-After rather than piling up.
import { SCRYPT_WORKERS } from './scrypt-workers';

const PASSWORD_CONCURRENCY = SCRYPT_WORKERS;
const PASSWORD_QUEUE_MAX = 64;

export class PasswordQueueFull extends Error {
  readonly code = 'RELEVE_PASSWORD_QUEUE_FULL';
  readonly statusCode = 503;
  constructor() {
    super('too many sign-ins at once: try again in a few seconds');
  }
}

export class BoundedQueue {
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    readonly maxWaiting: number,
  ) {}

  get waiting(): number {
    return this.#waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#running >= this.concurrency) {
      if (this.#waiting.length >= this.maxWaiting) throw new PasswordQueueFull();
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else {
      this.#running++;
    }
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      if (next) next(); // the slot passes on, #running unchanged
      else this.#running--;
    }
  }
}

/** The one queue every password check and hash of this process goes through. */
export const passwordQueue = new BoundedQueue(PASSWORD_CONCURRENCY, PASSWORD_QUEUE_MAX);
