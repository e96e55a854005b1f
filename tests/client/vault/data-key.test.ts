import { afterEach, describe, expect, it } from 'vitest';
import { generateDataKey, hasDataKey, onDataKeyChange, setDataKey } from '../../../src/client/db/vault/data-key';

afterEach(() => setDataKey(null));

describe('the data key', () => {
  it('is an AES-GCM 256 key, present only between unlock and lock', async () => {
    const key = await generateDataKey();
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    expect(hasDataKey()).toBe(false);
    const seen: boolean[] = [];
    const stop = onDataKeyChange((present) => seen.push(present));
    setDataKey(key);
    expect(hasDataKey()).toBe(true);
    setDataKey(null);
    stop();
    setDataKey(key);
    expect(seen).toEqual([true, false]);
  });

  it('refuses a key that is not an AES-GCM key', async () => {
    const hmac = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    expect(() => setDataKey(hmac)).toThrow(/AES-GCM/);
    expect(hasDataKey()).toBe(false);
  });
});
