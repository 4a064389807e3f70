import type { TriadaApi } from '../../../shared/ipc/api';
import { sanitizeFileName } from '../../../shared/ipc/files';
import { electronSecrets, sessionSecrets } from './secrets';
import { electronSyncTransports, webSyncTransports } from './syncTransport';
import { PlatformError, type Platform } from './types';

export function createElectronPlatform(api: TriadaApi): Platform {
  return {
    kind: 'electron',
    syncSecrets: api.syncSecret ? electronSecrets(api.syncSecret) : sessionSecrets(),
    // Without the relay (an older preload) the page's fetch is tried; the CSP then refuses it.
    syncTransports: api.syncHttp
      ? electronSyncTransports(api.syncHttp)
      : webSyncTransports((url, init) => fetch(url, init)),
    async saveFile(name, bytes, mime) {
      const reply = await api.saveBytes({ fileName: sanitizeFileName(name), mime, bytes });
      if (!reply.ok) throw new PlatformError(reply.error.code, reply.error.message);
      return reply.value.saved ? 'saved' : 'cancelled';
    },
    async writeAutoBackup(bytes, kind) {
      const reply = await api.writeBackup({ bytes, kind });
      if (!reply.ok) throw new PlatformError(reply.error.code, reply.error.message);
      // Main read the file back and it did not match: it does not count as a backup.
      if (!reply.value.verified)
        throw new PlatformError(
          'BACKUP_UNVERIFIED',
          `The automatic backup failed verification (${reply.value.problem}); kept aside at ${reply.value.path}`,
        );
      return { path: reply.value.path, verified: true };
    },
    onQuitBackupRequest(listener) {
      return api.onQuitBackupRequest(listener);
    },
    openProjector(meetingId) {
      void api.openProjector(meetingId).then((reply) => {
        if (!reply.ok)
          console.error(`openProjector failed: ${reply.error.code}: ${reply.error.message}`);
      });
    },
  };
}
