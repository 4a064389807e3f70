// The main process's side of the voting hub (Electron): starts the hub as a utilityProcess on
// first use, keeps its per-start secret, and relays each app window's admin messages over IPC
// (preload: window.api.hub). Decision (issue 13): the renderer never opens a socket to the hub
// itself, so the CSP keeps connect-src 'self' and no page ever sees the secret. No electron
// import here: `fork` is injected (main.ts passes utilityProcess.fork), so it is unit-tested.
import WebSocket from 'ws';
import {
  ADMIN_SECRET_HEADER,
  ADMIN_WS_PATH,
  MAX_ADMIN_MESSAGE_BYTES,
  type HubReadyMessage,
} from '../../shared/hub/protocol';

/** The part of Electron's UtilityProcess (or a node ChildProcess) the host uses. */
export interface HubChild {
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

/** One app window: where relayed frames go. */
export interface RelayTarget {
  readonly id: number;
  message(text: string): void;
  closed(): void;
}

export interface HubHostDeps {
  fork(): HubChild;
  /** How long to wait for the hub to say it is ready. */
  readyTimeoutMs?: number;
}

export function createHubHost(deps: HubHostDeps) {
  let child: HubChild | null = null;
  let ready: Promise<HubReadyMessage> | null = null;
  let stopped = false;
  const links = new Map<number, { ws: WebSocket; target: RelayTarget }>();

  function start(): Promise<HubReadyMessage> {
    if (ready) return ready;
    const c = deps.fork();
    child = c;
    ready = new Promise<HubReadyMessage>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('The voting hub did not start')),
        deps.readyTimeoutMs ?? 15_000,
      );
      c.on('message', (m) => {
        const msg = m as Partial<HubReadyMessage> | null;
        if (
          msg?.t === 'hub-ready' &&
          typeof msg.adminPort === 'number' &&
          typeof msg.secret === 'string'
        ) {
          clearTimeout(timer);
          resolve(msg as HubReadyMessage);
        }
      });
      c.on('exit', () => {
        clearTimeout(timer);
        reject(new Error('The voting hub stopped'));
        // A crashed hub is started again on its journal by the next open(); the windows'
        // clients reconnect by themselves.
        if (child === c) {
          child = null;
          ready = null;
        }
        for (const [id, link] of links) {
          links.delete(id);
          link.ws.terminate();
          link.target.closed();
        }
      });
    });
    ready.catch(() => undefined);
    return ready;
  }

  return {
    /** (Re)connects one window to the admin face; its previous link is closed first. */
    async open(target: RelayTarget): Promise<void> {
      if (stopped) throw new Error('The app is quitting');
      this.close(target.id);
      const { adminPort, secret } = await start();
      const ws = new WebSocket(`ws://127.0.0.1:${adminPort}${ADMIN_WS_PATH}`, {
        headers: { [ADMIN_SECRET_HEADER]: secret },
        maxPayload: MAX_ADMIN_MESSAGE_BYTES,
      });
      links.set(target.id, { ws, target });
      await new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('error', (e) => reject(e));
      });
      ws.on('message', (data) => target.message(data.toString()));
      ws.on('close', () => {
        if (links.get(target.id)?.ws === ws) {
          links.delete(target.id);
          target.closed();
        }
      });
    },
    send(targetId: number, text: string): void {
      const link = links.get(targetId);
      if (link && link.ws.readyState === WebSocket.OPEN && text.length <= MAX_ADMIN_MESSAGE_BYTES)
        link.ws.send(text);
    },
    /** The window reloaded, navigated or closed: its link goes (the hub keeps every ballot). */
    close(targetId: number): void {
      const link = links.get(targetId);
      if (!link) return;
      links.delete(targetId);
      link.ws.close();
    },
    stop(): void {
      stopped = true;
      for (const link of links.values()) link.ws.terminate();
      links.clear();
      child?.kill();
      child = null;
      ready = null;
    },
  };
}

export type HubHost = ReturnType<typeof createHubHost>;
