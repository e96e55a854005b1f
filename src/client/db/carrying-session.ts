// Whose session carries the entries of the person writing, and pulls for her: her own, or for a
// colleague enrolled offline (she has no token of her own, domain/provisional.ts) the enroller
// who vouched for her, whose token already carries her entries (sync/batches.ts). The sync loop
// pulls with it; the session banner and the status bar judge it.
import { currentSession, getMeta, type StoredSession } from './meta';
import type { ReleveDb } from './schema';
import { writerId } from './writer';

export async function carryingSession(db: ReleveDb): Promise<StoredSession | null> {
  const own = await currentSession(db);
  if (own) return own;
  const userId = await writerId(db);
  const enroller = userId ? (await db.keyring.people.get(userId))?.user.enrolledBy?.userId : undefined;
  const theirs = enroller ? (await getMeta(db, 'sessions'))?.[enroller] : undefined;
  // Signed out, the enroller's token is on its way to being revoked: it carries nobody any more.
  return theirs && !theirs.signedOut ? theirs : null;
}
