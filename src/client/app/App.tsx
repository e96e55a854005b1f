// The routes. Everything but /login sits behind the session, which is kept on the device so the
// app keeps working offline once a nurse has signed in.
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { LoginPage } from '../features/login/LoginPage';
import { PatientPage } from '../features/patient/PatientPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SyncPage } from '../features/sync/SyncPage';
import { ChooseWard } from '../features/ward/ChooseWard';
import { WardBoard } from '../features/ward/WardBoard';
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
            <Route path="/settings" element={<RequireSession><SettingsPage /></RequireSession>} />
            <Route path="/sync" element={<RequireSession><SyncPage /></RequireSession>} />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Routes>
      </CurrentWardProvider>
    </BrowserRouter>
  );
}
