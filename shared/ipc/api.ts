// The shape of window.api, exposed by electron/preload.ts and consumed only by
// renderer/src/platform/. Named functions only; every call resolves to a Result.
import type { IpcReply, IpcRequest } from './contract';

export interface TriadaApi {
  readonly platform: 'electron';
  /** Shows a save dialog and writes the bytes; `{saved:false}` when the user cancels. */
  saveBytes(request: IpcRequest<'file:saveBytes'>): Promise<IpcReply<'file:saveBytes'>>;
  /** Opens (or focuses) the projector window for a meeting, full screen on a second display. */
  openProjector(meetingId: string): Promise<IpcReply<'window:openProjector'>>;
  /**
   * Writes an automatic backup to <userData>/backups, reads it back and verifies it; only a
   * verified write rotates old ones. See backupWriteResponse for `verified`.
   */
  writeBackup(request: IpcRequest<'backup:write'>): Promise<IpcReply<'backup:write'>>;
  /** The automatic backups on disk, newest first. */
  listBackups(): Promise<IpcReply<'backup:list'>>;
  /** Called when the app is quitting: produce the quit backup. Returns an unsubscribe function. */
  onQuitBackupRequest(listener: () => void): () => void;
  /**
   * The voting hub's admin face, relayed by main (which alone holds the per-start secret).
   * Text frames of shared/hub/protocol.ts; only renderer/src/platform/hub.ts uses these.
   */
  readonly hub?: HubBridge;
  /** The sync server's password, encrypted by main with safeStorage (never in IndexedDB). */
  readonly syncSecret?: {
    save(request: IpcRequest<'sync:secretSave'>): Promise<IpcReply<'sync:secretSave'>>;
    load(request: IpcRequest<'sync:secretLoad'>): Promise<IpcReply<'sync:secretLoad'>>;
    forget(request: IpcRequest<'sync:secretForget'>): Promise<IpcReply<'sync:secretForget'>>;
  };
  /**
   * Live sync's HTTP, performed by main (the CSP keeps connect-src 'self'): setServer names the
   * one server main may reach and its credentials; fetch is one request to it.
   */
  readonly syncHttp?: {
    setServer(request: IpcRequest<'sync:setServer'>): Promise<IpcReply<'sync:setServer'>>;
    fetch(request: IpcRequest<'sync:fetch'>): Promise<IpcReply<'sync:fetch'>>;
  };
}

export interface HubBridge {
  /** (Re)connects this window to the hub, starting the hub process if needed. */
  open(): Promise<
    { ok: true; value: null } | { ok: false; error: { code: string; message: string } }
  >;
  send(text: string): void;
  close(): void;
  onMessage(listener: (text: string) => void): () => void;
  onClosed(listener: () => void): () => void;
}

/** window with the (optional) preload bridge, for the platform layer's feature check. */
export type WindowWithApi = { api?: TriadaApi };
