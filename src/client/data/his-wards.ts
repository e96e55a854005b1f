// The HIS's ward codes on the admin screen: messages the server kept because their ward is not
// in the mapping table, and mapping a ward (which replays them). Online only, like every admin
// edit: the list lives on the server, not on the tablets.
import type { UnmappedAnswer, WardMapAnswer, WardMapRequest } from '../../domain/his/unmapped';
import { api, HttpError } from '../sync/http';
import { signedInToken, useOnlineAnswer, type OnlineAnswer } from './online-answer';

export type { KeptMessage, WardMapAnswer } from '../../domain/his/unmapped';

/** The kept messages and the mapping, fetched on mount and again on reload(). */
export function useKeptHisMessages(): OnlineAnswer<UnmappedAnswer> {
  return useOnlineAnswer<UnmappedAnswer>('/api/interface/unmapped');
}

/** Maps an HIS ward to a unit; the server replays what it kept for it. Throws the server's reason. */
export async function mapHisWard(his: string, unit: string): Promise<WardMapAnswer> {
  try {
    return await api<WardMapAnswer>('/api/interface/ward-map', { token: await signedInToken(), method: 'POST', body: { his, unit } satisfies WardMapRequest, timeoutMs: 60_000 });
  } catch (err) {
    if (err instanceof HttpError) throw new Error(String(err.body?.details ?? err.message), { cause: err });
    throw err;
  }
}
