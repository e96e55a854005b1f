// Whether this tablet was wiped after its revocation, and how many unsent entries went with it.
import { useSyncExternalStore } from 'react';
import { readWipeRecord, WIPED_EVENT, WIPED_KEY, type WipeRecord } from '../db/wipe';

let cachedRaw: string | null = null;
let cached: WipeRecord | null = null;

function snapshot(): WipeRecord | null {
  const raw = typeof localStorage !== 'undefined' ? localStorage.getItem(WIPED_KEY) : null;
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    cached = readWipeRecord();
  }
  return cached;
}

function subscribe(l: () => void): () => void {
  window.addEventListener(WIPED_EVENT, l);
  window.addEventListener('storage', l);
  return () => {
    window.removeEventListener(WIPED_EVENT, l);
    window.removeEventListener('storage', l);
  };
}

export function useWiped(): WipeRecord | null {
  return useSyncExternalStore(subscribe, snapshot);
}
