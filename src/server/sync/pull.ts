// Pull: the entries of the user's scopes after a cursor, in feed order. The cursor is the
// server's own sequence, never a clock, so no entry can slip between two pulls.
import type { PullResponse, SessionUser } from '../../domain/protocol';
import { readableScopes } from '../../domain/scope';
import { readFeed } from '../store/feed';
import { lastMessageAt } from '../interface/store/journal';
import type { Store } from '../store/open-store';

export async function pullEntries(store: Store, user: SessionUser, after: number, limit: number): Promise<PullResponse> {
  const page = await readFeed(store.db, readableScopes(user), after, limit);
  const next = page.seqs.length > 0 ? page.seqs[page.seqs.length - 1]! : after;
  const hisAsOf = await lastMessageAt(store.db, user.units);
  return { entries: page.entries, next, more: page.more, ...(Object.keys(hisAsOf).length > 0 ? { hisAsOf } : {}) };
}
