// The Windows installer's firewall rule for the voting hub (cannot be run here: no NSIS).
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const config = load(
  readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8'),
) as {
  executableName: string;
  nsis: { include?: string };
};

describe('Windows installer firewall rule', () => {
  it('allows inbound TCP for the app’s own executable and removes the rule on uninstall', () => {
    expect(config.nsis.include).toBe('build/installer.nsh');
    const nsh = readFileSync(new URL(`../../${config.nsis.include}`, import.meta.url), 'utf8');
    const program = `program="$INSTDIR\\${config.executableName}.exe"`;
    const add = nsh.split('\n').filter((l) => l.includes('firewall add rule'));
    expect(add.length).toBeGreaterThan(0);
    for (const line of add) {
      expect(line).toContain(program);
      expect(line).toContain('dir=in action=allow');
      expect(line).toContain('protocol=TCP');
    }
    expect(nsh).toMatch(/!macro customInstall[\s\S]*!macroend/);
    expect(nsh).toMatch(/!macro customUnInstall[\s\S]*firewall delete rule[\s\S]*!macroend/);
  });
});
