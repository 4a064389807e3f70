// Packaging hardening that cannot run here (no Electron binary, no electron-builder run):
// the fuses and signing settings are read from electron-builder.yml, the production menu
// from menu.ts.
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { DEVELOPER_ROLES, productionMenuTemplate } from './menu';

const config = load(readFileSync(new URL('../electron-builder.yml', import.meta.url), 'utf8')) as {
  electronFuses?: Record<string, boolean>;
  mac?: Record<string, unknown>;
  win?: Record<string, unknown>;
  asar?: boolean;
};

describe('electron-builder.yml', () => {
  it('flips the Electron fuses that close the ways around the app', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('signs and notarizes from the environment, with no secret in the file', () => {
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true });
    const text = readFileSync(new URL('../electron-builder.yml', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('#'))
      .join('\n');
    expect(text).not.toMatch(/password|APPLE_ID\s*:|CSC_LINK\s*:|certificateFile/i);
  });
});

type Item = { role?: string; submenu?: Item[] };
const roles = (items: Item[]): string[] =>
  items.flatMap((i) => [...(i.role ? [i.role] : []), ...roles(i.submenu ?? [])]);

describe('production menu', () => {
  it('is no menu at all on Windows and Linux', () => {
    expect(productionMenuTemplate('win32', 'Triáda')).toBeNull();
    expect(productionMenuTemplate('linux', 'Triáda')).toBeNull();
  });
  it('on macOS keeps editing and quitting, never reload or DevTools', () => {
    const all = roles(productionMenuTemplate('darwin', 'Triáda') as Item[]);
    expect(all).toEqual(expect.arrayContaining(['copy', 'paste', 'undo', 'quit']));
    for (const r of DEVELOPER_ROLES) expect(all).not.toContain(r);
  });
});
