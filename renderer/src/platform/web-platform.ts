import { sanitizeFileName } from '../../../shared/ipc/files';
import { sessionSecrets } from './secrets';
import { webSyncTransports } from './syncTransport';
import type { Platform } from './types';

/** Browser mode: downloads instead of save dialogs, a second tab instead of a second window. */
export function createWebPlatform(win: Window = window): Platform {
  return {
    kind: 'web',
    syncSecrets: sessionSecrets(),
    syncTransports: webSyncTransports((url, init) => win.fetch(url, init)),
    async saveFile(name, bytes, mime) {
      const doc = win.document;
      const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime });
      const href = URL.createObjectURL(blob);
      const a = doc.createElement('a');
      a.href = href;
      a.download = sanitizeFileName(name);
      a.rel = 'noopener';
      a.style.display = 'none';
      doc.body.append(a);
      a.click();
      a.remove();
      // The download has started from the click; give the browser a moment before releasing.
      win.setTimeout(() => URL.revokeObjectURL(href), 60_000);
      return 'saved';
    },
    openProjector(meetingId) {
      win.open(`#/projector/${encodeURIComponent(meetingId)}`, 'triada-projector');
    },
  };
}
