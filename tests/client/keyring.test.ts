// The key hierarchy of a shared tablet (issue 9): one data key, wrapped per person by her
// password and PIN and by the server's device secret. Real WebCrypto (Node's), real Dexie over
// fake-indexeddb. Counter tests use small iteration counts; one test runs the real ones.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { KeyringDb } from '../../src/client/db/keyring/keyring-db';
import {
  addOfflinePerson, enrolOnline, KeyringError, MAX_PASSWORD_FAILURES, MAX_PIN_FAILURES, setPin, unlockWithPassword, unlockWithPin, usernameTaken, wrapForColleague,
} from '../../src/client/db/keyring/keyring';
import { PASSWORD_ITERATIONS } from '../../src/client/db/keyring/kdf';
import type { SessionUser } from '../../src/domain/protocol';

const FAST = { passwordIterations: 1000, pinIterations: 1000 };
const alice: SessionUser = { id: 'u-a', name: 'Camille Martin', role: 'nurse', units: ['MED'] };
const bea: SessionUser = { id: 'u-b', name: 'Inès Roux', role: 'nurse', units: ['MED'] };
const secret = (n: number) => Buffer.alloc(32, n).toString('base64url');
const SECRET = secret(7);

let n = 0;
const fresh = () => new KeyringDb(`keyring-test-${process.pid}-${++n}`);

/** Encrypts with one key and decrypts with the other: true when they are the same data key. */
async function sameKey(a: CryptoKey, b: CryptoKey): Promise<boolean> {
  const iv = new Uint8Array(12);
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, a, new TextEncoder().encode('x'));
  return crypto.subtle.decrypt({ name: 'AES-GCM', iv }, b, ct).then(() => true, () => false);
}

async function codeOf(p: Promise<unknown>): Promise<[string, number | undefined]> {
  try {
    await p;
  } catch (err) {
    if (err instanceof KeyringError) return [err.code, err.remaining];
    throw err;
  }
  throw new Error('expected a KeyringError');
}

describe('the keyring', () => {
  it('wraps ONE data key for every person; each opens it offline with her own password only', async () => {
    const k = fresh();
    const a = await enrolOnline(k, { username: 'Demo-Nurse', password: 'pa55', user: alice, deviceSecret: SECRET }, FAST);
    const b = await enrolOnline(k, { username: 'demo-nurse2', password: 'other', user: bea, deviceSecret: SECRET }, FAST);
    expect(await sameKey(a.dataKey, b.dataKey)).toBe(true);
    expect(a.dataKey.extractable).toBe(false);

    const offA = await unlockWithPassword(k, ' demo-nurse ', 'pa55');
    expect(offA.user).toEqual(alice);
    expect(await sameKey(offA.dataKey, b.dataKey)).toBe(true);
    expect(await codeOf(unlockWithPassword(k, 'demo-nurse', 'other'))).toEqual(['wrong_password', MAX_PASSWORD_FAILURES - 1]);
    expect(await codeOf(unlockWithPassword(k, 'demo-charge', 'x'))).toEqual(['not_enrolled', undefined]);

    // Nothing stored is the password, and no row holds the key in clear.
    const stored = JSON.stringify(await k.people.toArray(), (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v));
    expect(stored).not.toContain('pa55');
    expect(stored).not.toContain(Buffer.from('pa55').toString('hex'));
  });

  it('uses PBKDF2 with at least 600,000 iterations for a password by default', async () => {
    const k = fresh();
    await enrolOnline(k, { username: 'a', password: 'pa55', user: alice, deviceSecret: SECRET });
    const row = await k.people.get('u-a');
    expect(row!.password.iterations).toBeGreaterThanOrEqual(600_000);
    expect(PASSWORD_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(row!.password.salt).toHaveLength(16);
    expect((await unlockWithPassword(k, 'a', 'pa55')).user.id).toBe('u-a');
  });

  it('lets a new person enrol online on a used, locked tablet through the device secret, and no one without it', async () => {
    const k = fresh();
    const a = await enrolOnline(k, { username: 'a', password: 'pa55', user: alice, deviceSecret: SECRET }, FAST);
    // Nobody is unlocked; B signs in online for the first time: same data key, so A's unsent entries stay readable.
    const b = await enrolOnline(k, { username: 'b', password: 'bbbb', user: bea, deviceSecret: SECRET }, FAST);
    expect(await sameKey(a.dataKey, b.dataKey)).toBe(true);
    // A server whose secret is not this tablet's cannot make her a new key over the old data.
    const stranger: SessionUser = { ...bea, id: 'u-c' };
    expect(await codeOf(enrolOnline(k, { username: 'c', password: 'cccc', user: stranger, deviceSecret: secret(9) }, FAST))).toEqual(['data_key_unavailable', undefined]);
    // But a person already enrolled re-opens it with her own password, and the new secret is wrapped in.
    const again = await enrolOnline(k, { username: 'a', password: 'pa55', user: alice, deviceSecret: secret(9) }, FAST);
    expect(await sameKey(again.dataKey, a.dataKey)).toBe(true);
    const c = await enrolOnline(k, { username: 'c', password: 'cccc', user: stranger, deviceSecret: secret(9) }, FAST);
    expect(await sameKey(c.dataKey, a.dataKey)).toBe(true);
  });

  it('locks a person out after 10 wrong passwords, across reloads, until she signs in online', async () => {
    const name = `keyring-test-${process.pid}-reload`;
    let k = new KeyringDb(name);
    await enrolOnline(k, { username: 'a', password: 'pa55', user: alice, deviceSecret: SECRET }, FAST);
    for (let i = 1; i <= 6; i++) await codeOf(unlockWithPassword(k, 'a', `bad${i}`));
    k.close();
    k = new KeyringDb(name); // a reload: the counter is in IndexedDB
    for (let i = 7; i < MAX_PASSWORD_FAILURES; i++) expect((await codeOf(unlockWithPassword(k, 'a', `bad${i}`)))[1]).toBe(MAX_PASSWORD_FAILURES - i);
    expect(await codeOf(unlockWithPassword(k, 'a', 'bad10'))).toEqual(['locked_out', undefined]);
    // Even the right password is refused now.
    expect(await codeOf(unlockWithPassword(k, 'a', 'pa55'))).toEqual(['locked_out', undefined]);
    await enrolOnline(k, { username: 'a', password: 'pa55', user: alice, deviceSecret: SECRET }, FAST);
    expect((await unlockWithPassword(k, 'a', 'pa55')).user.id).toBe('u-a');
    expect((await k.people.get('u-a'))!.passwordFailures).toBe(0);
  });

  it('counts a try before it runs, so an interrupted try is not free', async () => {
    const k = fresh();
    await enrolOnline(k, { username: 'a', password: 'pa55', user: alice, deviceSecret: SECRET }, FAST);
    const trying = unlockWithPassword(k, 'a', 'nope');
    await new Promise((r) => setTimeout(r, 0));
    await codeOf(trying);
    expect((await k.people.get('u-a'))!.passwordFailures).toBe(1);
    await unlockWithPassword(k, 'a', 'pa55');
    expect((await k.people.get('u-a'))!.passwordFailures).toBe(0);
  });

  it('sets a 4-8 digit PIN after the password, opens with it, and destroys it after 5 wrong PINs', async () => {
    const k = fresh();
    const a = await enrolOnline(k, { username: 'a', password: 'pa55', user: alice, deviceSecret: SECRET }, FAST);
    expect(await codeOf(unlockWithPin(k, 'u-a', '1234'))).toEqual(['no_pin', undefined]);
    expect(await codeOf(setPin(k, 'u-a', 'pa55', '12a4', FAST))).toEqual(['bad_pin', undefined]);
    expect(await codeOf(setPin(k, 'u-a', 'pa55', '123', FAST))).toEqual(['bad_pin', undefined]);
    expect(await codeOf(setPin(k, 'u-a', 'pa55', '123456789', FAST))).toEqual(['bad_pin', undefined]);
    expect(await codeOf(setPin(k, 'u-a', 'wrong', '2468', FAST))).toEqual(['wrong_password', MAX_PASSWORD_FAILURES - 1]);
    await setPin(k, 'u-a', 'pa55', '2468', FAST);
    const viaPin = await unlockWithPin(k, 'u-a', '2468');
    expect(await sameKey(viaPin.dataKey, a.dataKey)).toBe(true);

    for (let i = 1; i < MAX_PIN_FAILURES; i++) expect(await codeOf(unlockWithPin(k, 'u-a', '0000'))).toEqual(['wrong_pin', MAX_PIN_FAILURES - i]);
    expect(await codeOf(unlockWithPin(k, 'u-a', '0000'))).toEqual(['pin_disabled', undefined]);
    expect(await codeOf(unlockWithPin(k, 'u-a', '2468'))).toEqual(['no_pin', undefined]);
    expect((await k.people.get('u-a'))!.pin).toBeNull();
    // The password still works, and a new PIN can be set with it.
    await setPin(k, 'u-a', 'pa55', '97531', FAST);
    expect((await unlockWithPin(k, 'u-a', '97531')).user.id).toBe('u-a');
  });

  it("keeps one person's PIN from opening another person's session", async () => {
    const k = fresh();
    await enrolOnline(k, { username: 'a', password: 'pa55', user: alice, deviceSecret: SECRET }, FAST);
    await enrolOnline(k, { username: 'b', password: 'bbbb', user: bea, deviceSecret: SECRET }, FAST);
    await setPin(k, 'u-a', 'pa55', '1111', FAST);
    expect(await codeOf(unlockWithPin(k, 'u-b', '1111'))).toEqual(['no_pin', undefined]);
    await setPin(k, 'u-b', 'bbbb', '2222', FAST);
    expect(await codeOf(unlockWithPin(k, 'u-b', '1111'))).toEqual(['wrong_pin', MAX_PIN_FAILURES - 1]);
  });
});

// Offline enrolment (issue 9 §3): a charge nurse, with her own password typed again, wraps the
// tablet's data key for a colleague's temporary password; the colleague then signs in offline.
const chef: SessionUser = { id: 'u-c', name: 'Claire Chef', role: 'charge', units: ['MED'] };
const marie: SessionUser = { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', name: 'Marie Relief', role: 'nurse', units: ['MED'], enrolledBy: { userId: 'u-c', name: 'Claire Chef' } };

describe('offline enrolment on the keyring', () => {
  it('wraps the same data key for the colleague; she signs in offline with her temporary password, sets a PIN', async () => {
    const k = fresh();
    const c = await enrolOnline(k, { username: 'demo-charge', password: 'chef-pw', user: chef, deviceSecret: SECRET }, FAST);
    const wrapped = await wrapForColleague(k, chef.id, 'chef-pw', 'relief-pw', FAST);
    await addOfflinePerson(k, { username: ' Marie.Relief ', user: marie, password: wrapped });
    const m = await unlockWithPassword(k, 'marie.relief', 'relief-pw');
    expect(m.user).toEqual(marie);
    expect(await sameKey(m.dataKey, c.dataKey)).toBe(true);
    expect(await codeOf(unlockWithPassword(k, 'marie.relief', 'chef-pw'))).toEqual(['wrong_password', MAX_PASSWORD_FAILURES - 1]);
    await setPin(k, marie.id, 'relief-pw', '4321', FAST);
    expect((await unlockWithPin(k, marie.id, '4321')).user.enrolledBy).toEqual({ userId: 'u-c', name: 'Claire Chef' });
  });

  it('needs the enroller’s own password, and a wrong one counts against her', async () => {
    const k = fresh();
    await enrolOnline(k, { username: 'demo-charge', password: 'chef-pw', user: chef, deviceSecret: SECRET }, FAST);
    expect(await codeOf(wrapForColleague(k, chef.id, 'nope', 'relief-pw', FAST))).toEqual(['wrong_password', MAX_PASSWORD_FAILURES - 1]);
    expect((await k.people.get(chef.id))?.passwordFailures).toBe(1);
    expect(await codeOf(wrapForColleague(k, 'someone-else', 'chef-pw', 'relief-pw', FAST))).toEqual(['not_enrolled', undefined]);
  });

  it('refuses a username already someone’s on this tablet, and stores nothing', async () => {
    const k = fresh();
    await enrolOnline(k, { username: 'demo-charge', password: 'chef-pw', user: chef, deviceSecret: SECRET }, FAST);
    expect(await usernameTaken(k, 'Demo-Charge')).toBe(true);
    const wrapped = await wrapForColleague(k, chef.id, 'chef-pw', 'relief-pw', FAST);
    expect(await codeOf(addOfflinePerson(k, { username: 'demo-charge', user: marie, password: wrapped }))).toEqual(['username_taken', undefined]);
    expect(await k.people.count()).toBe(1);
  });
});
