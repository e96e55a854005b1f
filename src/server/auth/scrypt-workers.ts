// scrypt on threads of its own. Node's asynchronous scrypt runs on libuv's thread pool, the one
// that also reads the app shell's files: a flood of sign-ins took it, and the shell's p99 went
// from 20 to 283 ms even with hashing capped at two of its four threads. Worker threads leave
// that pool to the files. There are few of them (SCRYPT_WORKERS) and the queue in front of them
// is bounded (password-queue.ts), so a flood costs at most those threads and a 503 to the excess.
import { Worker } from 'node:worker_threads';

export const SCRYPT_WORKERS = 2;

export interface ScryptJob {
  password: string;
  salt: Buffer;
  keyLength: number;
  N: number;
  r: number;
  p: number;
}

// The worker's code is a string (evaluated as CommonJS) rather than a file of its own, so it
// runs the same under tsx, from the compiled server and in the tests.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { scryptSync } = require('node:crypto');
parentPort.on('message', (job) => {
  try {
    const key = scryptSync(job.password, Buffer.from(job.salt), job.keyLength, { N: job.N, r: job.r, p: job.p, maxmem: 256 * job.N * job.r });
    parentPort.postMessage({ key });
  } catch (err) {
    parentPort.postMessage({ error: String(err && err.message || err) });
  }
});
`;

const idle: Worker[] = [];
let alive = 0;

function startWorker(): Worker {
  const worker = new Worker(WORKER_SOURCE, { eval: true });
  worker.unref(); // an idle pool never keeps the process (or a test run) alive
  alive++;
  worker.once('exit', () => {
    alive--;
    const i = idle.indexOf(worker);
    if (i >= 0) idle.splice(i, 1);
  });
  return worker;
}

/**
 * Derives one key on a worker thread. The caller bounds concurrency to SCRYPT_WORKERS (the
 * password queue), so no more threads than that are ever started.
 */
export function scryptOnWorker(job: ScryptJob): Promise<Buffer> {
  const worker = idle.pop() ?? startWorker();
  return new Promise((resolve, reject) => {
    const onExit = () => reject(new Error('the scrypt worker stopped'));
    worker.once('exit', onExit);
    worker.once('message', (answer: { key?: Uint8Array; error?: string }) => {
      worker.off('exit', onExit);
      idle.push(worker);
      if (answer.key) resolve(Buffer.from(answer.key));
      else reject(new Error(answer.error ?? 'scrypt failed'));
    });
    worker.postMessage({ ...job, salt: new Uint8Array(job.salt) });
  });
}

/** How many worker threads exist now (tests: the pool stays bounded). */
export const scryptThreads = (): number => alive;
