// Packs a built document into DOCX bytes. `Packer.toArrayBuffer` works the same in Node,
// Electron's renderer and a plain browser tab (no Buffer, no Blob needed).
import { Packer, type Document } from 'docx';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function packDocx(doc: Document): Promise<Uint8Array> {
  const buf = await Packer.toArrayBuffer(doc);
  return new Uint8Array(buf);
}
