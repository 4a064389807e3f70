import { lazy, Suspense } from 'react';
import { createHashRouter, RouterProvider } from 'react-router';
import { Layout } from './components/Layout';
import { BodiesPage } from './features/bodies/BodiesPage';
import { BodyDetailPage } from './features/bodies/BodyDetailPage';
import { HomePage } from './features/home/HomePage';
import { MeetingPage } from './features/meetings/MeetingPage';
import { MeetingsPage } from './features/meetings/MeetingsPage';
import { OrganizationsPage } from './features/organizations/OrganizationsPage';
import { PeoplePage } from './features/people/PeoplePage';
import { SettingsPage } from './features/settings/SettingsPage';
import { RouteError } from './features/safety/PageError';
import { SafetyBanners } from './features/safety/SafetyBanners';
import { SafetyGate } from './features/safety/SafetyGate';
import { PhoneVotingHost } from './features/phoneVoting/PhoneVotingHost';

// Heavier screens load on first use: start-up does only what the first screen needs.
const PlanPage = lazy(() =>
  import('./features/plan/PlanPage').then((m) => ({ default: m.PlanPage })),
);
const PlansPage = lazy(() =>
  import('./features/plan/PlansPage').then((m) => ({ default: m.PlansPage })),
);
const ProjectorPage = lazy(() =>
  import('./features/projector/ProjectorPage').then((m) => ({ default: m.ProjectorPage })),
);
const KioskPage = lazy(() =>
  import('./features/kiosk/KioskPage').then((m) => ({ default: m.KioskPage })),
);
const RoomPage = lazy(() =>
  import('./features/room/RoomPage').then((m) => ({ default: m.RoomPage })),
);
const TasksPage = lazy(() =>
  import('./features/tasks/TasksPage').then((m) => ({ default: m.TasksPage })),
);
const AuditTrailPage = lazy(() =>
  import('./features/safety/AuditTrailPage').then((m) => ({ default: m.AuditTrailPage })),
);
const DataSafetyPage = lazy(() =>
  import('./features/safety/DataSafetyPage').then((m) => ({ default: m.DataSafetyPage })),
);

// Hash routes work the same from app://triada/ (Electron) and from 127.0.0.1 (browser mode).
// Every route has an error screen: a page that fails to render says so and offers the way out
// (a copy of the data, "Záloha a data", a report), and the rest of the app keeps working.
const pages = [
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
  { path: 'safety/audit', element: <AuditTrailPage /> },
];

const router = createHashRouter([
  { path: '/projector/:meetingId', element: <ProjectorPage />, errorElement: <RouteError /> },
  { path: '/kiosk/:pollId', element: <KioskPage />, errorElement: <RouteError /> },
  {
    element: <Layout banners={<SafetyBanners />} />,
    errorElement: <RouteError />,
    children: pages.map((page) => ({ ...page, errorElement: <RouteError /> })),
  },
]);

const projectorWindow = window.location.hash.startsWith('#/projector/');

export function App() {
  // The gate opens the database first: a database from a newer Triáda is never written to.
  return (
    <SafetyGate>
      <Suspense fallback={<p className="loading">…</p>}>
        <RouterProvider router={router} />
        {/* The window that stores phone ballots; the projector only watches. */}
        {!projectorWindow && <PhoneVotingHost />}
      </Suspense>
    </SafetyGate>
  );
}
