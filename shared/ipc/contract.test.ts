import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from './channels';
import {
  describeZodError,
  ipcContract,
  isIpcChannel,
  openProjectorRequest,
  saveBytesRequest,
  saveBytesResponse,
} from './contract';

describe('ipc contract', () => {
  it('has a schema pair for every channel name and nothing else', () => {
    expect(Object.keys(ipcContract).sort()).toEqual(Object.values(IPC_CHANNELS).sort());
    expect(isIpcChannel('file:saveBytes')).toBe(true);
    expect(isIpcChannel('toString')).toBe(false);
    expect(isIpcChannel('shell:exec')).toBe(false);
  });

  it('accepts a UUID meeting id only', () => {
    expect(openProjectorRequest.safeParse({ meetingId: crypto.randomUUID() }).success).toBe(true);
    expect(openProjectorRequest.safeParse({ meetingId: '1/2026' }).success).toBe(false);
    expect(
      openProjectorRequest.safeParse({ meetingId: `${crypto.randomUUID()}/../x` }).success,
    ).toBe(false);
  });

  it('checks saveBytes requests', () => {
    const bytes = new Uint8Array(3);
    const mime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    expect(saveBytesRequest.safeParse({ fileName: 'Zápis.docx', mime, bytes }).success).toBe(true);
    for (const fileName of ['a/b.docx', 'a\\b.docx', '..', '.hidden', 'C:x.docx', 'CON.txt', '']) {
      expect(saveBytesRequest.safeParse({ fileName, mime, bytes }).success, fileName).toBe(false);
    }
    for (const fileName of [
      'Zápis.exe',
      'a.hta',
      'a.lnk',
      'a.desktop',
      'a.txt',
      'Zápis\u202excod.docx',
    ])
      expect(saveBytesRequest.safeParse({ fileName, mime, bytes }).success, fileName).toBe(false);
    expect(
      saveBytesRequest.safeParse({ fileName: 'a.docx', mime: 'not a mime', bytes }).success,
    ).toBe(false);
    expect(
      saveBytesRequest.safeParse({ fileName: 'a.docx', mime, bytes: bytes.buffer }).success,
    ).toBe(false);
  });

  it('describes responses as saved-with-path or cancelled', () => {
    expect(saveBytesResponse.safeParse({ saved: true, path: '/x.docx' }).success).toBe(true);
    expect(saveBytesResponse.safeParse({ saved: false }).success).toBe(true);
    expect(saveBytesResponse.safeParse({ saved: true }).success).toBe(false);
  });

  it('turns zod errors into one readable line', () => {
    const r = saveBytesRequest.safeParse({ fileName: 'a/b', mime: 'x', bytes: 1 });
    expect(r.success).toBe(false);
    if (!r.success) {
      const text = describeZodError(r.error);
      expect(text).toMatch(/^fileName: /);
      expect(text).toMatch(/mime: /);
      expect(text).toMatch(/bytes: /);
    }
  });
});
