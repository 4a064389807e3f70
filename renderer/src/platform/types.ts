import type { SyncSecrets } from './secrets';
import type { SyncTransports } from './syncTransport';

// What the app may ask of the platform. One implementation per runtime (electron.ts, web.ts);
// index.ts picks one. Nothing else in the renderer checks which runtime it is in.
export type PlatformKind = 'electron' | 'web';

export interface Platform {
  readonly kind: PlatformKind;
  /**
   * Saves a file the app produced (minutes, reports, backups). Electron: a save dialog;
   * web: a download. Resolves 'cancelled' when the user dismisses the dialog;
   * rejects with PlatformError when writing fails.
   */
  saveFile(name: string, bytes: Uint8Array, mime: string): Promise<'saved' | 'cancelled'>;
  /** Opens or focuses the projector view of a meeting (second window / second tab). */
  openProjector(meetingId: string): void;
  /**
   * Electron only: writes an automatic backup to the user-data folder (rotated there: last 14
   * daily, 12 monthly). Absent in the browser, where the app reminds the user to back up instead.
   * Resolves only when main read the file back and verified it; rejects with PlatformError
   * ('BACKUP_UNVERIFIED', or the IPC error code) otherwise.
   */
  writeAutoBackup?(
    bytes: Uint8Array,
    kind: 'daily' | 'quit',
  ): Promise<{ path: string; verified: true }>;
  /** Electron only: subscribe to "the app is closing, write the quit backup now". */
  onQuitBackupRequest?(listener: () => void): () => void;
  /** The sync server's password: OS-encrypted in Electron, this session's memory in a browser. */
  readonly syncSecrets: SyncSecrets;
  /**
   * Live sync's HTTP to the server: through main in Electron (the CSP keeps connect-src
   * 'self'), the page's fetch in a browser (serve.mjs allows http: https: there).
   */
  readonly syncTransports: SyncTransports;
}

export class PlatformError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'PlatformError';
  }
}
