import type { Store } from '../store/open-store';

/** What every route needs from the outside: the store, a clock (tests set it), token life. */
export interface RouteContext {
  store: Store;
  now: () => Date;
  tokenTtlHours: number;
}
