import { describe, it, expect } from 'vitest';
import { seal, sealContext, unsealAll } from '../../../src/client/db/vault/cipher';
import { generateDataKey } from '../../../src/client/db/vault/data-key';

describe('sealing values', () => {
  it('gives every value its own IV, across the random draws IVs are cut from, and each opens', async () => {
    const key = await generateDataKey();
    const context = sealContext('entries', 'e-1');
    // More values than one draw of IVs holds, sealed together as a pulled page seals its rows.
    const texts = Array.from({ length: 2500 }, (_, i) => JSON.stringify({ n: i }));
    const sealed = await Promise.all(texts.map((t) => seal(key, context, t)));
    const ivs = new Set(sealed.map((s) => Array.from(s.subarray(0, 12)).join(',')));
    expect(ivs.size).toBe(texts.length);
    expect(await unsealAll(key, sealed.map((s) => ({ context, sealed: s })), 'entries')).toEqual(texts);
  });

  it('keeps an IV as it was sealed with when more values are sealed after it', async () => {
    const key = await generateDataKey();
    const context = sealContext('docs', 'd-1');
    const first = await seal(key, context, '"premier"');
    const iv = Array.from(first.subarray(0, 12));
    await Promise.all(Array.from({ length: 1100 }, () => seal(key, context, '"suivant"')));
    expect(Array.from(first.subarray(0, 12))).toEqual(iv);
    expect(await unsealAll(key, [{ context, sealed: first }], 'docs')).toEqual(['"premier"']);
  });
});
