// Passwords are stored as scrypt hashes with a per-user salt: slow enough to make a stolen
// database expensive to crack, fast enough for a login on a busy ward (~0.1 s).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { passwordQueue } from './password-queue';
import { scryptOnWorker } from './scrypt-workers';

const N = 1 << 15;
const R = 8;
const P = 1;
const KEY_LEN = 32;

/** On a worker thread (scrypt-workers.ts), through the bounded queue. */
function derive(password: string, salt: Buffer, opts: { N: number; r: number; p: number }): Promise<Buffer> {
  return passwordQueue.run(() => scryptOnWorker({ password: password.normalize('NFC'), salt, keyLength: KEY_LEN, ...opts }));
}

/** 'scrypt$N$r$p$<salt b64>$<hash b64>': the parameters travel with the hash so they can grow. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, { N, r: R, p: P });
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [algo, n, r, p, salt, hash] = stored.split('$');
  if (algo !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Spends the same time as a real check, so an unknown username is not faster to reject. */
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('not-a-password');
  await verifyPassword(password, await dummyHash);
}
