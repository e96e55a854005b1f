// A full disk must say "switch to paper", never fail silently (DESIGN.md, safety rule 7).
// Dexie can deliver QuotaExceededError directly, or wrapped as the `inner` of an AbortError.

export class StorageFullError extends Error {
  constructor(cause?: unknown) {
    super('Device storage is full', { cause });
    this.name = 'StorageFullError';
  }
}

const QUOTA_NAMES = new Set(['QuotaExceededError', 'QuotaExceeded']);

export function isQuotaError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    const name = (e as { name?: string }).name;
    if (name && QUOTA_NAMES.has(name)) return true;
    const next = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
    e = next;
  }
  return false;
}

/** Rethrows quota failures as StorageFullError, everything else unchanged. */
export function asStorageError(err: unknown): unknown {
  return isQuotaError(err) ? new StorageFullError(err) : err;
}
