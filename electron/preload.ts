// The only bridge between the sandboxed renderer and the main process: named, typed
// functions (shared/ipc/api.ts), never ipcRenderer itself. Bundled to dist/electron/preload.cjs.
import { contextBridge, ipcRenderer } from 'electron';
import type { TriadaApi } from '../shared/ipc/api';
import {
  HUB_CLOSED_EVENT,
  HUB_MESSAGE_EVENT,
  IPC_CHANNELS,
  QUIT_BACKUP_EVENT,
} from '../shared/ipc/channels';

const api: TriadaApi = {
  platform: 'electron',
  saveBytes: (request) => ipcRenderer.invoke(IPC_CHANNELS.saveBytes, request),
  openProjector: (meetingId) => ipcRenderer.invoke(IPC_CHANNELS.openProjector, { meetingId }),
  writeBackup: (request) => ipcRenderer.invoke(IPC_CHANNELS.backupWrite, request),
  listBackups: () => ipcRenderer.invoke(IPC_CHANNELS.backupList, {}),
  onQuitBackupRequest: (listener) => {
    const handler = () => listener();
    ipcRenderer.on(QUIT_BACKUP_EVENT, handler);
    return () => ipcRenderer.removeListener(QUIT_BACKUP_EVENT, handler);
  },
  syncSecret: {
    save: (request) => ipcRenderer.invoke(IPC_CHANNELS.syncSecretSave, request),
    load: (request) => ipcRenderer.invoke(IPC_CHANNELS.syncSecretLoad, request),
    forget: (request) => ipcRenderer.invoke(IPC_CHANNELS.syncSecretForget, request),
  },
  syncHttp: {
    setServer: (request) => ipcRenderer.invoke(IPC_CHANNELS.syncSetServer, request),
    fetch: (request) => ipcRenderer.invoke(IPC_CHANNELS.syncFetch, request),
  },
  // The voting hub's admin face, relayed by main (electron/hub/host.ts): text frames only.
  hub: {
    open: () => ipcRenderer.invoke(IPC_CHANNELS.hubOpen, {}),
    send: (text) => void ipcRenderer.invoke(IPC_CHANNELS.hubSend, { text }),
    close: () => void ipcRenderer.invoke(IPC_CHANNELS.hubClose, {}),
    onMessage: (listener) => {
      const handler = (_e: unknown, text: unknown) => {
        if (typeof text === 'string') listener(text);
      };
      ipcRenderer.on(HUB_MESSAGE_EVENT, handler);
      return () => ipcRenderer.removeListener(HUB_MESSAGE_EVENT, handler);
    },
    onClosed: (listener) => {
      const handler = () => listener();
      ipcRenderer.on(HUB_CLOSED_EVENT, handler);
      return () => ipcRenderer.removeListener(HUB_CLOSED_EVENT, handler);
    },
  },
};

contextBridge.exposeInMainWorld('api', api);
