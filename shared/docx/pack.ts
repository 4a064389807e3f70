// Packs a built document into DOCX bytes. `Packer.pack(…, 'uint8array')` works the same in Node,
// Electron's renderer and a plain browser tab (no Buffer, no Blob needed).
import { Packer, type Document } from 'docx';
import { DOCUMENT_CORE, type CoreProps } from './layout';

export { DOCX_MIME } from './mime';

/**
 * The core properties are handed to docx as an override of docProps/core.xml, with
 * dc:language (File → Properties shows it; docx has no option for it). Before issue 12 the
 * packed zip was unzipped and zipped again to add that one element.
 */
export async function packDocx(doc: Document): Promise<Uint8Array> {
  const core = DOCUMENT_CORE.get(doc);
  const overrides = core ? [{ path: 'docProps/core.xml', data: coreXml(core, new Date()) }] : [];
  return Packer.pack(doc, 'uint8array', false, overrides);
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** docProps/core.xml as docx writes it, plus dc:language. */
export function coreXml(p: CoreProps, now: Date): string {
  const el = (tag: string, v: string | undefined) => (v ? `<${tag}>${escapeXml(v)}</${tag}>` : '');
  const at = now.toISOString();
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    el('dc:title', p.title) +
    el('dc:subject', p.subject) +
    el('dc:creator', p.creator) +
    el('dc:description', p.subject) +
    el('cp:lastModifiedBy', p.creator) +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>` +
    el('dc:language', p.language) +
    '</cp:coreProperties>'
  );
}
