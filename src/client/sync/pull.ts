// Pulls the server's feed after our cursor until it says there is no more.
import { DEFAULT_PULL_LIMIT, pullPath, type PullResponse } from '../../domain/protocol';
import type { ReleveDb } from '../db/schema';
import { getMeta, setMeta } from '../db/meta';
import { applyServerEntries } from '../db/apply-pull';
import { api } from './http';
import { readableScopes } from '../../domain/scope';
import type { SessionUser } from '../../domain/protocol';

/** The cursor is kept per set of readable scopes (see MetaValues.pullCursors). */
function cursorKeyFor(user: SessionUser): string {
  return readableScopes(user).sort().join(',');
}

export interface PullSummary {
  pages: number;
  added: number;
  corrupt: string[];
}

export async function pullFeed(db: ReleveDb, token: string, user: SessionUser): Promise<PullSummary> {
  const summary: PullSummary = { pages: 0, added: 0, corrupt: [] };
  for (;;) {
    const key = cursorKeyFor(user);
    const after = ((await getMeta(db, 'pullCursors')) ?? {})[key] ?? 0;
    const page = await api<PullResponse>(pullPath({ after, limit: DEFAULT_PULL_LIMIT }), { token });
    const applied = await applyServerEntries(db, page.entries, key, page.next);
    if (page.hisAsOf) await setMeta(db, 'hisAsOf', { ...((await getMeta(db, 'hisAsOf')) ?? {}), ...page.hisAsOf });
    summary.pages++;
    summary.added += applied.added;
    summary.corrupt.push(...applied.corrupt);
    // A server that says "more" without moving the cursor would loop forever.
    if (!page.more || page.next <= after) return summary;
  }
}
