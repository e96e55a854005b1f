// Temporary IPPs printed on blank admission sheets. They are taken from this tablet's counter
// (takeTemporaryIpp, durable) before they are shown, never merely previewed: a number printed on
// paper and later given by the tablet to someone else would make two patients share one IPP. A
// number printed and never used is only a gap in the series, which costs nothing.
//
// Each print gets fresh numbers: after the print dialog closes, the next render takes new ones,
// so two paper copies never carry the same number.
import { useEffect, useRef, useState } from 'react';
import { takeTemporaryIpp } from './admission';

async function reserveTemporaryIpps(count: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(await takeTemporaryIpp());
  return out;
}

/**
 * `count` numbers reserved for the sheet on screen; undefined while they are being taken. A new
 * `printRun` (after each print) takes a fresh set; a higher count only takes the extra ones.
 */
export function useReservedTemporaryIpps(count: number, printRun: number): { ipps: string[] | undefined; error: unknown } {
  const [state, setState] = useState<{ run: number; ipps: string[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const busy = useRef(false);
  useEffect(() => {
    const held = state && state.run === printRun ? state.ipps : [];
    if (held.length >= count || busy.current) return;
    busy.current = true;
    reserveTemporaryIpps(count - held.length)
      .then((more) => setState({ run: printRun, ipps: [...held, ...more] }))
      .catch((err: unknown) => setError(err))
      .finally(() => {
        busy.current = false;
      });
  }, [count, printRun, state]);
  const ipps = state && state.run === printRun && state.ipps.length >= count ? state.ipps.slice(0, count) : undefined;
  return { ipps: count === 0 ? [] : ipps, error };
}
