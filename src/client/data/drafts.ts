// Half-typed work is autosaved per keystroke (debounced by the caller) so that a crash, a
// flat battery or an app update loses nothing.
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../db/schema';
import { asStorageError } from '../db/storage-full';

export async function saveDraft(key: string, value: unknown): Promise<void> {
  try {
    await db().drafts.put({ key, value, updatedAt: new Date().toISOString() });
  } catch (err) {
    throw asStorageError(err);
  }
}

export async function clearDraft(key: string): Promise<void> {
  await db().drafts.delete(key);
}

export function useDraft<T>(key: string): { value: T | undefined; loaded: boolean } {
  const row = useLiveQuery(async () => (await db().drafts.get(key)) ?? null, [key]);
  return { value: (row?.value as T | undefined) ?? undefined, loaded: row !== undefined };
}

/** True while any draft exists: the update gate refuses to reload then. */
export function useAnyDirtyDraft(): boolean {
  return (useLiveQuery(() => db().drafts.count(), []) ?? 0) > 0;
}
