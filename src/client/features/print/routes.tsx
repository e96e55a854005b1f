// The print routes: ordinary pages rendered from IndexedDB, so they work with no network.
import { Route } from 'react-router-dom';
import { RequireSession } from '../../app/RequireSession';
import { PrintFormPage } from './PrintFormPage';
import { PrintKitPage } from './PrintKitPage';

export const printRoutes = [
  <Route key="print-form" path="/print/form/:templateId" element={<RequireSession><PrintFormPage /></RequireSession>} />,
  <Route key="print-kit" path="/print/kit/:unit" element={<RequireSession><PrintKitPage /></RequireSession>} />,
];
