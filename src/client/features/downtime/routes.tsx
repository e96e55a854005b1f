// The routes of downtime mode, spliced into the app's route table (app/App.tsx) as one fragment.
import type { ReactNode } from 'react';
import { Route } from 'react-router-dom';
import { RequireSession } from '../../app/RequireSession';
import { AdminGuard } from '../admin/AdminGuard';
import { AdminHome } from '../admin/AdminHome';
import { CallTreeEditor } from '../admin/CallTreeEditor';
import { ContactEditor } from '../admin/ContactEditor';
import { ProcedureEditor } from '../admin/ProcedureEditor';
import { UnitEditor } from '../admin/UnitEditor';
import { CallTreePage } from '../directory/CallTreePage';
import { CallTreesPage } from '../directory/CallTreesPage';
import { DirectoryPage } from '../directory/DirectoryPage';
import { OnCallPage } from '../directory/OnCallPage';
import { ChecklistRunPage } from '../procedures/ChecklistRunPage';
import { ProcedureLibrary } from '../procedures/ProcedureLibrary';
import { ProcedurePage } from '../procedures/ProcedurePage';
import { DeclareDowntimePage } from './DeclareDowntimePage';
import { DowntimePage } from './DowntimePage';

const signedIn = (page: ReactNode) => <RequireSession>{page}</RequireSession>;
const admin = (page: ReactNode) => <RequireSession><AdminGuard>{page}</AdminGuard></RequireSession>;

export const downtimeRoutes = (
  <>
    <Route path="/downtime" element={signedIn(<DowntimePage />)} />
    <Route path="/downtime/declare" element={signedIn(<DeclareDowntimePage />)} />
    <Route path="/procedures" element={signedIn(<ProcedureLibrary />)} />
    <Route path="/procedures/:id" element={signedIn(<ProcedurePage />)} />
    <Route path="/checklists/:id" element={signedIn(<ChecklistRunPage />)} />
    <Route path="/directory" element={signedIn(<DirectoryPage />)} />
    <Route path="/directory/on-call" element={signedIn(<OnCallPage />)} />
    <Route path="/directory/call-trees" element={signedIn(<CallTreesPage />)} />
    <Route path="/directory/call-trees/:id" element={signedIn(<CallTreePage />)} />
    <Route path="/admin" element={admin(<AdminHome />)} />
    <Route path="/admin/procedure/:id" element={admin(<ProcedureEditor />)} />
    <Route path="/admin/contact/:id" element={admin(<ContactEditor />)} />
    <Route path="/admin/unit/:id" element={admin(<UnitEditor />)} />
    <Route path="/admin/calltree/:id" element={admin(<CallTreeEditor />)} />
  </>
);
