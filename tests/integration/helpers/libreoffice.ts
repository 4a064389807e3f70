// A real word processor check: LibreOffice converts DOCX files to PDF (one soffice call for
// many files, with a throw-away profile), pdftotext reads the text back. A document that
// LibreOffice cannot open produces no PDF, and that is an error here.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const SOFFICE = process.env.SOFFICE ?? 'soffice';
export const CONVERT_TIMEOUT_MS = 120_000;

async function works(cmd: string, args: string[]): Promise<boolean> {
  try {
    await run(cmd, args, { timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

/** True when both soffice and pdftotext can be started. */
export async function hasLibreOffice(): Promise<boolean> {
  return (await works(SOFFICE, ['--version'])) && (await works('pdftotext', ['-v']));
}

export interface ConvertedDoc {
  name: string;
  pdfPath: string;
  /** `pdftotext -layout` output; pages are separated by form feeds. */
  text: string;
  pages: number;
}

export interface ConvertResult {
  dir: string;
  docs: Map<string, ConvertedDoc>;
  cleanup: () => void;
}

/**
 * Writes the files to a temporary folder, converts them all to PDF in one soffice run and
 * extracts their text. Throws when soffice fails or any file yields no PDF.
 */
export async function convertDocxToPdf(
  files: { name: string; bytes: Uint8Array }[],
  outDir?: string,
): Promise<ConvertResult> {
  const dir = outDir ?? mkdtempSync(join(tmpdir(), 'triada-docx-'));
  const profile = mkdtempSync(join(tmpdir(), 'triada-lo-profile-'));
  const cleanup = () => {
    rmSync(profile, { recursive: true, force: true });
    if (!outDir) rmSync(dir, { recursive: true, force: true });
  };
  try {
    const inputs = files.map((f) => {
      const path = join(dir, basename(f.name));
      writeFileSync(path, f.bytes);
      return path;
    });
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      ...inputs,
    ];
    await run(SOFFICE, args, { timeout: CONVERT_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 });
    const docs = new Map<string, ConvertedDoc>();
    for (const input of inputs) {
      const name = basename(input);
      const pdfPath = input.replace(/\.docx$/i, '.pdf');
      if (!existsSync(pdfPath) || statSync(pdfPath).size === 0) {
        throw new Error(`LibreOffice could not convert ${name} (no PDF produced)`);
      }
      const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', pdfPath, '-'], {
        timeout: 60_000,
        maxBuffer: 16 * 1024 * 1024,
      });
      const pages = stdout.split('\f').filter((p) => p.trim().length > 0).length;
      docs.set(name, { name, pdfPath, text: stdout, pages });
    }
    rmSync(profile, { recursive: true, force: true });
    return { dir, docs, cleanup };
  } catch (e) {
    cleanup();
    throw e;
  }
}

/** Collapses no-break spaces and runs of whitespace so assertions survive line layout. */
export function normalizeText(s: string): string {
  return s.replace(/[\u00A0\u202F]/g, ' ').replace(/[ \t]+/g, ' ');
}
