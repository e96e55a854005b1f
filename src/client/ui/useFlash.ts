import { useCallback, useEffect, useRef, useState } from 'react';

/** A confirmation shown for a few seconds ("Note saved on this tablet"), then gone. */
export function useFlash(ms = 8000) {
  const [message, setMessage] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const show = useCallback(
    (text: string | null) => {
      clearTimeout(timer.current);
      setMessage(text);
      if (text) timer.current = setTimeout(() => setMessage(null), ms);
    },
    [ms],
  );
  return [message, show] as const;
}
