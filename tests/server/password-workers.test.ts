// Password hashing on worker threads of its own: same hashes as before (accounts made by the old
// code still sign in), at most SCRYPT_WORKERS threads however many sign-ins arrive at once.
import { scrypt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/server/auth/password';
import { SCRYPT_WORKERS, scryptThreads } from '../../src/server/auth/scrypt-workers';

/** A hash as the code before worker threads made it: Node's scrypt on libuv's pool. */
function oldStyleHash(password: string): Promise<string> {
  const salt = Buffer.from('0123456789abcdef');
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, 32, { N: 1 << 15, r: 8, p: 1, maxmem: 256 * (1 << 15) * 8 }, (err, key) =>
      err ? reject(err) : resolve(['scrypt', 1 << 15, 8, 1, salt.toString('base64'), key.toString('base64')].join('$')),
    ),
  );
}

describe('password hashing on worker threads', () => {
  it('verifies hashes made before, and refuses a wrong password', async () => {
    const stored = await oldStyleHash('Infirmière-2026');
    expect(await verifyPassword('Infirmière-2026', stored)).toBe(true);
    expect(await verifyPassword('infirmière-2026', stored)).toBe(false);
    expect(await verifyPassword('Infirmière-2026', await hashPassword('Infirmière-2026'))).toBe(true);
  });

  it('never starts more than SCRYPT_WORKERS threads, whatever the number of sign-ins at once', async () => {
    const stored = await hashPassword('demo');
    const checks = Array.from({ length: 6 }, (_, i) => verifyPassword(i % 2 ? 'demo' : 'wrong', stored));
    const peak = Math.max(...(await Promise.all(checks.map(async (c) => (await c, scryptThreads())))));
    expect(await Promise.all(checks)).toEqual(Array.from({ length: 6 }, (_, i) => i % 2 === 1));
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(SCRYPT_WORKERS);
  });
});
