// Pulls the server's feed after our cursor until it says there is no more.
import type { PullResponse } from '../../domain/protocol';
import { DEFAULT_PULL_LIMIT, pullPath } from '../../domain/sync-limits';
import type { ReleveDb } from '../db/schema';
import { getMeta, setMeta } from '../db/meta';
import { applyServerEntries, preparePage } from '../db/apply-pull';
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
  const key = cursorKeyFor(user);
  // A page's hash checks and sealing start as soon as it arrives (apply-pull.ts preparePage).
  const ask = (after: number) => api<PullResponse>(pullPath({ after, limit: DEFAULT_PULL_LIMIT }), { token })
    .then((page) => ({ page, prepared: preparePage(page.entries) }));
  let after = ((await getMeta(db, 'pullCursors')) ?? {})[key] ?? 0;
  let coming = ask(after);
  for (;;) {
    const { page, prepared } = await coming;
    // A server that says "more" without moving the cursor would loop forever.
    const more = page.more && page.next > after;
    if (more) {
      // The next page is asked for while this one is written: the server's time and the tablet's
      // overlap, and so do its checks and sealing. If this page fails to apply, that answer is
      // dropped and the cursor has not moved.
      coming = ask(page.next);
      coming.catch(() => undefined);
    }
    const applied = await applyServerEntries(db, page.entries, key, page.next, prepared);
    if (page.hisAsOf) await setMeta(db, 'hisAsOf', { ...((await getMeta(db, 'hisAsOf')) ?? {}), ...page.hisAsOf });
    summary.pages++;
    summary.added += applied.added;
    summary.corrupt.push(...applied.corrupt);
    if (!more) return summary;
    after = page.next;
  }
}
