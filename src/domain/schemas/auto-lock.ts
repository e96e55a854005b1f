// How long a tablet stays unlocked without a touch, apart from the ward's schema: the lock runs
// from the tablet's first screen, which does not load zod.
import type { UnitBody } from './unit';

/** Minutes without a touch before a tablet locks, when the ward has not set its own. */
export const DEFAULT_AUTO_LOCK_MINUTES = 5;

/**
 * The auto-lock period for a person: a tablet has no ward of its own, so her wards decide, and
 * with several the shortest wins (the safer). A ward without the setting counts as the default.
 */
export function autoLockMinutesOf(units: readonly Pick<UnitBody, 'autoLockMinutes'>[]): number {
  return units.length === 0 ? DEFAULT_AUTO_LOCK_MINUTES : Math.min(...units.map((u) => u.autoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES));
}
