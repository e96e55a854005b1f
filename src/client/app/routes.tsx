// Every route of the app, in one table. Two wrappers guard the screens they hold: the session
// (kept on the device, so it works offline once a nurse has signed in) and the admin role.
import { lazy, type ReactNode } from 'react';
import { Route, Switch } from '../ui/router';
import { loadScreenStrings } from '../i18n';
import { AdminGuard } from '../features/admin/AdminGuard';
import { LoginPage } from '../features/login/LoginPage';
import { RequireSession } from '../features/login/RequireSession';
import { ChooseWard } from '../features/ward/ChooseWard';
import { WardBoard } from '../features/ward/WardBoard';
import { loadPrintShortcut } from './Header';
import { Layout } from './Layout';
import { NotFound } from './NotFound';
import { loadScreenStyles, page } from './lazy-page';

// The first load carries the sign-in, the choice of ward and the ward board (and their strings);
// every other screen is its own chunk (issue 15: a tablet's cold start is bounded by what it must parse before the
// board). Once the board is up they are all fetched in the background (preloadScreens): a tablet's
// very first load is not yet controlled by the service worker, and the network may go before the
// nurse opens a patient. After that the service worker serves them from its precache, so a screen
// opened for the first time with no network still opens (tests/e2e/lazy-screens.test.ts).
const screens = {
  AdmissionPage: () => import('../features/admission/AdmissionPage'),
  AdminHome: () => import('../features/admin/AdminHome'),
  CallTreeEditor: () => import('../features/admin/CallTreeEditor'),
  ContactEditor: () => import('../features/admin/ContactEditor'),
  ProcedureEditor: () => import('../features/admin/ProcedureEditor'),
  UnitEditor: () => import('../features/admin/UnitEditor'),
  KeptHisMessages: () => import('../features/admin/KeptHisMessages'),
  ProvisionalAccounts: () => import('../features/admin/ProvisionalAccounts'),
  CallTreePage: () => import('../features/directory/CallTreePage'),
  CallTreesPage: () => import('../features/directory/CallTreesPage'),
  DirectoryPage: () => import('../features/directory/DirectoryPage'),
  OnCallPage: () => import('../features/directory/OnCallPage'),
  DeclareDowntimePage: () => import('../features/downtime/DeclareDowntimePage'),
  DowntimePage: () => import('../features/downtime/DowntimePage'),
  FormPage: () => import('../features/forms/FormPage'),
  NewFormPage: () => import('../features/forms/NewFormPage'),
  TemplatesAdminPage: () => import('../features/forms/TemplatesAdminPage'),
  HandoverRound: () => import('../features/handover/HandoverRound'),
  WardHandoverPage: () => import('../features/handover/WardHandoverPage'),
  PatientPage: () => import('../features/patient/PatientPage'),
  LinkPage: () => import('../features/recovery/LinkPage'),
  RecoveryDocPage: () => import('../features/recovery/RecoveryDocPage'),
  WorklistPage: () => import('../features/recovery/WorklistPage'),
  PrintFormPage: () => import('../features/print/PrintFormPage'),
  PrintKitPage: () => import('../features/print/PrintKitPage'),
  PrintHisPage: () => import('../features/print/PrintHisPage'),
  ChecklistRunPage: () => import('../features/procedures/ChecklistRunPage'),
  ProcedureLibrary: () => import('../features/procedures/ProcedureLibrary'),
  ProcedurePage: () => import('../features/procedures/ProcedurePage'),
  SettingsPage: () => import('../features/settings/SettingsPage'),
  EnrolPage: () => import('../features/enrol/EnrolPage'),
  SyncPage: () => import('../features/sync/SyncPage'),
  ScanPage: () => import('../features/recovery/scan/ScanPage'),
  PrintShortcut: loadPrintShortcut,
};

const AdmissionPage = page(screens.AdmissionPage, 'AdmissionPage');
const AdminHome = page(screens.AdminHome, 'AdminHome');
const CallTreeEditor = page(screens.CallTreeEditor, 'CallTreeEditor');
const ContactEditor = page(screens.ContactEditor, 'ContactEditor');
const ProcedureEditor = page(screens.ProcedureEditor, 'ProcedureEditor');
const UnitEditor = page(screens.UnitEditor, 'UnitEditor');
const KeptHisMessages = page(screens.KeptHisMessages, 'KeptHisMessages');
const ProvisionalAccounts = page(screens.ProvisionalAccounts, 'ProvisionalAccounts');
const CallTreePage = page(screens.CallTreePage, 'CallTreePage');
const CallTreesPage = page(screens.CallTreesPage, 'CallTreesPage');
const DirectoryPage = page(screens.DirectoryPage, 'DirectoryPage');
const OnCallPage = page(screens.OnCallPage, 'OnCallPage');
const DeclareDowntimePage = page(screens.DeclareDowntimePage, 'DeclareDowntimePage');
const DowntimePage = page(screens.DowntimePage, 'DowntimePage');
const FormPage = page(screens.FormPage, 'FormPage');
const NewFormPage = page(screens.NewFormPage, 'NewFormPage');
const TemplatesAdminPage = page(screens.TemplatesAdminPage, 'TemplatesAdminPage');
const HandoverRound = page(screens.HandoverRound, 'HandoverRound');
const WardHandoverPage = page(screens.WardHandoverPage, 'WardHandoverPage');
const PatientPage = page(screens.PatientPage, 'PatientPage');
const LinkPage = page(screens.LinkPage, 'LinkPage');
const RecoveryDocPage = page(screens.RecoveryDocPage, 'RecoveryDocPage');
const WorklistPage = page(screens.WorklistPage, 'WorklistPage');
const PrintFormPage = page(screens.PrintFormPage, 'PrintFormPage');
const PrintKitPage = page(screens.PrintKitPage, 'PrintKitPage');
const PrintHisPage = page(screens.PrintHisPage, 'PrintHisPage');
const ChecklistRunPage = page(screens.ChecklistRunPage, 'ChecklistRunPage');
const ProcedureLibrary = page(screens.ProcedureLibrary, 'ProcedureLibrary');
const ProcedurePage = page(screens.ProcedurePage, 'ProcedurePage');
const SettingsPage = page(screens.SettingsPage, 'SettingsPage');
const EnrolPage = page(screens.EnrolPage, 'EnrolPage');
const SyncPage = page(screens.SyncPage, 'SyncPage');
// The scan screen also brings the QR decoder (its WebAssembly is fetched when a scan starts).
const ScanPage = lazy(async () => (await Promise.all([screens.ScanPage(), loadScreenStrings(), loadScreenStyles()]))[0]);

/** Fetches and runs every screen's chunk, so each opens later even if the network is gone by then. */
export function preloadScreens(): Promise<unknown> {
  // A chunk that fails here fails again, visibly, when its screen is opened (ScreenLoadFailed).
  return Promise.allSettled([...Object.values(screens).map((load) => load()), loadScreenStrings(), loadScreenStyles()]);
}

// Session and Admin wrap each screen rather than a layout route: the Switch renders one Route's
// children, and React keeps the same RequireSession (its session read) from one screen to the next,
// since it sits at the same place with the same type. The Switch takes the FIRST route that
// matches (react-router ranked them): /recovery/links and /recovery/scan come before
// /recovery/:downtimeId?, which would match them too. Patterns match whole addresses, case aside.
function Session({ children }: { children: ReactNode }) {
  return <RequireSession>{children}</RequireSession>;
}

function Admin({ children }: { children: ReactNode }) {
  return (
    <RequireSession>
      <AdminGuard>{children}</AdminGuard>
    </RequireSession>
  );
}

export function AppRoutes() {
  return (
    <Layout>
      <Switch>
        <Route path="/login"><LoginPage /></Route>
        <Route path="/"><Session><ChooseWard /></Session></Route>
        <Route path="/ward/:unit"><Session><WardBoard /></Session></Route>
        <Route path="/ward/:unit/handover"><Session><WardHandoverPage /></Session></Route>
        <Route path="/ward/:unit/handover/round/:n?"><Session><HandoverRound /></Session></Route>
        <Route path="/ward/:unit/admission"><Session><AdmissionPage /></Session></Route>
        <Route path="/patient/:id"><Session><PatientPage /></Session></Route>
        <Route path="/patient/:id/form/new/:templateId"><Session><NewFormPage /></Session></Route>
        <Route path="/patient/:id/form/:formId"><Session><FormPage /></Session></Route>
        <Route path="/downtime"><Session><DowntimePage /></Session></Route>
        <Route path="/downtime/declare"><Session><DeclareDowntimePage /></Session></Route>
        <Route path="/procedures"><Session><ProcedureLibrary /></Session></Route>
        <Route path="/procedures/:id"><Session><ProcedurePage /></Session></Route>
        <Route path="/checklists/:id"><Session><ChecklistRunPage /></Session></Route>
        <Route path="/directory"><Session><DirectoryPage /></Session></Route>
        <Route path="/directory/on-call"><Session><OnCallPage /></Session></Route>
        <Route path="/directory/call-trees"><Session><CallTreesPage /></Session></Route>
        <Route path="/directory/call-trees/:id"><Session><CallTreePage /></Session></Route>
        {/* Print pages are ordinary pages rendered from IndexedDB, so they work with no network. */}
        <Route path="/print/form/:templateId"><Session><PrintFormPage /></Session></Route>
        <Route path="/print/kit/:unit"><Session><PrintKitPage /></Session></Route>
        <Route path="/recovery/links"><Session><LinkPage /></Session></Route>
        <Route path="/recovery/scan"><Session><ScanPage /></Session></Route>
        <Route path="/recovery/:downtimeId?"><Session><WorklistPage /></Session></Route>
        <Route path="/recovery/:downtimeId/doc/:docId"><Session><RecoveryDocPage /></Session></Route>
        <Route path="/print/his/:patientId/:sheet"><Session><PrintHisPage /></Session></Route>
        <Route path="/print/patient/:patientId/:sheet"><Session><PrintHisPage /></Session></Route>
        <Route path="/settings"><Session><SettingsPage /></Session></Route>
        <Route path="/enrol"><Session><EnrolPage /></Session></Route>
        <Route path="/sync"><Session><SyncPage /></Session></Route>
        <Route path="/admin"><Admin><AdminHome /></Admin></Route>
        <Route path="/admin/templates"><Admin><TemplatesAdminPage /></Admin></Route>
        <Route path="/admin/procedure/:id"><Admin><ProcedureEditor /></Admin></Route>
        <Route path="/admin/contact/:id"><Admin><ContactEditor /></Admin></Route>
        <Route path="/admin/unit/:id"><Admin><UnitEditor /></Admin></Route>
        <Route path="/admin/his-wards"><Admin><KeptHisMessages /></Admin></Route>
        <Route path="/admin/provisional"><Admin><ProvisionalAccounts /></Admin></Route>
        <Route path="/admin/calltree/:id"><Admin><CallTreeEditor /></Admin></Route>
        {/* No path: every other address. */}
        <Route><NotFound /></Route>
      </Switch>
    </Layout>
  );
}
