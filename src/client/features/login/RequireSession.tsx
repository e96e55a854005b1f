import type { ReactNode } from 'react';
import { Navigate, useLocation } from '../../ui/router';
import { useSession, useWardAutoLock } from '../../data';
import { Loading } from '../../ui/Loading';
import { LockScreen } from './LockScreen';

/**
 * Wraps each screen behind sign-in (app/routes.tsx). Signed in here before, a person can sign in
 * again offline; a locked session shows the lock screen INSTEAD of the page (not a redirect), so
 * unlocking returns to the same screen, and nothing of the page is in the DOM meanwhile.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  // Her wards' auto-lock period, as their admin set it.
  useWardAutoLock();
  const location = useLocation();
  if (session.loading) return <Loading />;
  if (!session.user) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (session.locked) return <LockScreen session={session} />;
  return children;
}
