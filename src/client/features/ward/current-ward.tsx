// Which ward the nurse is working in, for the header. Set by the screens that know it (the ward
// board from the URL, the patient page from the patient), kept while she visits settings or sync,
// and across a reload of this tab (sessionStorage: per tab, gone when the tablet's browser closes).
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';

const KEY = 'releve.currentWard';

function readStored(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

type Ctx = { ward: string | null; setWard: (code: string | null) => void };
const CurrentWard = createContext<Ctx>({ ward: null, setWard: () => {} });

export function CurrentWardProvider({ children }: { children: ReactNode }) {
  const [ward, setWardState] = useState<string | null>(readStored);
  const setWard = useCallback((code: string | null) => {
    setWardState(code);
    try {
      if (code) sessionStorage.setItem(KEY, code);
      else sessionStorage.removeItem(KEY);
    } catch {
      // Storage refused: the header simply forgets the ward on reload.
    }
  }, []);
  return <CurrentWard.Provider value={{ ward, setWard }}>{children}</CurrentWard.Provider>;
}

export function useCurrentWard(): string | null {
  return useContext(CurrentWard).ward;
}

/** Declares the ward this screen is about. */
export function useDeclareWard(code: string | null | undefined): void {
  const { setWard } = useContext(CurrentWard);
  useEffect(() => {
    if (code) setWard(code);
  }, [code, setWard]);
}
