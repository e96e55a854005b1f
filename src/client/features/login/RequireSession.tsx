import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useSession } from '../../data';
import { Loading } from '../../ui/Loading';

/** Layout route for the screens behind sign-in. The session lives on the device, so this also works offline. */
export function RequireSession() {
  const { user, loading } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return <Outlet />;
}
