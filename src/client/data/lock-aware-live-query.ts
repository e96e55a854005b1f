// Live queries of components that stay mounted while the tablet locks and opens again, and read
// sealed rows: the frame (the banners, the header, the status bar) and the session gate's own
// (the ward's auto-lock period). The screens behind the gate unmount while locked and need none.
// Locked, a sealed row reads as absent (db/vault), and the data key's coming or going is no write
// Dexie could announce: a query run while locked kept its empty answer after the unlock, until
// some write touched its tables (a downtime banner missing for a whole page load, when it ran
// before the key was put back at start). Here the lock state is one of the query's dependencies,
// so it runs again at each change.
import { useLiveQuery } from 'dexie-react-hooks';
import { useUnlocked } from './lock-state';

/** useLiveQuery, run again whenever the tablet opens or locks. */
export function useLockAwareLiveQuery<T>(querier: () => Promise<T>, deps: readonly unknown[], first?: T): T | undefined {
  const unlocked = useUnlocked();
  return useLiveQuery(querier, [...deps, unlocked], first);
}
