// The one way the main process answers the renderer: handle(channel, impl).
// Every call is checked (trusted sender), validated (contract request schema), and answered
// with a Result — never a rejected promise. No electron import: ipcMain and the sender check
// are injected, so ipc.test.ts runs it without Electron.
import {
  describeZodError,
  ipcContract,
  type IpcChannel,
  type IpcErrorCode,
  type IpcReply,
  type IpcResponse,
  type IpcValidRequest,
} from '../shared/ipc/contract';
import { err, ok } from '../shared/domain/result';

/** What handlers receive about the caller (a subset of Electron's IpcMainInvokeEvent). */
export interface InvokeEventLike {
  sender: unknown;
  senderFrame?: { url: string } | null;
}

/** The part of Electron's ipcMain that the router uses. */
export interface IpcMainLike<E> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** Throw from a handler to reply with a specific error code instead of INTERNAL. */
export class IpcError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'IpcError';
  }
}

export type IpcImpl<C extends IpcChannel, E extends InvokeEventLike> = (
  request: IpcValidRequest<C>,
  event: E,
) => IpcResponse<C> | Promise<IpcResponse<C>>;

export interface IpcRouterDeps<E extends InvokeEventLike> {
  ipcMain: IpcMainLike<E>;
  /** true only for webContents of windows this app created, showing the app origin. */
  isTrustedSender(event: E): boolean;
  /** Where unexpected errors are reported (they are not sent to the renderer in full). */
  logError?(channel: string, error: unknown): void;
}

export function createIpcRouter<E extends InvokeEventLike>(deps: IpcRouterDeps<E>) {
  const logError = deps.logError ?? ((channel, error) => console.error(`[ipc ${channel}]`, error));

  async function dispatch<C extends IpcChannel>(
    channel: C,
    impl: IpcImpl<C, E>,
    event: E,
    args: unknown[],
  ): Promise<IpcReply<C>> {
    let trusted: boolean;
    try {
      trusted = deps.isTrustedSender(event);
    } catch {
      trusted = false;
    }
    if (!trusted)
      return err('FORBIDDEN_SENDER', `${channel}: the sender is not a window of this app`);

    const { request, response } = ipcContract[channel];
    if (args.length !== 1)
      return err('BAD_REQUEST', `${channel}: expected exactly one argument, got ${args.length}`);
    const parsed = request.safeParse(args[0]);
    if (!parsed.success) return err('BAD_REQUEST', `${channel}: ${describeZodError(parsed.error)}`);

    try {
      const value = await impl(parsed.data as IpcValidRequest<C>, event);
      const checked = response.safeParse(value);
      if (!checked.success) {
        logError(channel, new Error(`invalid response: ${describeZodError(checked.error)}`));
        return err('INTERNAL', `${channel}: the main process produced an invalid response`);
      }
      return ok(checked.data as IpcResponse<C>);
    } catch (error) {
      if (error instanceof IpcError) return err(error.code, error.message);
      logError(channel, error);
      return err('INTERNAL', `${channel}: unexpected error in the main process`);
    }
  }

  return {
    /** Registers the implementation of one contract channel. */
    handle<C extends IpcChannel>(channel: C, impl: IpcImpl<C, E>): void {
      deps.ipcMain.handle(channel, (event: E, ...args: unknown[]) =>
        dispatch(channel, impl, event, args),
      );
    },
    /** Unregisters a channel (tests, shutdown). */
    remove(channel: IpcChannel): void {
      deps.ipcMain.removeHandler(channel);
    },
  };
}
