// Wiring test of main.ts against a fake `electron` module (the binary is not installed here):
// the hardening, the app:// protocol and the IPC handlers as Electron would call them.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildBackup } from '../shared/backup/envelope';

const fake = vi.hoisted(() => {
  type Fn = (...args: never[]) => unknown;
  const appHandlers = new Map<string, Fn>();
  const ipcHandlers = new Map<string, Fn>();
  const windows: FakeWindow[] = [];
  let protocolHandler: ((req: Request) => Promise<Response>) | null = null;

  class FakeWebContents {
    url = '';
    constructor(readonly owner: FakeWindow | null) {}
    getURL() {
      return this.url;
    }
  }
  class FakeWindow {
    readonly handlers = new Map<string, Fn>();
    readonly webContents = new FakeWebContents(this);
    fullScreen = false;
    destroyed = false;
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this);
    }
    static fromWebContents(wc: FakeWebContents) {
      return wc.owner;
    }
    static getAllWindows() {
      return windows.filter((w) => !w.destroyed);
    }
    once(event: string, fn: Fn) {
      this.handlers.set(event, fn);
    }
    on(event: string, fn: Fn) {
      this.handlers.set(event, fn);
    }
    emit(event: string) {
      (this.handlers.get(event) as (() => void) | undefined)?.();
    }
    loadURL(url: string) {
      this.webContents.url = url;
      return Promise.resolve();
    }
    isDestroyed() {
      return this.destroyed;
    }
    isMinimized() {
      return false;
    }
    getBounds() {
      return { x: 0, y: 0, width: 10, height: 10 };
    }
    setFullScreen(v: boolean) {
      this.fullScreen = v;
    }
    show() {}
    focus() {}
    restore() {}
    close() {}
    setMenuBarVisibility() {}
  }

  const displays = [
    { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } },
    { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 720 } },
  ];
  const electron = {
    app: {
      enableSandbox: vi.fn(),
      requestSingleInstanceLock: vi.fn(() => true),
      commandLine: { appendSwitch: vi.fn() },
      on: (event: string, fn: Fn) => void appHandlers.set(event, fn),
      whenReady: () => Promise.resolve(),
      isReady: () => true,
      quit: vi.fn(),
      exit: vi.fn(),
      getPath: vi.fn((name: string) =>
        name === 'userData' && process.env.TRIADA_TEST_USER_DATA
          ? process.env.TRIADA_TEST_USER_DATA
          : '/home/u/Documents',
      ),
      // Tested as the installed app: production hardening on.
      isPackaged: true,
      name: 'Triáda',
    },
    Menu: {
      setApplicationMenu: vi.fn(),
      buildFromTemplate: vi.fn((t: unknown) => ({ template: t })),
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: vi.fn((_scheme: string, fn: (req: Request) => Promise<Response>) => {
        protocolHandler = fn;
      }),
    },
    BrowserWindow: FakeWindow,
    ipcMain: {
      handle: (channel: string, fn: Fn) => void ipcHandlers.set(channel, fn),
      removeHandler: (channel: string) => void ipcHandlers.delete(channel),
    },
    screen: {
      getAllDisplays: () => displays,
      getPrimaryDisplay: () => displays[0],
      getDisplayMatching: () => displays[1],
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
      },
    },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    dialog: { showSaveDialog: vi.fn() },
    safeStorage: {
      isEncryptionAvailable: () => false,
      encryptString: vi.fn(),
      decryptString: vi.fn(),
    },
  };
  return {
    electron,
    appHandlers,
    ipcHandlers,
    windows,
    FakeWebContents,
    protocol: () => protocolHandler!,
  };
});

vi.mock('electron', () => fake.electron);

const { electron } = fake;
const frame = (url: string) => ({ url, parent: null });

function invoke(channel: string, event: unknown, payload: unknown) {
  const h = fake.ipcHandlers.get(channel) as
    ((e: unknown, ...a: unknown[]) => Promise<unknown>) | undefined;
  if (!h) throw new Error(`no handler ${channel}`);
  return h(event, payload);
}

beforeAll(async () => {
  await import('./main');
  await new Promise((r) => setTimeout(r, 0));
});

describe('main process wiring', () => {
  it('registers app:// as a privileged scheme and sandboxes everything before ready', () => {
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('opens one hardened main window on the app origin', () => {
    const main = fake.windows[0]!;
    expect(main.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
    });
    expect(main.webContents.url).toBe('app://triada/index.html');
  });

  it('removes the default menu (reload, DevTools) from the installed app', () => {
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    // Linux and Windows: no menu at all; macOS gets the edit-only menu of menu.ts.
    const [menu] = electron.Menu.setApplicationMenu.mock.calls[0] as unknown as [unknown];
    if (process.platform === 'darwin') expect(menu).not.toBeNull();
    else expect(menu).toBeNull();
  });

  it('denies every permission but persistent storage for the app itself', () => {
    const ses = electron.session.defaultSession;
    const request = ses.setPermissionRequestHandler.mock.calls[0]![0] as (
      wc: unknown,
      p: string,
      cb: (ok: boolean) => void,
      details: { requestingUrl?: string },
    ) => void;
    const wc = { getURL: () => 'app://triada/index.html' };
    const cb = vi.fn();
    request(wc, 'media', cb, { requestingUrl: 'app://triada/index.html' });
    expect(cb).toHaveBeenLastCalledWith(false);
    request(wc, 'persistent-storage', cb, { requestingUrl: 'app://triada/index.html' });
    expect(cb).toHaveBeenLastCalledWith(true);
    request(wc, 'persistent-storage', cb, { requestingUrl: 'https://evil.example/' });
    expect(cb).toHaveBeenLastCalledWith(false);
    const check = ses.setPermissionCheckHandler.mock.calls[0]![0] as (
      wc: unknown,
      p: string,
      origin: string,
    ) => boolean;
    expect(check(null, 'notifications', 'app://triada')).toBe(false);
    expect(check(null, 'persistent-storage', 'app://triada')).toBe(true);
    expect(electron.app.commandLine.appendSwitch).toHaveBeenCalledWith('lang', 'cs');
  });

  it('blocks navigation away from the app and opens only safe URLs externally', () => {
    const on = new Map<string, (e: { url: string; preventDefault(): void }) => void>();
    let openHandler: ((d: { url: string }) => { action: string }) | null = null;
    const contents = {
      on: (ev: string, fn: never) => void on.set(ev, fn),
      setWindowOpenHandler: (fn: never) => void (openHandler = fn),
      closeDevTools: vi.fn(),
    };
    (fake.appHandlers.get('web-contents-created') as (e: unknown, c: unknown) => void)(
      {},
      contents,
    );

    const nav = (url: string) => {
      const e = { url, preventDefault: vi.fn() };
      on.get('will-navigate')!(e);
      return e.preventDefault.mock.calls.length > 0;
    };
    electron.shell.openExternal.mockClear();
    expect(nav('app://triada/index.html#/meetings')).toBe(false);
    expect(nav('https://www.mpsv.cz/')).toBe(true);
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://www.mpsv.cz/');
    expect(nav('file:///etc/passwd')).toBe(true);
    expect(nav('app://triada.evil.com/')).toBe(true);
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(1);

    expect(openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(openHandler!({ url: 'mailto:a@b.cz' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenLastCalledWith('mailto:a@b.cz');
    const attach = { preventDefault: vi.fn(), url: '' };
    on.get('will-attach-webview')!(attach);
    expect(attach.preventDefault).toHaveBeenCalled();

    // Redirects are guarded like navigations, and never opened: the user did not ask for them.
    const redirect = (url: string) => {
      const e = { url, preventDefault: vi.fn() };
      on.get('will-redirect')!(e);
      return e.preventDefault.mock.calls.length > 0;
    };
    electron.shell.openExternal.mockClear();
    expect(redirect('app://triada/index.html')).toBe(false);
    expect(redirect('https://evil.example/')).toBe(true);
    expect(redirect('file:///etc/passwd')).toBe(true);
    expect(redirect('app://triada.evil.com/')).toBe(true);
    expect(electron.shell.openExternal).not.toHaveBeenCalled();

    // DevTools forced open anyway (a debugger attach) are closed again in the installed app.
    (on.get('devtools-opened') as unknown as () => void)();
    expect(contents.closeDevTools).toHaveBeenCalled();
  });

  it('serves the renderer from app://triada/ with the CSP, and nothing outside it', async () => {
    const serve = fake.protocol();
    const index = await serve(new Request('app://triada/'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    // the URL parser already folds %2e%2e into ".." (→ /package.json, not in the root: 404)
    expect([403, 404]).toContain(
      (await serve(new Request('app://triada/%2e%2e/package.json'))).status,
    );
    expect((await serve(new Request('app://triada/..%2f..%2fpackage.json'))).status).toBe(403);
    expect((await serve(new Request('app://other/index.html'))).status).toBe(404);
    expect((await serve(new Request('app://triada/assets/missing.js'))).status).toBe(404);
    expect((await serve(new Request('app://triada/some/route'))).status).toBe(200); // SPA fallback
    expect((await serve(new Request('app://triada/index.html', { method: 'POST' }))).status).toBe(
      405,
    );
  });

  it('answers IPC only from its own windows on the app origin', async () => {
    const main = fake.windows[0]!;
    const id = crypto.randomUUID();
    const stranger = new fake.FakeWebContents(null);
    expect(
      await invoke(
        'window:openProjector',
        { sender: stranger, senderFrame: frame('app://triada/') },
        { meetingId: id },
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
    expect(
      await invoke(
        'window:openProjector',
        { sender: main.webContents, senderFrame: frame('https://evil.example/') },
        { meetingId: id },
      ),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(
      await invoke(
        'window:openProjector',
        { sender: main.webContents, senderFrame: { url: 'app://triada/', parent: {} } },
        { meetingId: id },
      ),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  });

  it('keeps no sync password without OS encryption, and validates the account', async () => {
    const event = { sender: fake.windows[0]!.webContents, senderFrame: frame('app://triada/') };
    const account = { url: 'https://couch.example.cz', username: 'jana' };
    expect(await invoke('sync:secretSave', event, { ...account, password: 'tajne' })).toMatchObject(
      { ok: false, error: { code: 'SECRET_STORAGE_UNAVAILABLE' } },
    );
    expect(await invoke('sync:secretLoad', event, account)).toEqual({
      ok: true,
      value: { available: false, stored: false },
    });
    expect(
      await invoke('sync:secretLoad', event, { url: 'ftp://x', username: 'jana' }),
    ).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    // Live sync through main: no kept password to add, and nothing reachable before a server.
    expect(
      await invoke('sync:setServer', event, { server: { ...account, password: null } }),
    ).toMatchObject({ ok: false, error: { code: 'SYNC_NO_PASSWORD' } });
    expect(
      await invoke('sync:fetch', event, {
        url: 'https://couch.example.cz/triada-region',
        method: 'GET',
        headers: [],
        body: null,
      }),
    ).toMatchObject({ ok: false, error: { code: 'SYNC_NOT_ALLOWED' } });
  });

  it('opens the projector full screen on the second display, then reuses it', async () => {
    const main = fake.windows[0]!;
    const event = { sender: main.webContents, senderFrame: frame('app://triada/index.html') };
    const id = crypto.randomUUID();
    expect(await invoke('window:openProjector', event, { meetingId: id })).toEqual({
      ok: true,
      value: { onSecondDisplay: true },
    });
    const projector = fake.windows[1]!;
    expect(projector.options).toMatchObject({ x: 1920, y: 0, width: 1280, height: 720 });
    expect(projector.webContents.url).toBe(`app://triada/index.html#/projector/${id}`);
    projector.emit('ready-to-show');
    expect(projector.fullScreen).toBe(true);

    const other = crypto.randomUUID();
    expect(await invoke('window:openProjector', event, { meetingId: other })).toMatchObject({
      ok: true,
    });
    expect(fake.windows).toHaveLength(2);
    expect(projector.webContents.url).toBe(`app://triada/index.html#/projector/${other}`);
    // the projector window may call IPC too (it is ours, on the app origin)
    const fromProjector = {
      sender: projector.webContents,
      senderFrame: frame(projector.webContents.url),
    };
    expect(await invoke('window:openProjector', fromProjector, { meetingId: other })).toMatchObject(
      { ok: true },
    );
  });

  describe('file:saveBytes', () => {
    let dir = '';
    beforeAll(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'triada-save-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('writes the bytes where the user chose, or reports a cancel', async () => {
      const main = fake.windows[0]!;
      const event = { sender: main.webContents, senderFrame: frame('app://triada/index.html') };
      const target = path.join(dir, 'Zápis.docx');
      electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
      const bytes = new Uint8Array([80, 75, 3, 4]);
      const mime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
      expect(
        await invoke('file:saveBytes', event, { fileName: 'Zápis.docx', mime, bytes }),
      ).toEqual({
        ok: true,
        value: { saved: true, path: target },
      });
      expect([...readFileSync(target)]).toEqual([80, 75, 3, 4]);
      const [, options] = electron.dialog.showSaveDialog.mock.calls[0] as unknown as [
        unknown,
        { filters: unknown; defaultPath: string },
      ];
      expect(options.filters).toEqual([{ name: 'DOCX', extensions: ['docx'] }]);
      expect(options.defaultPath).toBe(path.join('/home/u/Documents', 'Zápis.docx'));

      electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
      expect(
        await invoke('file:saveBytes', event, {
          fileName: 'a.json',
          mime: 'application/json',
          bytes,
        }),
      ).toEqual({
        ok: true,
        value: { saved: false },
      });
    });

    it('reports WRITE_FAILED when the folder is not writable', async () => {
      const main = fake.windows[0]!;
      const event = { sender: main.webContents, senderFrame: frame('app://triada/index.html') };
      electron.dialog.showSaveDialog.mockResolvedValueOnce({
        canceled: false,
        filePath: path.join(dir, 'no', 'such', 'dir.json'),
      });
      expect(
        await invoke('file:saveBytes', event, {
          fileName: 'a.json',
          mime: 'application/json',
          bytes: new Uint8Array(1),
        }),
      ).toMatchObject({ ok: false, error: { code: 'WRITE_FAILED' } });
    });

    it('refuses executable, shortcut and bidi-disguised names, suggested or typed', async () => {
      const main = fake.windows[0]!;
      const event = { sender: main.webContents, senderFrame: frame('app://triada/index.html') };
      const mime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
      const bytes = new Uint8Array([80, 75, 3, 4]);
      electron.dialog.showSaveDialog.mockClear();
      for (const fileName of ['Zápis.exe', 'Zápis.hta', 'Zápis.lnk', 'triada.desktop'])
        expect(await invoke('file:saveBytes', event, { fileName, mime, bytes })).toMatchObject({
          ok: false,
          error: { code: 'BAD_REQUEST' },
        });
      expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled();

      for (const typed of ['Zápis.exe', 'Zápis.lnk', 'Zápis.bat', 'Zápis\u202excod.docx']) {
        electron.dialog.showSaveDialog.mockResolvedValueOnce({
          canceled: false,
          filePath: path.join(dir, typed),
        });
        expect(
          await invoke('file:saveBytes', event, { fileName: 'Zápis.docx', mime, bytes }),
          typed,
        ).toMatchObject({ ok: false, error: { code: 'BAD_FILE_NAME' } });
      }
      expect(readdirSync(dir).filter((f) => !f.endsWith('.docx') && !f.endsWith('.json'))).toEqual(
        [],
      );

      // A name typed without the extension gets the app's one.
      electron.dialog.showSaveDialog.mockResolvedValueOnce({
        canceled: false,
        filePath: path.join(dir, 'Zápis 3.2026'),
      });
      expect(
        await invoke('file:saveBytes', event, { fileName: 'Zápis.docx', mime, bytes }),
      ).toEqual({ ok: true, value: { saved: true, path: path.join(dir, 'Zápis 3.2026.docx') } });
    });
  });

  describe('backup:write', () => {
    let userData = '';
    beforeAll(() => {
      userData = mkdtempSync(path.join(tmpdir(), 'triada-userdata-'));
      process.env.TRIADA_TEST_USER_DATA = userData;
    });
    afterAll(() => {
      delete process.env.TRIADA_TEST_USER_DATA;
      rmSync(userData, { recursive: true, force: true });
    });

    it('tells the renderer whether the written backup was verified', async () => {
      const main = fake.windows[0]!;
      const event = { sender: main.webContents, senderFrame: frame('app://triada/index.html') };
      const { text } = await buildBackup(
        { people: [{ id: 'p1', name: 'Jana' }] },
        { appVersion: '0.1.0', schemaVersion: 1, createdAt: '2026-01-21T17:00:00.000Z' },
      );
      const good = await invoke('backup:write', event, {
        bytes: new TextEncoder().encode(text),
        kind: 'daily',
      });
      expect(good).toMatchObject({ ok: true, value: { verified: true, deleted: [] } });
      const bad = await invoke('backup:write', event, {
        bytes: new TextEncoder().encode(text.replace('Jana', 'Eva')),
        kind: 'quit',
      });
      expect(bad).toEqual({
        ok: true,
        value: {
          verified: false,
          problem: 'checksum',
          path: path.join(userData, 'backups', 'triada-auto-unverified-last.json'),
        },
      });
      const listed = (await invoke('backup:list', event, {})) as {
        ok: true;
        value: { backups: { kind: string }[] };
      };
      expect(listed.value.backups.map((b) => b.kind)).toEqual(['daily']);
    });
  });
});
