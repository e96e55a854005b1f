// One live query for every screen that reads the same thing. `useLiveQuery` opens a query of its
// own per component: the session alone was read by ten of them at each start, each with its own
// transactions and its own re-render, on a tablet whose cold start is spent on the main thread
// (issue 15). Here the first reader opens the query, the others share its answer, and the last
// one to go closes it.
import { useSyncExternalStore } from 'react';
import { liveQuery, type Subscription } from 'dexie';

type Answer<T> = { value: T } | { error: unknown } | undefined;

export interface SharedLiveQuery<T> {
  /** A reader arrives; the returned function is her leaving. */
  subscribe(listener: () => void): () => void;
  /** The latest answer, the same object until the next one; undefined while the first is coming. */
  answer(): Answer<T>;
  /** The latest answer's value for a component; throws what the query threw. */
  use(): T | undefined;
  /**
   * A reader that is not a component: the query runs now and `ready` settles with its first
   * answer (first-screen.ts reads before React's first render). The query stays open until
   * `release`, so the components that arrive meanwhile find the answer there.
   */
  hold(): { ready: Promise<void>; release: () => void };
}

export function sharedLiveQuery<T>(querier: () => Promise<T>): SharedLiveQuery<T> {
  let answer: Answer<T>;
  let subscription: Subscription | null = null;
  const listeners = new Set<() => void>();
  const tell = () => {
    for (const l of listeners) l();
  };
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    subscription ??= liveQuery(querier).subscribe({
      next: (value) => {
        answer = { value };
        tell();
      },
      error: (error: unknown) => {
        answer = { error };
        tell();
      },
    });
    return () => {
      listeners.delete(listener);
      if (listeners.size > 0) return;
      // Nobody reads it any more: a later reader starts from a fresh answer, never a stale one.
      subscription?.unsubscribe();
      subscription = null;
      answer = undefined;
    };
  };
  const snapshot = () => answer;
  const hold = () => {
    let leave = () => {};
    const ready = new Promise<void>((resolve) => {
      leave = subscribe(() => resolve());
      if (answer) resolve();
    });
    return { ready, release: () => leave() };
  };
  return {
    subscribe,
    answer: snapshot,
    hold,
    use() {
      const current = useSyncExternalStore(subscribe, snapshot);
      if (current && 'error' in current) throw current.error;
      return current?.value;
    },
  };
}
