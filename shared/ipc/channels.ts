// IPC channel names. Kept free of zod so that the (sandboxed, bundled) preload stays tiny:
// the preload needs the names, only the main process needs the schemas.
export const IPC_CHANNELS = {
  saveBytes: 'file:saveBytes',
  openProjector: 'window:openProjector',
  backupWrite: 'backup:write',
  backupList: 'backup:list',
  hubOpen: 'hub:open',
  hubSend: 'hub:send',
  hubClose: 'hub:close',
  syncSecretSave: 'sync:secretSave',
  syncSecretLoad: 'sync:secretLoad',
  syncSecretForget: 'sync:secretForget',
  syncSetServer: 'sync:setServer',
  syncFetch: 'sync:fetch',
} as const;

export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];

/** Main → renderer event: the app is quitting, send the quit backup (backup:write kind 'quit'). */
export const QUIT_BACKUP_EVENT = 'backup:quitRequested';
/** Main → renderer: one text frame from the voting hub's admin face (shared/hub/protocol.ts). */
export const HUB_MESSAGE_EVENT = 'hub:message';
/** Main → renderer: the link to the hub closed (the client reconnects with hub:open). */
export const HUB_CLOSED_EVENT = 'hub:closed';

/** Error codes any IPC reply may carry. Channel-specific codes are listed in the contract. */
export const IPC_ERROR_CODES = [
  'FORBIDDEN_SENDER', // the call did not come from a window of ours showing app://triada/
  'BAD_REQUEST', // the payload failed validation
  'INTERNAL', // an unexpected failure in the main process
  'WRITE_FAILED', // file:saveBytes could not write the chosen file
  'BAD_FILE_NAME', // file:saveBytes: the name typed in the save dialog is refused (extension, bidi)
  'NO_WINDOW', // the caller's window is gone
  'BACKUP_FAILED', // backup:write could not write the automatic backup
  'HUB_UNAVAILABLE', // hub:open could not start or reach the voting hub
  'SECRET_STORAGE_UNAVAILABLE', // sync:secretSave: no OS encryption (safeStorage) for the password
  'SYNC_NOT_ALLOWED', // sync:fetch: no server set, or a URL outside the server set with sync:setServer
  'SYNC_TOO_LARGE', // sync:fetch: the server's response exceeds the size cap
  'SYNC_NO_PASSWORD', // sync:setServer with password null, but main keeps none for the account
  'SYNC_NETWORK', // sync:fetch: the server could not be reached (refused, timeout, redirect)
] as const;

export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];
