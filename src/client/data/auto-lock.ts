// The auto-lock period of this tablet, set by an admin per ward (UnitBody.autoLockMinutes) and
// arriving with the ward's document at the next sync. The wards of the person signed in decide
// (autoLockMinutesOf); read while unlocked only, since the ward documents are sealed.
import { useEffect } from 'react';
import { docOf } from '../../domain/doc-bodies';
import { autoLockMinutesOf } from '../../domain/schemas/auto-lock';
import { GLOBAL_SCOPE } from '../../domain/scope';
import { db } from '../db/schema';
import { setIdleMinutes } from './lock-state';
import { useSession } from './session';
import { useLockAwareLiveQuery } from './lock-aware-live-query';

export function useWardAutoLock(): void {
  const { user, locked } = useSession();
  const units = user?.units.join() ?? '';
  // Read again when the tablet opens (lock-aware-live-query.ts); locked, the sealed wards read as absent.
  const minutes = useLockAwareLiveQuery(async () => {
    if (!user || locked) return undefined;
    const docs = await db().docs.where('[docType+scope]').equals(['unit', GLOBAL_SCOPE]).toArray();
    const hers = docs.flatMap((d) => docOf(d, 'unit')?.body ?? []).filter((b) => user.units.includes(b.code));
    return autoLockMinutesOf(hers);
  }, [user?.id, units, locked]);
  useEffect(() => {
    if (minutes !== undefined) setIdleMinutes(minutes);
  }, [minutes]);
}
