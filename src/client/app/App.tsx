// The app: the router, the ward the nurse is working in (for the header), and the route table.
import { BrowserRouter } from 'react-router-dom';
import { CurrentWardProvider } from '../features/ward/current-ward';
import { AppRoutes } from './routes';
import { useWiped } from '../data';
import { WipedScreen } from './WipedScreen';

export function App() {
  // A revoked tablet that wiped itself shows only why, whatever the address.
  const wiped = useWiped();
  if (wiped) return <WipedScreen record={wiped} />;
  return (
    <BrowserRouter>
      <CurrentWardProvider>
        <AppRoutes />
      </CurrentWardProvider>
    </BrowserRouter>
  );
}
