// Sessions that tell the truth: the person writing now, when her token is expired, refused or
// gone, is told so, with how many of her entries wait on this tablet for her to sign in again.
import { useLockAwareLiveQuery } from './lock-aware-live-query';
import { db } from '../db/schema';
import { carryingSession } from '../db/carrying-session';
import { writerId } from '../db/writer';

export interface SessionHealth {
  name: string;
  /** Her entries not yet sent. */
  waiting: number;
  /** The server will not take them with what the tablet holds for her. */
  blocked: boolean;
}

export async function loadSessionHealth(): Promise<SessionHealth | null> {
  const d = db();
  const userId = await writerId(d);
  if (!userId) return null;
  // A colleague enrolled offline sends with her enroller's session: it is the one to judge.
  const s = await carryingSession(d);
  const waiting = await d.outbox.where('authorId').equals(userId).filter((r) => r.state === 'pending').count();
  const blocked = !s || !!s.expired || !!s.signedOut || Date.parse(s.expiresAt) <= Date.now();
  return { name: s?.user.name ?? '', waiting, blocked };
}

export function useSessionHealth(): SessionHealth | null {
  return useLockAwareLiveQuery(loadSessionHealth, []) ?? null;
}
