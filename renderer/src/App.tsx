import { Fragment, lazy, Suspense, type ReactNode } from 'react';
import { createHashRouter, RouterProvider } from 'react-router';
import { Layout } from './components/Layout';
import { RouteLoading } from './components/RouteLoading';
import { HomePage } from './features/home/HomePage';
import { NotFoundPage } from './features/home/NotFoundPage';
import { RouteError } from './features/safety/PageError';
import { SafetyBanners } from './features/safety/SafetyBanners';
import { SafetyGate } from './features/safety/SafetyGate';

// Every screen but the overview loads on first use: start-up fetches only what the first
// screen needs (issue 12: first-screen JS ≤ 300 KB gzip).
const BodiesPage = lazy(() =>
  import('./features/bodies/BodiesPage').then((m) => ({ default: m.BodiesPage })),
);
const BodyDetailPage = lazy(() =>
  import('./features/bodies/BodyDetailPage').then((m) => ({ default: m.BodyDetailPage })),
);
const MeetingPage = lazy(() =>
  import('./features/meetings/MeetingPage').then((m) => ({ default: m.MeetingPage })),
);
const MeetingsPage = lazy(() =>
  import('./features/meetings/MeetingsPage').then((m) => ({ default: m.MeetingsPage })),
);
const OrganizationsPage = lazy(() =>
  import('./features/organizations/OrganizationsPage').then((m) => ({
    default: m.OrganizationsPage,
  })),
);
const PeoplePage = lazy(() =>
  import('./features/people/PeoplePage').then((m) => ({ default: m.PeoplePage })),
);
const SettingsPage = lazy(() =>
  import('./features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })),
);
const PhoneVotingHost = lazy(() =>
  import('./features/phoneVoting/PhoneVotingHost').then((m) => ({
    default: m.PhoneVotingHost,
  })),
);
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
const SyncPage = lazy(() =>
  import('./features/sync/SyncPage').then((m) => ({ default: m.SyncPage })),
);
const DataSafetyPage = lazy(() =>
  import('./features/safety/DataSafetyPage').then((m) => ({ default: m.DataSafetyPage })),
);

// Hash routes work the same from app://triada/ (Electron) and from 127.0.0.1 (browser mode).
// Every route has an error screen: a page that fails to render says so and offers the way out
// (a copy of the data, "Záloha a data", a report), and the rest of the app keeps working.
// A screen loading its code keeps the layout and navigation: the Suspense is inside the route,
// under the route's errorElement, so a chunk that fails to load shows that route's error screen.
const loading = (page: ReactNode) => <Suspense fallback={<RouteLoading />}>{page}</Suspense>;

const pages = [
  { index: true, element: <HomePage /> },
  { path: 'meetings', element: loading(<MeetingsPage />) },
  { path: 'meetings/:meetingId', element: loading(<MeetingPage />) },
  { path: 'meetings/:meetingId/room', element: loading(<RoomPage />) },
  { path: 'tasks', element: loading(<TasksPage />) },
  { path: 'bodies', element: loading(<BodiesPage />) },
  { path: 'bodies/:bodyId', element: loading(<BodyDetailPage />) },
  { path: 'plans', element: loading(<PlansPage />) },
  { path: 'plans/:planId', element: loading(<PlanPage />) },
  { path: 'people', element: loading(<PeoplePage />) },
  { path: 'organizations', element: loading(<OrganizationsPage />) },
  { path: 'settings', element: loading(<SettingsPage />) },
  { path: 'safety', element: loading(<DataSafetyPage />) },
  { path: 'safety/audit', element: loading(<AuditTrailPage />) },
  { path: 'sync', element: loading(<SyncPage />) },
  { path: '*', element: <NotFoundPage /> },
];

const router = createHashRouter([
  {
    path: '/projector/:meetingId',
    element: loading(<ProjectorPage />),
    errorElement: <RouteError />,
  },
  { path: '/kiosk/:pollId', element: loading(<KioskPage />), errorElement: <RouteError /> },
  {
    element: <Layout banners={<SafetyBanners />} />,
    errorElement: <RouteError />,
    // Keyed by route: each screen gets a Suspense of its own. Unkeyed, React reused the previous
    // screen's boundary and kept that screen on view (and clickable) while the next one's code
    // loaded, so a click meant for the new screen landed on the old one (the meeting page's
    // "Přidat bod" instead of the room's).
    children: pages.map((page) => ({
      ...page,
      element: <Fragment key={page.path ?? ''}>{page.element}</Fragment>,
      errorElement: <RouteError />,
    })),
  },
]);

const projectorWindow = window.location.hash.startsWith('#/projector/');

export function App() {
  // The gate opens the database first: a database from a newer Triáda is never written to.
  return (
    <SafetyGate>
      <RouterProvider router={router} />
      {/* The window that stores phone ballots; the projector only watches. Loaded after the
          first screen; it renders nothing until phone voting is switched on. */}
      {!projectorWindow && (
        <Suspense fallback={null}>
          <PhoneVotingHost />
        </Suspense>
      )}
    </SafetyGate>
  );
}
