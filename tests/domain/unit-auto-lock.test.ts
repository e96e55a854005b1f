// Issue 9 §2: the auto-lock period is set by an admin per ward, 1 to 30 minutes, default 5.
import { describe, expect, it } from 'vitest';
import { DEFAULT_AUTO_LOCK_MINUTES, autoLockMinutesOf, unitBody } from '../../src/domain/schemas';

const MED = { code: 'MED', name: 'Médecine interne' };

describe('a ward’s auto-lock period', () => {
  it('is optional, a whole number of minutes from 1 to 30', () => {
    for (const ok of [1, 2, 5, 30]) expect(unitBody.safeParse({ ...MED, autoLockMinutes: ok }).success, String(ok)).toBe(true);
    expect(unitBody.safeParse(MED).success).toBe(true);
    for (const bad of [0, 31, -1, 2.5, Number.NaN, Infinity, '5', null]) {
      expect(unitBody.safeParse({ ...MED, autoLockMinutes: bad }).success, String(bad)).toBe(false);
    }
  });

  it('is 5 minutes where no ward set it; with several wards, the shortest (the safer) applies', () => {
    expect(DEFAULT_AUTO_LOCK_MINUTES).toBe(5);
    expect(autoLockMinutesOf([])).toBe(5);
    expect(autoLockMinutesOf([{}])).toBe(5);
    expect(autoLockMinutesOf([{ autoLockMinutes: 2 }])).toBe(2);
    expect(autoLockMinutesOf([{ autoLockMinutes: 12 }, {}])).toBe(5);
    expect(autoLockMinutesOf([{ autoLockMinutes: 12 }, { autoLockMinutes: 8 }])).toBe(8);
  });
});
