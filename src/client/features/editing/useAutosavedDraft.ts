// Autosave of a form being typed. Every change is written to the device's drafts shortly after
// the last keystroke, and at once when the tab is hidden or the form closes, so a crash, a flat
// battery or an app update loses at most a fraction of a second of typing.
import { useCallback, useEffect, useRef, useState } from 'react';
import { draftsOfWriter, flushBeforeLock } from '../../data';
import { errorMessage, reportWriteError } from '../../ui/write-errors';

const DEBOUNCE_MS = 400;

export type DraftState = 'idle' | 'saving' | 'saved' | 'failed';

export function useAutosavedDraft(key: string) {
  // Hers, whoever is signed in when a late save lands (a shared tablet).
  const [drafts] = useState(draftsOfWriter);
  const [state, setState] = useState<DraftState>('idle');
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<{ value: unknown } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Writes go one after the other, so a late autosave can never resurrect a cleared draft.
  const chain = useRef<Promise<void>>(Promise.resolve());
  const finished = useRef(false);

  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    const next = pending.current;
    if (next && !finished.current) {
      pending.current = null;
      chain.current = chain.current
        .then(() => drafts.save(key, next.value))
        .then(
          () => {
            setState('saved');
            setError(null);
          },
          (err: unknown) => {
            console.error(err);
            reportWriteError(err);
            setState('failed');
            setError(errorMessage(err, String(err)));
          },
        );
    }
    return chain.current;
  }, [key, drafts]);

  const schedule = useCallback(
    (value: unknown) => {
      if (finished.current) return;
      pending.current = { value };
      setState('saving');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [flush],
  );

  /** The form is done (saved or discarded): stop autosaving and remove the draft. */
  const finish = useCallback(async () => {
    finished.current = true;
    clearTimeout(timer.current);
    pending.current = null;
    await chain.current;
    await drafts.clear(key);
  }, [key, drafts]);

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    // Locked, the tablet refuses writes: what was typed is saved before the key leaves.
    const unregister = flushBeforeLock(flush);
    return () => {
      unregister();
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      // Leaving the page with the form open keeps the draft: it comes back with the page.
      void flush();
    };
  }, [flush]);

  return { schedule, flush, finish, state, error };
}
