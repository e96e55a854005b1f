// Which ward the nurse is working in, for the header. Set by the screens that know it (the ward
// board from the URL, the patient page from the patient), kept while she visits settings or sync.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

type Ctx = { ward: string | null; setWard: (code: string | null) => void };
const CurrentWard = createContext<Ctx>({ ward: null, setWard: () => {} });

export function CurrentWardProvider({ children }: { children: ReactNode }) {
  const [ward, setWard] = useState<string | null>(null);
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
