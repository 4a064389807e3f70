// An XLSX is a ZIP of XML files. Before anything is decompressed, the ZIP's central directory
// is read and every size it declares is checked: a zip bomb (a few MB that claim to unpack to
// gigabytes) is refused here. The entries are then inflated as a stream that stops the moment
// an entry produces more bytes than it declared, so a directory that lies cannot get past the
// limit either. Pure functions over bytes (tested in Node, run in the import worker).
import { Inflate } from 'fflate';

/** An XLSX larger than this is refused before it is read into memory. */
export const MAX_XLSX_FILE_BYTES = 20 * 1024 * 1024;
/** The XML inside may unpack to at most this much in total. */
export const MAX_XLSX_UNPACKED_BYTES = 150 * 1024 * 1024;
/** No real workbook has this many parts. */
export const MAX_ZIP_ENTRIES = 5000;
/** A single entry that declares it unpacks to more than this many times its size is a bomb. */
export const MAX_COMPRESSION_RATIO = 400;

export type XlsxErrorCode =
  | 'plan.import.xlsx.tooLarge'
  | 'plan.import.xlsx.zipBomb'
  | 'plan.import.xlsx.forged'
  | 'plan.import.xlsx.damaged'
  | 'plan.import.xlsx.encrypted'
  | 'plan.import.xlsx.notXlsx'
  | 'plan.import.xlsx.tooManyRows'
  | 'plan.import.xlsx.timeout'
  | 'plan.import.xlsx.failed';

/** A refusal with an i18n key; crosses the worker boundary as { code, params }. */
export class XlsxError extends Error {
  constructor(
    readonly code: XlsxErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'XlsxError';
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const MB = 1024 * 1024;
const mb = (n: number) => Math.max(1, Math.round(n / MB));

/** Reads the central directory. Throws XlsxError for anything that is not a sane ZIP. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (o: number) => view.getUint16(o, true);
  const u32 = (o: number) => view.getUint32(o, true);
  const u64 = (o: number) => Number(view.getBigUint64(o, true));
  const damaged = () => new XlsxError('plan.import.xlsx.damaged');
  const inRange = (o: number, n: number) => o >= 0 && o + n <= bytes.length;

  if (bytes.length < 22 || u32(0) !== 0x04034b50) throw new XlsxError('plan.import.xlsx.notXlsx');
  // End of central directory: the last 22 bytes plus up to a 64 KB comment.
  let eocd = -1;
  for (let o = bytes.length - 22; o >= Math.max(0, bytes.length - 22 - 0xffff); o--) {
    if (u32(o) === 0x06054b50) {
      eocd = o;
      break;
    }
  }
  if (eocd < 0) throw damaged();
  let count = u16(eocd + 10);
  let cdSize = u32(eocd + 12);
  let cdOffset = u32(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // ZIP64: the real values are in the ZIP64 end record the locator points to.
    const loc = eocd - 20;
    if (!inRange(loc, 20) || u32(loc) !== 0x07064b50) throw damaged();
    const rec = u64(loc + 8);
    if (!inRange(rec, 56) || u32(rec) !== 0x06064b50) throw damaged();
    count = u64(rec + 32);
    cdSize = u64(rec + 40);
    cdOffset = u64(rec + 48);
  }
  if (count > MAX_ZIP_ENTRIES)
    throw new XlsxError('plan.import.xlsx.zipBomb', { max: mb(MAX_XLSX_UNPACKED_BYTES) });
  if (!inRange(cdOffset, cdSize)) throw damaged();

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  const decoder = new TextDecoder('utf-8');
  let o = cdOffset;
  for (let i = 0; i < count; i++) {
    if (!inRange(o, 46) || u32(o) !== 0x02014b50) throw damaged();
    const flags = u16(o + 8);
    const nameLength = u16(o + 28);
    const extraLength = u16(o + 30);
    const commentLength = u16(o + 32);
    if (!inRange(o + 46, nameLength + extraLength)) throw damaged();
    let compressedSize = u32(o + 20);
    let uncompressedSize = u32(o + 24);
    let localHeaderOffset = u32(o + 42);
    // ZIP64 extra field (id 1): 8-byte values for exactly the fields that are 0xFFFFFFFF.
    for (let e = o + 46 + nameLength; e + 4 <= o + 46 + nameLength + extraLength;) {
      const id = u16(e);
      const size = u16(e + 2);
      if (id === 1) {
        let p = e + 4;
        const next = () => {
          if (p + 8 > e + 4 + size) throw damaged();
          const v = u64(p);
          p += 8;
          return v;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = next();
      }
      e += 4 + size;
    }
    if (flags & 1) throw new XlsxError('plan.import.xlsx.encrypted');
    const name = decoder.decode(bytes.subarray(o + 46, o + 46 + nameLength));
    // Two entries with one name: which one a reader takes is up to the reader. Refused.
    if (names.has(name)) throw damaged();
    names.add(name);
    entries.push({
      name,
      method: u16(o + 10),
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
    });
    o += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The parts the sheet reader needs (read-excel-file reads only .xml and .rels). */
export const isSheetPart = (name: string) => name.endsWith('.xml') || name.endsWith('.xml.rels');

/**
 * Checks the declared sizes of the parts that will be unpacked: in total at most
 * MAX_XLSX_UNPACKED_BYTES, and no part compressed more than MAX_COMPRESSION_RATIO : 1.
 */
export function checkDeclaredSizes(entries: readonly ZipEntry[]): void {
  let total = 0;
  for (const e of entries) {
    if (!isSheetPart(e.name)) continue;
    total += e.uncompressedSize;
    const bomb =
      total > MAX_XLSX_UNPACKED_BYTES ||
      (e.uncompressedSize > MB && e.uncompressedSize > e.compressedSize * MAX_COMPRESSION_RATIO);
    if (bomb)
      throw new XlsxError('plan.import.xlsx.zipBomb', {
        size: mb(Math.max(total, e.uncompressedSize)),
        max: mb(MAX_XLSX_UNPACKED_BYTES),
      });
  }
}

/** Compressed input is fed in slices this small, so one step can never unpack much. */
const SLICE = 16 * 1024;

/** Unpacks one entry, refusing it the moment it yields more (or ends with fewer) bytes than declared. */
export function unpackEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const h = entry.localHeaderOffset;
  if (h + 30 > bytes.length || view.getUint32(h, true) !== 0x04034b50)
    throw new XlsxError('plan.import.xlsx.damaged');
  const start = h + 30 + view.getUint16(h + 26, true) + view.getUint16(h + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new XlsxError('plan.import.xlsx.damaged');
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize)
      throw new XlsxError('plan.import.xlsx.damaged');
    return data.slice();
  }
  if (entry.method !== 8) throw new XlsxError('plan.import.xlsx.damaged');

  const out = new Uint8Array(entry.uncompressedSize);
  let written = 0;
  let finished = false;
  const inflate = new Inflate((chunk, final) => {
    if (written + chunk.length > out.length) throw new XlsxError('plan.import.xlsx.forged');
    out.set(chunk, written);
    written += chunk.length;
    if (final) finished = true;
  });
  try {
    for (let p = 0; p < data.length; p += SLICE)
      inflate.push(data.subarray(p, p + SLICE), p + SLICE >= data.length);
    if (data.length === 0) inflate.push(new Uint8Array(0), true);
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    throw new XlsxError('plan.import.xlsx.damaged');
  }
  if (!finished || written !== out.length) throw new XlsxError('plan.import.xlsx.damaged');
  return out;
}
