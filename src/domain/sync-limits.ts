// The sizes of the sync's pushes and pages, and the pull's address, apart from the protocol's
// schemas: the tablet's sync loop reads them at boot without loading zod, which the schemas need.

/** Entries in one push, at most: the server refuses more, the tablet sends batches of this many. */
export const MAX_PUSH_ENTRIES = 500;
/**
 * Bytes of entries in one push, at most: the tablet cuts its batches by size as well as by
 * count, so a batch of large forms never meets the server's body limit. An entry larger than
 * this alone is held on the tablet ("trop volumineuse") and never sent.
 */
export const MAX_PUSH_BYTES = 4 * 1024 * 1024;
/** The reason a tablet gives an entry larger than MAX_PUSH_BYTES, or refused 413 on its own. */
export const ENTRY_TOO_LARGE = 'entry_too_large';
/** Largest request body the server reads: twice a tablet's batch, so a batch it measured always fits. */
export const MAX_BODY_BYTES = 2 * MAX_PUSH_BYTES;
/** The largest page the server gives. */
export const MAX_PULL_LIMIT = 1000;
/** The page a tablet asks for, and the server's default. */
export const DEFAULT_PULL_LIMIT = 500;

/** The address of one page of the feed after the cursor `after`. */
export const pullPath = (q: { after: number; limit: number }): string => `/api/sync/pull?after=${q.after}&limit=${q.limit}`;
