import { describe, expect, it, vi } from 'vitest';
import type { TriadaApi } from '../../../shared/ipc/api';
import { createElectronPlatform } from './electron-platform';
import { PlatformError, platform, selectPlatform } from './index';
import { createWebPlatform } from './web-platform';

const MEETING = '1b4e28ba-2fa1-4d2b-883f-0016d3cca427';

function fakeApi(overrides: Partial<TriadaApi> = {}): TriadaApi {
  return {
    platform: 'electron',
    saveBytes: vi.fn(async () => ({
      ok: true as const,
      value: { saved: true as const, path: '/x.docx' },
    })),
    openProjector: vi.fn(async () => ({ ok: true as const, value: { onSecondDisplay: true } })),
    writeBackup: vi.fn(async () => ({
      ok: true as const,
      value: { verified: true as const, path: '/u/backups/a.json', deleted: [] },
    })),
    listBackups: vi.fn(async () => ({
      ok: true as const,
      value: { folder: '/u/backups', backups: [] },
    })),
    onQuitBackupRequest: vi.fn(() => () => undefined),
    ...overrides,
  };
}

function fakeWindow(api?: TriadaApi) {
  const anchor = {
    href: '',
    download: '',
    rel: '',
    style: { display: '' },
    click: vi.fn(),
    remove: vi.fn(),
  };
  const win = {
    api,
    document: { createElement: vi.fn(() => anchor), body: { append: vi.fn() } },
    open: vi.fn(),
    setTimeout: vi.fn(),
  };
  return { win: win as unknown as Window & { api?: TriadaApi }, anchor, raw: win };
}

describe('selectPlatform', () => {
  it('uses window.api when the preload exposed it, the web otherwise', () => {
    expect(selectPlatform(fakeWindow(fakeApi()).win).kind).toBe('electron');
    expect(selectPlatform(fakeWindow().win).kind).toBe('web');
    expect(platform.kind).toBe('web'); // vitest runs without a preload
  });
});

describe('electron platform', () => {
  it('saves through window.api with a sanitized name', async () => {
    const api = fakeApi();
    const bytes = new Uint8Array([1]);
    expect(
      await createElectronPlatform(api).saveFile('Zápis 3/2026.docx', bytes, 'application/zip'),
    ).toBe('saved');
    expect(api.saveBytes).toHaveBeenCalledWith({
      fileName: 'Zápis 3-2026.docx',
      mime: 'application/zip',
      bytes,
    });
  });

  it('reports a cancelled dialog and rejects on errors', async () => {
    const cancelled = fakeApi({ saveBytes: async () => ({ ok: true, value: { saved: false } }) });
    expect(
      await createElectronPlatform(cancelled).saveFile('a.txt', new Uint8Array(), 'text/plain'),
    ).toBe('cancelled');
    const failing = fakeApi({
      saveBytes: async () => ({ ok: false, error: { code: 'WRITE_FAILED', message: 'disk full' } }),
    });
    await expect(
      createElectronPlatform(failing).saveFile('a.txt', new Uint8Array(), 'text/plain'),
    ).rejects.toEqual(new PlatformError('WRITE_FAILED', 'disk full'));
  });

  it('writes automatic backups through window.api and reports failures', async () => {
    const api = fakeApi();
    const bytes = new Uint8Array([1, 2]);
    expect(await createElectronPlatform(api).writeAutoBackup!(bytes, 'daily')).toEqual({
      path: '/u/backups/a.json',
      verified: true,
    });
    // A backup that failed the read-back check is a failure, never a "last backup".
    const unverified = fakeApi({
      writeBackup: async () => ({
        ok: true as const,
        value: { verified: false as const, path: '/u/backups/x', problem: 'checksum' as const },
      }),
    });
    await expect(
      createElectronPlatform(unverified).writeAutoBackup!(bytes, 'daily'),
    ).rejects.toMatchObject({ code: 'BACKUP_UNVERIFIED' });
    expect(api.writeBackup).toHaveBeenCalledWith({ bytes, kind: 'daily' });
    const failing = fakeApi({
      writeBackup: async () => ({
        ok: false,
        error: { code: 'BACKUP_FAILED', message: 'disk full' },
      }),
    });
    await expect(createElectronPlatform(failing).writeAutoBackup!(bytes, 'quit')).rejects.toEqual(
      new PlatformError('BACKUP_FAILED', 'disk full'),
    );
    expect(createWebPlatform(fakeWindow().win).writeAutoBackup).toBeUndefined();
  });

  it('opens the projector through window.api', () => {
    const api = fakeApi();
    createElectronPlatform(api).openProjector(MEETING);
    expect(api.openProjector).toHaveBeenCalledWith(MEETING);
  });
});

describe('web platform', () => {
  it('downloads the bytes through a blob URL', async () => {
    const { win, anchor, raw } = fakeWindow();
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:x');
    const result = await createWebPlatform(win).saveFile(
      'Zápis 3/2026.docx',
      new Uint8Array([1, 2, 3]),
      'text/plain',
    );
    expect(result).toBe('saved');
    const blob = createObjectURL.mock.calls[0]?.[0] as Blob;
    expect(blob.size).toBe(3);
    expect(blob.type).toBe('text/plain');
    expect(anchor).toMatchObject({ href: 'blob:x', download: 'Zápis 3-2026.docx' });
    expect(anchor.click).toHaveBeenCalled();
    expect(raw.setTimeout).toHaveBeenCalled();
    createObjectURL.mockRestore();
  });

  it('opens the projector in a named second tab', () => {
    const { win, raw } = fakeWindow();
    createWebPlatform(win).openProjector(MEETING);
    expect(raw.open).toHaveBeenCalledWith(`#/projector/${MEETING}`, 'triada-projector');
  });
});
