import { describe, expect, it, vi } from 'vitest';
import { IpcError, createIpcRouter, type InvokeEventLike } from './ipc';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => unknown;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  return {
    handlers,
    handle: (channel: string, listener: Listener) => void handlers.set(channel, listener),
    removeHandler: (channel: string) => void handlers.delete(channel),
    invoke: (channel: string, event: InvokeEventLike, ...args: unknown[]) => {
      const h = handlers.get(channel);
      if (!h) throw new Error(`no handler for ${channel}`);
      return h(event, ...args);
    },
  };
}

const trustedEvent: InvokeEventLike = {
  sender: 'main-window',
  senderFrame: { url: 'app://triada/index.html' },
};
const foreignEvent: InvokeEventLike = {
  sender: 'devtools',
  senderFrame: { url: 'https://evil.example/' },
};
const MEETING = '1b4e28ba-2fa1-4d2b-883f-0016d3cca427';

type ProjectorImpl = (req: {
  meetingId: string;
}) => { onSecondDisplay: boolean } | Promise<{ onSecondDisplay: boolean }>;

function setup(impl: ProjectorImpl = vi.fn(() => ({ onSecondDisplay: false }))) {
  const ipcMain = fakeIpcMain();
  const logError = vi.fn();
  const router = createIpcRouter<InvokeEventLike>({
    ipcMain,
    isTrustedSender: (e) => e.sender === 'main-window',
    logError,
  });
  router.handle('window:openProjector', impl);
  return { ipcMain, router, impl, logError };
}

describe('createIpcRouter', () => {
  it('passes a good call from a trusted sender through, wrapped in ok', async () => {
    const { ipcMain, impl } = setup();
    const reply = await ipcMain.invoke('window:openProjector', trustedEvent, {
      meetingId: MEETING,
    });
    expect(reply).toEqual({ ok: true, value: { onSecondDisplay: false } });
    expect(impl).toHaveBeenCalledWith({ meetingId: MEETING }, trustedEvent);
  });

  it('rejects an untrusted sender before looking at the payload', async () => {
    const { ipcMain, impl } = setup();
    const reply = await ipcMain.invoke('window:openProjector', foreignEvent, {
      meetingId: MEETING,
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(impl).not.toHaveBeenCalled();
  });

  it('treats a throwing sender check as untrusted', async () => {
    const ipcMain = fakeIpcMain();
    const router = createIpcRouter<InvokeEventLike>({
      ipcMain,
      isTrustedSender: () => {
        throw new Error('window destroyed');
      },
    });
    router.handle('window:openProjector', () => ({ onSecondDisplay: true }));
    const reply = await ipcMain.invoke('window:openProjector', trustedEvent, {
      meetingId: MEETING,
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  });

  it.each([
    [{ meetingId: 'not-a-uuid' }, /meetingId: meetingId must be a UUID/],
    [{ meetingId: MEETING, extra: 1 }, /extra/],
    [{}, /meetingId/],
    [null, /window:openProjector/],
    ['../../etc', /window:openProjector/],
  ])(
    'rejects the bad payload %j with BAD_REQUEST and a readable message',
    async (payload, message) => {
      const { ipcMain, impl } = setup();
      const reply = (await ipcMain.invoke('window:openProjector', trustedEvent, payload)) as {
        ok: false;
        error: { code: string; message: string };
      };
      expect(reply.ok).toBe(false);
      expect(reply.error.code).toBe('BAD_REQUEST');
      expect(reply.error.message).toMatch(message);
      expect(impl).not.toHaveBeenCalled();
    },
  );

  it('rejects extra arguments', async () => {
    const { ipcMain } = setup();
    const reply = await ipcMain.invoke(
      'window:openProjector',
      trustedEvent,
      { meetingId: MEETING },
      'more',
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('maps an IpcError to its code', async () => {
    const { ipcMain } = setup(
      vi.fn(() => {
        throw new IpcError('NO_WINDOW', 'the calling window is gone');
      }),
    );
    const reply = await ipcMain.invoke('window:openProjector', trustedEvent, {
      meetingId: MEETING,
    });
    expect(reply).toEqual({
      ok: false,
      error: { code: 'NO_WINDOW', message: 'the calling window is gone' },
    });
  });

  it('maps any other error (sync or async) to INTERNAL without leaking its text, and logs it', async () => {
    const boom = new Error('EACCES /home/secret');
    const { ipcMain, logError } = setup(vi.fn(() => Promise.reject(boom)));
    const reply = (await ipcMain.invoke('window:openProjector', trustedEvent, {
      meetingId: MEETING,
    })) as {
      ok: false;
      error: { code: string; message: string };
    };
    expect(reply.error.code).toBe('INTERNAL');
    expect(reply.error.message).not.toContain('secret');
    expect(logError).toHaveBeenCalledWith('window:openProjector', boom);
  });

  it('never lets an invalid response through', async () => {
    const { ipcMain, logError } = setup(vi.fn(() => ({ onSecondDisplay: 'yes' }) as never));
    const reply = await ipcMain.invoke('window:openProjector', trustedEvent, {
      meetingId: MEETING,
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(logError).toHaveBeenCalled();
  });

  it('validates file:saveBytes, including the size cap, before calling the handler', async () => {
    const ipcMain = fakeIpcMain();
    const impl = vi.fn(() => ({ saved: true as const, path: '/tmp/zapis.docx' }));
    createIpcRouter<InvokeEventLike>({ ipcMain, isTrustedSender: () => true }).handle(
      'file:saveBytes',
      impl,
    );
    const good = {
      fileName: 'Zápis 3-2026.docx',
      mime: 'application/octet-stream',
      bytes: new Uint8Array([1, 2]),
    };
    expect(await ipcMain.invoke('file:saveBytes', trustedEvent, good)).toEqual({
      ok: true,
      value: { saved: true, path: '/tmp/zapis.docx' },
    });
    const traversal = { ...good, fileName: '../../.bashrc' };
    expect(await ipcMain.invoke('file:saveBytes', trustedEvent, traversal)).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringMatching(/fileName/) },
    });
    const huge = { ...good, bytes: new Uint8Array(50 * 1024 * 1024 + 1) };
    expect(await ipcMain.invoke('file:saveBytes', trustedEvent, huge)).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringMatching(/50 MB/) },
    });
    const notBytes = { ...good, bytes: [1, 2, 3] };
    expect(await ipcMain.invoke('file:saveBytes', trustedEvent, notBytes)).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(impl).toHaveBeenCalledTimes(1);
  });

  it('registers on ipcMain under the contract channel name and can be removed', () => {
    const { ipcMain, router } = setup();
    expect([...ipcMain.handlers.keys()]).toEqual(['window:openProjector']);
    router.remove('window:openProjector');
    expect(ipcMain.handlers.size).toBe(0);
  });
});
