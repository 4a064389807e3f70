// The page side of the import without a browser: a fake Worker stands in for the real one
// (the real one runs in tests/e2e/xlsx-import.spec.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeXlsx } from '../../../../../tests/fixtures/xlsx';
import { DomainError } from '../../../db';
import { readXlsxFile } from './readXlsxFile';

const MB = 1024 * 1024;
const realWorker = globalThis.Worker;
afterEach(() => {
  globalThis.Worker = realWorker;
});

describe('readXlsxFile', () => {
  it('refuses a 200 MB file from its size, without reading a byte', async () => {
    const stream = vi.fn();
    const arrayBuffer = vi.fn();
    const huge = { name: 'plan.xlsx', size: 200 * MB, stream, arrayBuffer } as unknown as File;
    const e = await readXlsxFile(huge).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DomainError);
    expect(e).toMatchObject({ code: 'plan.import.xlsx.tooLarge', params: { size: 200, max: 20 } });
    expect(stream).not.toHaveBeenCalled();
    expect(arrayBuffer).not.toHaveBeenCalled();
  });

  it('stops a worker that does not answer in time, and says so', async () => {
    const terminate = vi.fn();
    globalThis.Worker = class {
      onmessage = null;
      onerror = null;
      postMessage() {}
      terminate = terminate;
    } as unknown as typeof Worker;
    const file = new File([makeXlsx([['a']])], 'plan.xlsx');
    const e = await readXlsxFile(file, { timeoutMs: 50 }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'plan.import.xlsx.timeout' });
    expect(terminate).toHaveBeenCalled();
  });

  it('cancels on abort (closing the dialog) and terminates the worker', async () => {
    const terminate = vi.fn();
    globalThis.Worker = class {
      postMessage() {}
      terminate = terminate;
    } as unknown as typeof Worker;
    const controller = new AbortController();
    const p = readXlsxFile(new File([makeXlsx([['a']])], 'plan.xlsx'), {
      signal: controller.signal,
    });
    controller.abort();
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(terminate).toHaveBeenCalled();
  });

  it('reads in the page when no worker can start', async () => {
    globalThis.Worker = class {
      constructor() {
        throw new Error('workers blocked');
      }
    } as unknown as typeof Worker;
    const progress: number[] = [];
    const rows = await readXlsxFile(
      new File(
        [
          makeXlsx([
            ['Kód', 'Název'],
            ['1', 'Senioři'],
          ]),
        ],
        'p.xlsx',
      ),
      {
        onProgress: (f) => progress.push(f),
      },
    );
    expect(rows).toEqual([
      ['Kód', 'Název'],
      ['1', 'Senioři'],
    ]);
    expect(progress.at(-1)).toBeGreaterThan(0.9);
  });
});
