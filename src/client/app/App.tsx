// The app: the router, the ward the nurse is working in (for the header), and the route table.
import { BrowserRouter } from 'react-router-dom';
import { CurrentWardProvider } from '../features/ward/current-ward';
import { AppRoutes } from './routes';

export function App() {
  return (
    <BrowserRouter>
      <CurrentWardProvider>
        <AppRoutes />
      </CurrentWardProvider>
    </BrowserRouter>
  );
}
