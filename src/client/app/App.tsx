// The routes. Everything but /login sits behind the session, which is kept on the device so the
// app keeps working offline once a nurse has signed in.
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { LoginPage } from '../features/login/LoginPage';
import { PatientPage } from '../features/patient/PatientPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SyncPage } from '../features/sync/SyncPage';
import { ChooseWard } from '../features/ward/ChooseWard';
import { WardBoard } from '../features/ward/WardBoard';
import { downtimeRoutes } from '../features/downtime/routes';
import { printRoutes } from '../features/print/routes';
import { FormPage } from '../features/forms/FormPage';
import { NewFormPage } from '../features/forms/NewFormPage';
import { TemplatesAdminPage } from '../features/forms/TemplatesAdminPage';
import { WardHandoverPage } from '../features/handover/WardHandoverPage';
import { HandoverRound } from '../features/handover/HandoverRound';
import { AdmissionPage } from '../features/admission/AdmissionPage';
import { CurrentWardProvider } from './current-ward';
import { Layout } from './Layout';
import { NotFound } from './NotFound';
import { RequireSession } from './RequireSession';

export function App() {
  return (
    <BrowserRouter>
      <CurrentWardProvider>
        <Routes>
          <Route element={<Layout />}>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/" element={<RequireSession><ChooseWard /></RequireSession>} />
            <Route path="/ward/:unit" element={<RequireSession><WardBoard /></RequireSession>} />
            <Route path="/patient/:id" element={<RequireSession><PatientPage /></RequireSession>} />
            <Route path="/patient/:id/form/new/:templateId" element={<RequireSession><NewFormPage /></RequireSession>} />
            <Route path="/patient/:id/form/:formId" element={<RequireSession><FormPage /></RequireSession>} />
            <Route path="/ward/:unit/handover" element={<RequireSession><WardHandoverPage /></RequireSession>} />
            <Route path="/ward/:unit/handover/round/:n?" element={<RequireSession><HandoverRound /></RequireSession>} />
            <Route path="/ward/:unit/admission" element={<RequireSession><AdmissionPage /></RequireSession>} />
            <Route path="/admin/templates" element={<RequireSession><TemplatesAdminPage /></RequireSession>} />
            {downtimeRoutes}
            {printRoutes}
            <Route path="/settings" element={<RequireSession><SettingsPage /></RequireSession>} />
            <Route path="/sync" element={<RequireSession><SyncPage /></RequireSession>} />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Routes>
      </CurrentWardProvider>
    </BrowserRouter>
  );
}
