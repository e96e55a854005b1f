// The HIS's ward codes on the admin screen: messages the server kept because their ward is not
// in the mapping table, and mapping a ward (which replays them). Online only, like every admin
// edit: the list lives on the server, not on the tablets.
import { useCallback, useEffect, useState } from 'react';
import type { UnmappedAnswer, WardMapAnswer, WardMapRequest } from '../../domain/his/unmapped';
import { currentSession } from '../db/meta';
import { db } from '../db/schema';
import { api, HttpError, OfflineError } from '../sync/http';

export type { KeptMessage, WardMapAnswer } from '../../domain/his/unmapped';

export type KeptMessagesState =
  | { state: 'loading' }
  | { state: 'failed'; offline: boolean; reason: string }
  | { state: 'ready'; answer: UnmappedAnswer; reload: () => void };

async function token(): Promise<string> {
  return (await currentSession(db()))?.token ?? '';
}

/** The kept messages and the mapping, fetched on mount and again on reload(). */
export function useKeptHisMessages(): KeptMessagesState {
  const [state, setState] = useState<KeptMessagesState>({ state: 'loading' });
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const answer = await api<UnmappedAnswer>('/api/interface/unmapped', { token: await token() });
        if (live) setState({ state: 'ready', answer, reload });
      } catch (err) {
        const reason = err instanceof HttpError ? String(err.body?.details ?? err.message) : String(err);
        if (live) setState({ state: 'failed', offline: err instanceof OfflineError, reason });
      }
    })();
    return () => {
      live = false;
    };
  }, [round, reload]);
  return state;
}

/** Maps an HIS ward to a unit; the server replays what it kept for it. Throws the server's reason. */
export async function mapHisWard(his: string, unit: string): Promise<WardMapAnswer> {
  try {
    return await api<WardMapAnswer>('/api/interface/ward-map', { token: await token(), method: 'POST', body: { his, unit } satisfies WardMapRequest, timeoutMs: 60_000 });
  } catch (err) {
    if (err instanceof HttpError) throw new Error(String(err.body?.details ?? err.message), { cause: err });
    throw err;
  }
}
