// What an admin screen reads from the server rather than from the tablet (kept HIS messages,
// accounts enrolled offline): fetched with the signed-in person's token when the screen opens,
// and again on reload(). With no network it says so, for the screen to tell that it needs it.
import { useCallback, useEffect, useState } from 'react';
import { currentSession } from '../db/meta';
import { db } from '../db/schema';
import { api, HttpError, OfflineError } from '../sync/http';

export type OnlineAnswer<T> =
  | { state: 'loading' }
  | { state: 'failed'; offline: boolean; reason: string }
  | { state: 'ready'; answer: T; reload: () => void };

/** The token of the person signed in, for an admin request. */
export async function signedInToken(): Promise<string> {
  return (await currentSession(db()))?.token ?? '';
}

/** GET `path` on mount and on reload(). */
export function useOnlineAnswer<T>(path: string): OnlineAnswer<T> {
  const [state, setState] = useState<OnlineAnswer<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const answer = await api<T>(path, { token: await signedInToken() });
        if (live) setState({ state: 'ready', answer, reload });
      } catch (err) {
        const reason = err instanceof HttpError ? String(err.body?.details ?? err.message) : String(err);
        if (live) setState({ state: 'failed', offline: err instanceof OfflineError, reason });
      }
    })();
    return () => {
      live = false;
    };
  }, [path, round, reload]);
  return state;
}
