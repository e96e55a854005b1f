// Persistent storage keeps the browser from evicting a ward's data under disk pressure.
// Browsers only grant it after a user gesture, so the settings screen asks on a button press.
export interface StorageInfo {
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

export async function readStorageInfo(): Promise<StorageInfo> {
  const s = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!s) return { persisted: null, usage: null, quota: null };
  const [persisted, estimate] = await Promise.all([
    s.persisted ? s.persisted().catch(() => null) : Promise.resolve(null),
    s.estimate ? s.estimate().catch(() => null) : Promise.resolve(null),
  ]);
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}

export async function askPersistentStorage(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  return navigator.storage.persist();
}
