// Packs a built document into DOCX bytes. `Packer.toArrayBuffer` works the same in Node,
// Electron's renderer and a plain browser tab (no Buffer, no Blob needed).
import JSZip from 'jszip';
import { Packer, type Document } from 'docx';
import { DOCUMENT_LANGUAGE } from './layout';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function packDocx(doc: Document): Promise<Uint8Array> {
  const buf = await Packer.toArrayBuffer(doc);
  const lang = DOCUMENT_LANGUAGE.get(doc);
  return lang ? withLanguage(new Uint8Array(buf), lang) : new Uint8Array(buf);
}

/** Adds dc:language to the core properties (docx has no option for it): File → Properties shows it. */
async function withLanguage(bytes: Uint8Array, lang: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const core = zip.file('docProps/core.xml');
  if (!core) return bytes;
  const xml = await core.async('string');
  if (xml.includes('<dc:language>')) return bytes;
  zip.file(
    'docProps/core.xml',
    xml.replace('</cp:coreProperties>', `<dc:language>${lang}</dc:language></cp:coreProperties>`),
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
