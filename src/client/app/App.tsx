// The app: the ward the nurse is working in (for the header), and the route table.
import { useEffect } from 'react';
import { CurrentWardProvider } from '../features/ward/current-ward';
import { AppRoutes, preloadScreens } from './routes';
import { firstScreenDrawn, useWiped } from '../data';
import { WipedScreen } from './WipedScreen';

/** Once the first screen is painted and the tablet is idle, every other screen's code is fetched. */
function usePreloadedScreens(): void {
  useEffect(() => {
    const preload = () => void preloadScreens();
    if ('requestIdleCallback' in window) {
      const id = requestIdleCallback(preload, { timeout: 3000 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(preload, 1000); // Safari (iPads) has no requestIdleCallback
    return () => clearTimeout(id);
  }, []);
}

export function App() {
  usePreloadedScreens();
  // The first screen is committed (children's effects run before this one): from now on every
  // screen reads for itself, and the answers read before the first render are let go.
  useEffect(firstScreenDrawn, []);
  // A revoked tablet that wiped itself shows only why, whatever the address.
  const wiped = useWiped();
  if (wiped) return <WipedScreen record={wiped} />;
  return (
    // No router provider: wouter reads the browser's address itself (ui/router.tsx).
    <CurrentWardProvider>
      <AppRoutes />
    </CurrentWardProvider>
  );
}
