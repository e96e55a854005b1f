// The short device id under each note tells the ward's tablets apart. A UUIDv7 starts with its
// creation time, so tablets set up in the same minute share their first characters: the short
// id must come from the random tail.
import { describe, it, expect } from 'vitest';
import { shortDeviceId } from '../../../src/client/ui/Timestamp';
import { newId } from '../../../src/domain/entry';

describe('shortDeviceId', () => {
  it('is the last 8 hex characters of the id', () => {
    expect(shortDeviceId('01957c1e-8f3a-7b2c-9d4e-5f6a7b8c9d0e')).toBe('7b8c9d0e');
  });

  it('tells apart tablets set up in the same millisecond', () => {
    const ids = Array.from({ length: 50 }, () => newId());
    // same timestamp head for a batch made this fast...
    expect(new Set(ids.map((id) => id.slice(0, 8))).size).toBeLessThanOrEqual(2);
    // ...but every short id differs
    expect(new Set(ids.map(shortDeviceId)).size).toBe(ids.length);
    for (const id of ids) expect(shortDeviceId(id)).toMatch(/^[0-9a-f]{8}$/);
  });

  it('leaves a short id (a test or hand-named device) as it is', () => {
    expect(shortDeviceId('tablet-a')).toBe('tablet-a');
    expect(shortDeviceId('pc')).toBe('pc');
  });
});
