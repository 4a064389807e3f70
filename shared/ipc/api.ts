// The shape of window.api, exposed by electron/preload.ts and consumed only by
// renderer/src/platform/. Named functions only; every call resolves to a Result.
import type { IpcReply, IpcRequest } from './contract';

export interface TriadaApi {
  readonly platform: 'electron';
  /** Shows a save dialog and writes the bytes; `{saved:false}` when the user cancels. */
  saveBytes(request: IpcRequest<'file:saveBytes'>): Promise<IpcReply<'file:saveBytes'>>;
  /** Opens (or focuses) the projector window for a meeting, full screen on a second display. */
  openProjector(meetingId: string): Promise<IpcReply<'window:openProjector'>>;
}

/** window with the (optional) preload bridge, for the platform layer's feature check. */
export type WindowWithApi = { api?: TriadaApi };
