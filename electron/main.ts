// Main process: one hardened window (plus the projector), the app:// origin, the IPC
// handlers. No business rules here (ARCHITECTURE.md §2, §4). Bundled to dist/electron/main.cjs.
import {
  BrowserWindow,
  Menu,
  app,
  dialog,
  ipcMain,
  net,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  utilityProcess,
  type BrowserWindowConstructorOptions,
  type IpcMainInvokeEvent,
} from 'electron';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { HUB_CLOSED_EVENT, HUB_MESSAGE_EVENT, QUIT_BACKUP_EVENT } from '../shared/ipc/channels';
import { extensionOf, finalSaveName, saveFilterFor } from '../shared/ipc/files';
import { listAutoBackups, writeAutoBackup } from './backups';
import {
  APP_HOST,
  APP_INDEX_URL,
  APP_SCHEME,
  appResponseHeaders,
  externalUrlToOpen,
  isAppUrl,
  pickProjectorDisplay,
  projectorUrl,
  resolveInsideRoot,
  isPermissionAllowed,
} from './guards';
import { createCredentialStore, SecretStorageUnavailable } from './credentials';
import { createHubHost } from './hub/host';
import { IpcError, createIpcRouter } from './ipc';
import { productionMenuTemplate } from './menu';
import { createSyncHttp } from './syncHttp';

/** dist/electron/main.cjs → dist/renderer (inside app.asar when packaged). */
const RENDERER_ROOT = path.join(__dirname, '..', 'renderer');
const PRELOAD = path.join(__dirname, 'preload.cjs');
/** The voting hub process (electron/hub/entry.ts, bundled by scripts/build-electron.mjs). */
const HUB_MODULE = path.join(__dirname, 'hub.cjs');
/** Packaged (installed) builds: no DevTools, no developer menu. `npm start` keeps both. */
const PRODUCTION = app.isPackaged === true;

// Before ready: sandbox every renderer, make app:// a standard, secure origin.
app.enableSandbox();
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

/** Windows this app created: the only ones whose IPC calls are answered. */
const appWindows = new Set<BrowserWindow>();
let mainWindow: BrowserWindow | null = null;
let projectorWindow: BrowserWindow | null = null;

function openExternalSafely(raw: string): void {
  const url = externalUrlToOpen(raw);
  if (url)
    void shell.openExternal(url).catch((e: unknown) => console.error('openExternal failed', e));
  else console.warn('Blocked opening URL', raw);
}

function createAppWindow(
  options: BrowserWindowConstructorOptions,
  beforeShow?: (win: BrowserWindow) => void,
) {
  const win = new BrowserWindow({
    ...options,
    show: false,
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: !PRODUCTION,
    },
  });
  appWindows.add(win);
  win.once('closed', () => appWindows.delete(win));
  win.once('ready-to-show', () => {
    beforeShow?.(win);
    win.show();
  });
  return win;
}

function loadInto(win: BrowserWindow, url: string): void {
  win.loadURL(url).catch((e: unknown) => console.error(`Failed to load ${url}`, e));
}

// Automatic backups (electron/backups.ts): the renderer sends the bytes daily and when the
// main window closes; closing waits for the quit backup (at most QUIT_BACKUP_TIMEOUT_MS).
const QUIT_BACKUP_TIMEOUT_MS = 15_000;
const backupDir = () => path.join(app.getPath('userData'), 'backups');
let quitBackup: 'idle' | 'pending' | 'done' = 'idle';
let quitBackupWritten: (() => void) | null = null;

function closeAfterQuitBackup(win: BrowserWindow, event: Electron.Event): void {
  if (quitBackup === 'done') return;
  event.preventDefault();
  if (quitBackup === 'pending') return;
  quitBackup = 'pending';
  new Promise<void>((resolve) => {
    quitBackupWritten = resolve;
    setTimeout(resolve, QUIT_BACKUP_TIMEOUT_MS);
    win.webContents.send(QUIT_BACKUP_EVENT);
  })
    .catch(() => undefined)
    .finally(() => {
      quitBackup = 'done';
      quitBackupWritten = null;
      if (!win.isDestroyed()) win.close();
    });
}

function createMainWindow(): BrowserWindow {
  const win = createAppWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    backgroundColor: '#f7f7f5',
  });
  mainWindow = win;
  win.on('close', (e) => closeAfterQuitBackup(win, e));
  win.once('closed', () => {
    mainWindow = null;
    if (projectorWindow && !projectorWindow.isDestroyed()) projectorWindow.close();
  });
  loadInto(win, APP_INDEX_URL);
  return win;
}

function isOnSecondaryDisplay(win: BrowserWindow): boolean {
  return screen.getDisplayMatching(win.getBounds()).id !== screen.getPrimaryDisplay().id;
}

function openProjector(meetingId: string): { onSecondDisplay: boolean } {
  const url = projectorUrl(meetingId);
  if (projectorWindow && !projectorWindow.isDestroyed()) {
    if (projectorWindow.webContents.getURL() !== url) loadInto(projectorWindow, url);
    if (projectorWindow.isMinimized()) projectorWindow.restore();
    projectorWindow.show();
    projectorWindow.focus();
    return { onSecondDisplay: isOnSecondaryDisplay(projectorWindow) };
  }
  const target = pickProjectorDisplay(screen.getAllDisplays(), screen.getPrimaryDisplay().id);
  const placement = target ? { ...target.bounds } : { width: 1280, height: 720 };
  const win = createAppWindow(
    { ...placement, autoHideMenuBar: true, backgroundColor: '#000000' },
    (w) => {
      if (target) w.setFullScreen(true);
    },
  );
  win.setMenuBarVisibility(false);
  projectorWindow = win;
  win.once('closed', () => {
    if (projectorWindow === win) projectorWindow = null;
  });
  loadInto(win, url);
  return { onSecondDisplay: target !== null };
}

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const win = BrowserWindow.fromWebContents(event.sender);
  if (!win || !appWindows.has(win)) return false;
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

function defaultSaveDir(): string {
  try {
    return app.getPath('documents');
  } catch {
    return app.getPath('home');
  }
}

// The voting hub (issue 13): a utilityProcess started on first use; main keeps its secret and
// relays each window's admin frames (electron/hub/host.ts, docs/voting-hub.md).
const hubHost = createHubHost({
  fork: () =>
    utilityProcess.fork(HUB_MODULE, ['--data-dir', path.join(app.getPath('userData'), 'hub')], {
      serviceName: 'Triáda voting hub',
      stdio: 'inherit',
    }),
});
const hubWatched = new Set<number>();

function registerIpc(): void {
  const router = createIpcRouter<IpcMainInvokeEvent>({ ipcMain, isTrustedSender });

  router.handle('file:saveBytes', async ({ fileName, mime, bytes }, event) => {
    const win = BrowserWindow.fromWebContents(event.sender);
    if (!win) throw new IpcError('NO_WINDOW', 'file:saveBytes: the calling window is gone');
    const filter = saveFilterFor(fileName, mime);
    const choice = await dialog.showSaveDialog(win, {
      defaultPath: path.join(defaultSaveDir(), fileName),
      filters: filter ? [filter] : [],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (choice.canceled || !choice.filePath) return { saved: false };
    // The user may have typed any name: keep the app's extension, refuse executables,
    // shortcuts and names that hide their real extension (U+202E and friends).
    const name = finalSaveName(path.basename(choice.filePath), extensionOf(fileName) ?? '');
    if (name === null)
      throw new IpcError(
        'BAD_FILE_NAME',
        `Refused to save as ${JSON.stringify(path.basename(choice.filePath))}`,
      );
    // Write next to the target, then rename: an existing file is never left half-written.
    const target = path.join(path.dirname(choice.filePath), name);
    const temp = `${target}.${process.pid}.part`;
    try {
      await writeFile(temp, bytes);
      await rename(temp, target);
    } catch (e) {
      await unlink(temp).catch(() => undefined);
      throw new IpcError(
        'WRITE_FAILED',
        `Could not write ${target}: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
    return { saved: true, path: target };
  });

  router.handle('window:openProjector', ({ meetingId }) => openProjector(meetingId));

  router.handle('backup:write', async ({ bytes, kind }) => {
    try {
      const result = await writeAutoBackup(backupDir(), bytes, kind);
      if (kind === 'quit') quitBackupWritten?.();
      return result;
    } catch (e) {
      throw new IpcError(
        'BACKUP_FAILED',
        `Could not write the automatic backup: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  });

  router.handle('hub:open', async (_request, event) => {
    const wc = event.sender;
    const id = wc.id;
    if (!hubWatched.has(id)) {
      hubWatched.add(id);
      // A reload or a navigation of the window ends its link; the hub keeps the ballots.
      wc.on('did-start-navigation', (details) => {
        if (details.isMainFrame && !details.isSameDocument) hubHost.close(id);
      });
      wc.once('destroyed', () => {
        hubWatched.delete(id);
        hubHost.close(id);
      });
    }
    try {
      await hubHost.open({
        id,
        message: (text) => {
          if (!wc.isDestroyed()) wc.send(HUB_MESSAGE_EVENT, text);
        },
        closed: () => {
          if (!wc.isDestroyed()) wc.send(HUB_CLOSED_EVENT);
        },
      });
    } catch (e) {
      throw new IpcError(
        'HUB_UNAVAILABLE',
        `The voting hub is not available: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
    return null;
  });

  router.handle('hub:send', ({ text }, event) => {
    hubHost.send(event.sender.id, text);
    return null;
  });

  router.handle('hub:close', (_request, event) => {
    hubHost.close(event.sender.id);
    return null;
  });

  router.handle('backup:list', async () => ({
    folder: backupDir(),
    backups: await listAutoBackups(backupDir()),
  }));

  // The sync server's password (electron/credentials.ts): encrypted with safeStorage.
  const secrets = createCredentialStore({
    safeStorage,
    file: path.join(app.getPath('userData'), 'sync-credentials.json'),
  });
  router.handle('sync:secretSave', async ({ url, username, password }) => {
    try {
      await secrets.save(url, username, password);
      return null;
    } catch (e) {
      if (e instanceof SecretStorageUnavailable)
        throw new IpcError('SECRET_STORAGE_UNAVAILABLE', `sync:secretSave: ${e.message}`);
      throw e;
    }
  });
  router.handle('sync:secretLoad', async ({ url, username }) => ({
    available: secrets.available(),
    stored: (await secrets.load(url, username)) !== null,
  }));
  router.handle('sync:secretForget', async ({ url, username }) => {
    await secrets.forget(url, username);
    return null;
  });

  // Live sync's HTTP (electron/syncHttp.ts): only to the connected server, so the page's CSP
  // keeps connect-src 'self'. net.fetch uses Chromium's network stack (system proxy, certificates).
  const syncHttp = createSyncHttp({
    fetch: (url, init) => net.fetch(url, init),
    loadPassword: (url, username) => secrets.load(url, username),
  });
  router.handle('sync:setServer', async ({ server }) => {
    await syncHttp.setServer(server);
    return null;
  });
  router.handle('sync:fetch', (request) => syncHttp.fetch(request));
}

async function serveApp(request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (url.hostname !== APP_HOST) return new Response('Not found', { status: 404 });
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return new Response('Method not allowed', { status: 405 });
  const file = resolveInsideRoot(RENDERER_ROOT, url.pathname);
  if (!file) return new Response('Forbidden', { status: 403 });
  const candidates =
    path.extname(file) === '' ? [file, path.join(RENDERER_ROOT, 'index.html')] : [file];
  for (const candidate of candidates) {
    try {
      const data = await readFile(candidate);
      return new Response(new Uint8Array(data), {
        status: 200,
        headers: appResponseHeaders(candidate),
      });
    } catch {
      // try the next candidate (extension-less routes fall back to index.html)
    }
  }
  return new Response('Not found', { status: 404 });
}

function hardenWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault());
    // A click on a link leaves the app: open it in the browser instead. A redirect is not
    // something the user asked for, so it is only stopped, never opened.
    contents.on('will-navigate', (e) => {
      if (isAppUrl(e.url)) return;
      e.preventDefault();
      openExternalSafely(e.url);
    });
    contents.on('will-redirect', (e) => {
      if (!isAppUrl(e.url)) e.preventDefault();
    });
    if (PRODUCTION) contents.on('devtools-opened', () => contents.closeDevTools());
    contents.setWindowOpenHandler(({ url }) => {
      openExternalSafely(url);
      return { action: 'deny' };
    });
  });
}

/** Everything is denied except persistent storage for the app's own origin (see guards). */
function denyAllPermissions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((wc, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details.requestingUrl ?? wc.getURL())),
  );
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
  ses.setDevicePermissionHandler(() => false);
}

function focusMainWindow(): void {
  const win = mainWindow ?? createMainWindow();
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

// Native date and time pickers follow Chromium's locale: Czech first, like the app.
app.commandLine.appendSwitch('lang', 'cs');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (app.isReady()) focusMainWindow();
  });
  hardenWebContents();
  app.on('will-quit', () => hubHost.stop());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(() => {
      if (PRODUCTION) {
        const template = productionMenuTemplate(process.platform, app.name);
        Menu.setApplicationMenu(template ? Menu.buildFromTemplate(template) : null);
      }
      denyAllPermissions();
      protocol.handle(APP_SCHEME, serveApp);
      registerIpc();
      createMainWindow();
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
      });
    })
    .catch((e: unknown) => {
      console.error('Triáda failed to start', e);
      app.exit(1);
    });
}
