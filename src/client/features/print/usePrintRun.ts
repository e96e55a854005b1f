// The moment of printing. "Printed at" is set again just before the browser prints (beforeprint,
// flushed at once so the pages carry it), and every finished print starts a new run, which
// takes fresh temporary IPPs: two paper copies never share one (data/print-ipps.ts).
import { useCallback, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

export function usePrintRun(): { printedAt: Date; printRun: number; print: () => void } {
  const [printedAt, setPrintedAt] = useState(() => new Date());
  const [printRun, setPrintRun] = useState(0);
  useEffect(() => {
    const before = () => flushSync(() => setPrintedAt(new Date()));
    const after = () => setPrintRun((n) => n + 1);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  const print = useCallback(() => window.print(), []);
  return { printedAt, printRun, print };
}
