// Storage persistence: asked at sign-in and from the settings, shown on the ward board and the
// settings. Kept apart from device.ts so that sign-in does not pull in the service worker's module.
import { useEffect, useState } from 'react';
import { askPersistentStorage, readStorageInfo, type StorageInfo } from '../pwa/storage';

const storageListeners = new Set<() => void>();

export async function requestPersistentStorage(): Promise<boolean> {
  const granted = await askPersistentStorage();
  for (const l of storageListeners) l();
  return granted;
}

export function useStorageInfo(): StorageInfo {
  const [info, setInfo] = useState<StorageInfo>({ persisted: null, usage: null, quota: null });
  useEffect(() => {
    let alive = true;
    const refresh = () => void readStorageInfo().then((i) => alive && setInfo(i));
    refresh();
    storageListeners.add(refresh);
    const timer = setInterval(refresh, 60_000);
    return () => {
      alive = false;
      storageListeners.delete(refresh);
      clearInterval(timer);
    };
  }, []);
  return info;
}
