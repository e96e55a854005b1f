// A downtimeId must name a downtime episode that covers the entry: its own ward's, or the
// hospital's. An id the server does not know yet is accepted: the declaring charge nurse's
// entries may be held on the tablet until she signs in again, and refusing a nurse's note over
// its stamp would cost far more than a dangling stamp the recovery team can see.
import type { Entry } from '../../domain/entry';
import { GLOBAL_SCOPE } from '../../domain/scope';
import { findDocCreate, type Reader } from '../store/entries';

export async function downtimeLinkProblem(db: Reader, e: Entry): Promise<string | null> {
  if (e.downtimeId === undefined) return null;
  if (e.docType === 'downtime') return 'a downtime episode carries no downtimeId';
  const episode = await findDocCreate(db, e.downtimeId);
  if (!episode) return null;
  if (episode.docType !== 'downtime') return `downtimeId ${e.downtimeId} is a ${episode.docType}, not a downtime episode`;
  if (episode.scope !== GLOBAL_SCOPE && episode.scope !== e.scope) {
    return `downtime ${e.downtimeId} covers ${episode.scope}, not ${e.scope}`;
  }
  return null;
}
