import { createHashRouter, RouterProvider } from 'react-router';
import { Layout } from './components/Layout';
import { BodiesPage } from './features/bodies/BodiesPage';
import { BodyDetailPage } from './features/bodies/BodyDetailPage';
import { HomePage } from './features/home/HomePage';
import { MeetingPage } from './features/meetings/MeetingPage';
import { MeetingsPage } from './features/meetings/MeetingsPage';
import { OrganizationsPage } from './features/organizations/OrganizationsPage';
import { PeoplePage } from './features/people/PeoplePage';
import { PlanPage } from './features/plan/PlanPage';
import { PlansPage } from './features/plan/PlansPage';
import { ProjectorPage } from './features/projector/ProjectorPage';
import { KioskPage } from './features/kiosk/KioskPage';
import { RoomPage } from './features/room/RoomPage';
import { TasksPage } from './features/tasks/TasksPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { DataSafetyPage } from './features/safety/DataSafetyPage';
import { SafetyGate } from './features/safety/SafetyGate';

// Hash routes work the same from app://triada/ (Electron) and from 127.0.0.1 (browser mode).
const router = createHashRouter([
  { path: '/projector/:meetingId', element: <ProjectorPage /> },
  { path: '/kiosk/:pollId', element: <KioskPage /> },
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'meetings', element: <MeetingsPage /> },
      { path: 'meetings/:meetingId', element: <MeetingPage /> },
      { path: 'meetings/:meetingId/room', element: <RoomPage /> },
      { path: 'tasks', element: <TasksPage /> },
      { path: 'bodies', element: <BodiesPage /> },
      { path: 'bodies/:bodyId', element: <BodyDetailPage /> },
      { path: 'plans', element: <PlansPage /> },
      { path: 'plans/:planId', element: <PlanPage /> },
      { path: 'people', element: <PeoplePage /> },
      { path: 'organizations', element: <OrganizationsPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: 'safety', element: <DataSafetyPage /> },
    ],
  },
]);

export function App() {
  // The gate opens the database first: a database from a newer Triáda is never written to.
  return (
    <SafetyGate>
      <RouterProvider router={router} />
    </SafetyGate>
  );
}
