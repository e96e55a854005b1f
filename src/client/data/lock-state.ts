// Whether the tablet is open: the data key is in memory. The keyring code is the only one to
// set or clear it, always through here, so the screens re-render the moment it changes, and
// every tab follows (a lock in one tab deletes the 'open' row the others watch).
import { useSyncExternalStore } from 'react';
import { liveQuery } from 'dexie';
import { hasDataKey, setDataKey } from '../db/vault/data-key';
import { keyringDb } from '../db/keyring/keyring-db';
import { DEFAULT_AUTO_LOCK_MINUTES } from '../../domain/schemas/auto-lock';

const listeners = new Set<() => void>();
let ready = false;
let idleMs = DEFAULT_AUTO_LOCK_MINUTES * 60_000;
let lastActivity = Date.now();

function notify(): void {
  for (const l of listeners) l();
}

export async function openWith(key: CryptoKey): Promise<void> {
  lastActivity = Date.now();
  setDataKey(key);
  notify();
  await keyringDb().state.put({ key: 'open', dataKey: key, until: Date.now() + idleMs });
}

const beforeLock = new Set<() => Promise<void>>();
/** Long enough for a draft's last save; short enough that a stuck disk cannot keep it unlocked. */
const FLUSH_BEFORE_LOCK_MS = 1_000;

/** Work to finish while the key is still here (an open editor's last keystrokes). */
export function flushBeforeLock(flush: () => Promise<void>): () => void {
  beforeLock.add(flush);
  return () => beforeLock.delete(flush);
}

/**
 * Set from the tap to the key's leaving: the screens count the tablet as locked at once (the
 * patient data leaves the DOM, and the sign-in page a switch opens does not send the person back
 * to her page as still signed in), while the key stays for the drafts' last save.
 */
let closing = false;

/** Lock, auto-lock, sign-out, switch: the data key leaves memory and the tablet's storage. */
export async function closeTablet(): Promise<void> {
  closing = true;
  notify();
  const flushes = Promise.allSettled([...beforeLock].map((f) => f()));
  await Promise.race([flushes, new Promise((r) => setTimeout(r, FLUSH_BEFORE_LOCK_MS))]);
  setDataKey(null);
  closing = false;
  notify();
  await keyringDb().state.delete('open');
}

/** Activity pushes the auto-lock back; the stored window follows (see keyring-db 'open'). */
async function touchOpen(now = Date.now()): Promise<void> {
  if (hasDataKey()) await keyringDb().state.update('open', { until: now + idleMs });
}

/** The ward's auto-lock period (auto-lock.ts); the stored window follows at once. */
export function setIdleMinutes(minutes: number): void {
  // Every start reads the ward's period again: the same one needs no write (a strict one, at
  // the moment the ward board is first drawn).
  if (minutes * 60_000 === idleMs) return;
  idleMs = minutes * 60_000;
  void touchOpen(lastActivity);
}

/** At start: a session left unlocked less than the idle window ago comes back unlocked. */
export async function resumeOpen(): Promise<void> {
  const k = keyringDb();
  try {
    const row = await k.state.get('open');
    if (row?.dataKey && (row.until ?? 0) > Date.now()) setDataKey(row.dataKey);
    else if (row) await k.state.delete('open');
  } finally {
    ready = true;
    notify();
  }
  // Another tab locked: this one locks too.
  liveQuery(() => k.state.get('open')).subscribe((row) => {
    if (!row && hasDataKey()) {
      setDataKey(null);
      notify();
    }
  });
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** null until the start-up check is done; then whether the data key is in memory. */
export function useUnlocked(): boolean | null {
  return useSyncExternalStore(subscribe, () => (ready ? hasDataKey() && !closing : null));
}

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 10_000;
const TOUCH_EVERY_MS = 30_000;

/**
 * Auto-lock: after `idleMs` without a touch or a key, the tablet locks. Checked on a timer (and
 * when the tablet is looked at again) against the time of the last activity, so a tablet put
 * to sleep for an hour locks the moment it wakes.
 */
export function startAutoLock(): () => void {
  let lastTouch = 0;
  const onActivity = () => {
    lastActivity = Date.now();
    if (lastActivity - lastTouch > TOUCH_EVERY_MS) {
      lastTouch = lastActivity;
      void touchOpen(lastActivity);
    }
  };
  const check = () => {
    if (hasDataKey() && Date.now() - lastActivity >= idleMs) void closeTablet();
  };
  for (const e of ACTIVITY) window.addEventListener(e, onActivity, { passive: true, capture: true });
  document.addEventListener('visibilitychange', check);
  const timer = window.setInterval(check, CHECK_EVERY_MS);
  return () => {
    for (const e of ACTIVITY) window.removeEventListener(e, onActivity, { capture: true });
    document.removeEventListener('visibilitychange', check);
    window.clearInterval(timer);
  };
}
