// What the UI does when a write fails. A full disk is not a form error: it means the whole
// tablet must switch to paper, so it raises one global banner that stays until acknowledged.
// Any other error is shown where the write was attempted. Nothing is swallowed.
import { useSyncExternalStore } from 'react';

let storageFull = false;
const listeners = new Set<() => void>();

function emit() {
  for (const l of listeners) l();
}

/** The data layer's StorageFullError, or a quota error that escaped it unwrapped (belt and braces). */
function isStorageFull(err: unknown): boolean {
  const name = (err as { name?: unknown } | null)?.name;
  return name === 'StorageFullError' || name === 'QuotaExceededError';
}

/** Records a write failure; returns true when it was a full disk. */
export function reportWriteError(err: unknown): boolean {
  if (!isStorageFull(err)) return false;
  storageFull = true;
  emit();
  return true;
}

export function dismissStorageFull(): void {
  storageFull = false;
  emit();
}

export function useStorageFull(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => storageFull,
  );
}

/** A message for a person, never an empty string. */
export function errorMessage(err: unknown, fallback: string): string {
  if (err instanceof Error && err.message) return err.message;
  if (typeof err === 'string' && err) return err;
  return fallback;
}
