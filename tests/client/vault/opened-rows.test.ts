// The vault remembers the rows it opened since the last unlock, so the ward board's live
// re-reads do not decrypt unchanged rows again. What must hold: a row rewritten elsewhere (another
// tab) is read anew, every reader gets its own copy, and nothing survives a lock.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { admitPatient, dupont } from '../helpers';
import { generateDataKey, setDataKey } from '../../../src/client/db/vault/data-key';
import { seal, sealContext } from '../../../src/client/db/vault/cipher';
import { SEALED_FIELD } from '../../../src/client/db/vault/policy';
import type { PatientBody } from '../../../src/domain/schemas';
import { knownText, remember } from '../../../src/client/db/vault/opened-rows';
import { stopVaults, unlockAfresh, vaultDb } from './vault-fixture';

afterEach(() => {
  vi.restoreAllMocks();
  stopVaults();
  setDataKey(null);
});

async function unlockedWard() {
  const v = vaultDb();
  setDataKey(await generateDataKey());
  const { entry: patient } = await admitPatient(v.db);
  const key = await unlockAfresh(v.db);
  return { ...v, patient, key, decrypt: vi.spyOn(crypto.subtle, 'decrypt') };
}

const bodyOf = (row: { body: unknown } | undefined) => row?.body as PatientBody | undefined;

describe('rows opened since the unlock', () => {
  it('are decrypted once: read again, the same sealed bytes are not decrypted again, and each reader gets its own copy', async () => {
    const { db, patient, decrypt } = await unlockedWard();
    const first = await db.docs.get(patient.id);
    expect(bodyOf(first)).toEqual(dupont);
    expect(decrypt).toHaveBeenCalledTimes(1);
    (first!.body as PatientBody).lastName = 'Changé';
    expect(bodyOf(await db.docs.get(patient.id))).toEqual(dupont);
    expect((await db.docs.toArray()).map(bodyOf)).toEqual([dupont]);
    expect(decrypt).toHaveBeenCalledTimes(1);
  });

  it('a row rewritten by another tab (new sealed bytes) is opened anew', async () => {
    const { db, disk, patient, key, decrypt } = await unlockedWard();
    const row = (await db.docs.get(patient.id))!;
    const raw = disk();
    const stored = (await raw.docs.get(patient.id)) as unknown as Record<string, unknown>;
    const clearFields = new Set(Object.keys(stored));
    const secret = Object.fromEntries(Object.entries({ ...row, body: { ...dupont, room: '214' } }).filter(([k]) => !clearFields.has(k)));
    const resealed = await seal(key, sealContext('docs', patient.id), JSON.stringify(secret));
    await raw.docs.put({ ...stored, [SEALED_FIELD]: resealed } as never);
    expect(bodyOf(await db.docs.get(patient.id))?.room).toBe('214');
    expect(decrypt).toHaveBeenCalledTimes(2);
    raw.close();
  });

  it('are forgotten at every lock: after the next unlock they are decrypted again', async () => {
    const { db, patient, key, decrypt } = await unlockedWard();
    await db.docs.get(patient.id);
    setDataKey(null);
    expect(await db.docs.get(patient.id)).toBeUndefined();
    setDataKey(key);
    expect(bodyOf(await db.docs.get(patient.id))).toEqual(dupont);
    expect(decrypt).toHaveBeenCalledTimes(2);
  });

  it('a row this tablet writes is known at once: its first read needs no decryption', async () => {
    const { db, patient, decrypt } = await unlockedWard();
    const row = (await db.docs.get(patient.id))!;
    await db.docs.put({ ...row, body: { ...dupont, room: '301' } });
    expect(bodyOf(await db.docs.get(patient.id))?.room).toBe('301');
    expect(decrypt).toHaveBeenCalledTimes(1);
  });

  it('a row written back with only clear fields changed keeps its sealed bytes (no encryption); a changed sealed field is sealed anew', async () => {
    const { db, disk, patient } = await unlockedWard();
    const raw = disk();
    const bytes = async () => ((await raw.entries.get(patient.id)) as unknown as Record<string, Uint8Array>)[SEALED_FIELD];
    const before = await bytes();
    const encrypt = vi.spyOn(crypto.subtle, 'encrypt');
    // What a push's answer writes: the server's sequence number, an index field kept in clear.
    await db.entries.update(patient.id, { serverSeq: 42 });
    expect(encrypt).not.toHaveBeenCalled();
    expect(await bytes()).toEqual(before);
    expect(await db.entries.get(patient.id)).toEqual({ ...patient, serverSeq: 42 });
    await db.entries.update(patient.id, { flags: ['clock_suspect'] });
    expect(encrypt).toHaveBeenCalledTimes(1);
    expect(await bytes()).not.toEqual(before);
    await unlockAfresh(db);
    expect(await db.entries.get(patient.id)).toEqual({ ...patient, serverSeq: 42, flags: ['clock_suspect'] });
    raw.close();
  });

  it('a row rewritten keeps the text of the bytes it had: a read answered with them after the write (same round) needs no decryption', async () => {
    const bytes = (n: number) => new Uint8Array(40).fill(n);
    remember('docs', 'rewritten', bytes(1), 'before');
    remember('docs', 'rewritten', bytes(2), 'after');
    expect(knownText('docs', 'rewritten', bytes(1))).toBe('before');
    expect(knownText('docs', 'rewritten', bytes(2))).toBe('after');
    expect(knownText('docs', 'rewritten', bytes(3))).toBeUndefined();
  });

  it('past the bound, a table forgets its oldest rows, never the ones written last', () => {
    const bytes = (n: number) => new Uint8Array(new Uint32Array(10).fill(n).buffer);
    for (let n = 0; n <= 5_000; n++) remember('entries', `e${n}`, bytes(n), `text ${n}`);
    expect(knownText('entries', 'e0', bytes(0))).toBeUndefined();
    expect(knownText('entries', 'e4999', bytes(4999))).toBe('text 4999');
    expect(knownText('entries', 'e5000', bytes(5000))).toBe('text 5000');
  });
});
