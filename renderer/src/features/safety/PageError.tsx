import { isRouteErrorResponse, useLocation, useRouteError } from 'react-router';
import { buildBackup } from '@shared/backup';
import { ErrorScreen } from '../../components/ErrorBoundary';
import { APP_VERSION, BACKUP_MIME, backupFileName, db, dumpTables } from '../../db';
import { platform } from '../../platform';

const SAFETY_HREF = '#/safety';

/**
 * A copy of the whole database as it is, in the backup format. Not `createBackup`: this copy
 * must be written even when the data is what broke the page (it is validated on restore).
 */
export async function saveDataCopy(): Promise<'saved' | 'cancelled'> {
  const createdAt = new Date().toISOString();
  const data = await dumpTables(db);
  const { text } = await buildBackup(data, {
    appVersion: APP_VERSION,
    schemaVersion: db.verno,
    createdAt,
  });
  const fileName = backupFileName(createdAt).replace('triada-zaloha-', 'triada-kopie-');
  return platform.saveFile(fileName, new TextEncoder().encode(text), BACKUP_MIME);
}

/** The error screen of a route (react-router's errorElement); navigating away clears it. */
export function RouteError() {
  const caught = useRouteError();
  const { pathname } = useLocation();
  // An unknown address is a 404 "response" from the router, not an Error.
  const error = isRouteErrorResponse(caught)
    ? new Error(`${caught.status} ${caught.statusText}`)
    : caught;
  return (
    <ErrorScreen
      error={error}
      appVersion={APP_VERSION}
      onSaveCopy={saveDataCopy}
      safetyHref={pathname === '/safety' ? undefined : SAFETY_HREF}
    />
  );
}

/** The error screen outside the router (start-up, the router itself). */
export function RootError({ error, componentStack }: { error: unknown; componentStack?: string }) {
  return (
    <main className="safety-screen">
      <ErrorScreen
        error={error}
        componentStack={componentStack}
        appVersion={APP_VERSION}
        onSaveCopy={saveDataCopy}
        safetyHref={location.hash === SAFETY_HREF ? undefined : SAFETY_HREF}
      />
    </main>
  );
}
