// Every route of the app, in one table. Two layout routes guard what sits under them: the session
// (kept on the device, so it works offline once a nurse has signed in) and the admin role.
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { AdmissionPage } from '../features/admission/AdmissionPage';
import { AdminGuard } from '../features/admin/AdminGuard';
import { AdminHome } from '../features/admin/AdminHome';
import { CallTreeEditor } from '../features/admin/CallTreeEditor';
import { ContactEditor } from '../features/admin/ContactEditor';
import { ProcedureEditor } from '../features/admin/ProcedureEditor';
import { UnitEditor } from '../features/admin/UnitEditor';
import { KeptHisMessages } from '../features/admin/KeptHisMessages';
import { CallTreePage } from '../features/directory/CallTreePage';
import { CallTreesPage } from '../features/directory/CallTreesPage';
import { DirectoryPage } from '../features/directory/DirectoryPage';
import { OnCallPage } from '../features/directory/OnCallPage';
import { DeclareDowntimePage } from '../features/downtime/DeclareDowntimePage';
import { DowntimePage } from '../features/downtime/DowntimePage';
import { FormPage } from '../features/forms/FormPage';
import { NewFormPage } from '../features/forms/NewFormPage';
import { TemplatesAdminPage } from '../features/forms/TemplatesAdminPage';
import { HandoverRound } from '../features/handover/HandoverRound';
import { WardHandoverPage } from '../features/handover/WardHandoverPage';
import { LoginPage } from '../features/login/LoginPage';
import { RequireSession } from '../features/login/RequireSession';
import { PatientPage } from '../features/patient/PatientPage';
import { LinkPage } from '../features/recovery/LinkPage';
import { RecoveryDocPage } from '../features/recovery/RecoveryDocPage';
import { WorklistPage } from '../features/recovery/WorklistPage';
import { PrintFormPage } from '../features/print/PrintFormPage';
import { PrintKitPage } from '../features/print/PrintKitPage';
import { PrintHisPage } from '../features/print/PrintHisPage';
import { ChecklistRunPage } from '../features/procedures/ChecklistRunPage';
import { ProcedureLibrary } from '../features/procedures/ProcedureLibrary';
import { ProcedurePage } from '../features/procedures/ProcedurePage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SyncPage } from '../features/sync/SyncPage';
import { ChooseWard } from '../features/ward/ChooseWard';
import { WardBoard } from '../features/ward/WardBoard';
import { Layout } from './Layout';
import { NotFound } from './NotFound';
import { Loading } from '../ui/Loading';

// The scan screen brings the QR decoder (and its WebAssembly): loaded only when opened.
const ScanPage = lazy(() => import('../features/recovery/scan/ScanPage'));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="/login" element={<LoginPage />} />
        <Route element={<RequireSession />}>
          <Route path="/" element={<ChooseWard />} />
          <Route path="/ward/:unit" element={<WardBoard />} />
          <Route path="/ward/:unit/handover" element={<WardHandoverPage />} />
          <Route path="/ward/:unit/handover/round/:n?" element={<HandoverRound />} />
          <Route path="/ward/:unit/admission" element={<AdmissionPage />} />
          <Route path="/patient/:id" element={<PatientPage />} />
          <Route path="/patient/:id/form/new/:templateId" element={<NewFormPage />} />
          <Route path="/patient/:id/form/:formId" element={<FormPage />} />
          <Route path="/downtime" element={<DowntimePage />} />
          <Route path="/downtime/declare" element={<DeclareDowntimePage />} />
          <Route path="/procedures" element={<ProcedureLibrary />} />
          <Route path="/procedures/:id" element={<ProcedurePage />} />
          <Route path="/checklists/:id" element={<ChecklistRunPage />} />
          <Route path="/directory" element={<DirectoryPage />} />
          <Route path="/directory/on-call" element={<OnCallPage />} />
          <Route path="/directory/call-trees" element={<CallTreesPage />} />
          <Route path="/directory/call-trees/:id" element={<CallTreePage />} />
          {/* Print pages are ordinary pages rendered from IndexedDB, so they work with no network. */}
          <Route path="/print/form/:templateId" element={<PrintFormPage />} />
          <Route path="/print/kit/:unit" element={<PrintKitPage />} />
          <Route path="/recovery/:downtimeId?" element={<WorklistPage />} />
          <Route path="/recovery/links" element={<LinkPage />} />
          <Route path="/recovery/scan" element={<Suspense fallback={<Loading />}><ScanPage /></Suspense>} />
          <Route path="/recovery/:downtimeId/doc/:docId" element={<RecoveryDocPage />} />
          <Route path="/print/his/:patientId/:sheet" element={<PrintHisPage />} />
          <Route path="/print/patient/:patientId/:sheet" element={<PrintHisPage />} />
          <Route path="/settings" element={<SettingsPage />} />
          <Route path="/sync" element={<SyncPage />} />
          <Route element={<AdminGuard />}>
            <Route path="/admin" element={<AdminHome />} />
            <Route path="/admin/templates" element={<TemplatesAdminPage />} />
            <Route path="/admin/procedure/:id" element={<ProcedureEditor />} />
            <Route path="/admin/contact/:id" element={<ContactEditor />} />
            <Route path="/admin/unit/:id" element={<UnitEditor />} />
            <Route path="/admin/his-wards" element={<KeptHisMessages />} />
            <Route path="/admin/calltree/:id" element={<CallTreeEditor />} />
          </Route>
        </Route>
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
