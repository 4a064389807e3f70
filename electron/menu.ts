// The application menu of packaged builds. Electron's default menu carries View → Reload,
// Force Reload and Toggle Developer Tools (Ctrl+Shift+I): none of them belongs in front of a
// user who keeps a town's record (a reload mid-typing, a console that can rewrite IndexedDB).
// Windows and Linux get no menu at all (text editing shortcuts still work without one);
// macOS needs the Edit menu for Cmd+C/V/Z to reach text fields, so it gets exactly that.
import type { MenuItemConstructorOptions } from 'electron';

export function productionMenuTemplate(
  platform: NodeJS.Platform,
  appName: string,
): MenuItemConstructorOptions[] | null {
  if (platform !== 'darwin') return null;
  return [
    {
      label: appName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    {
      role: 'editMenu',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    { role: 'windowMenu', submenu: [{ role: 'minimize' }, { role: 'zoom' }, { role: 'close' }] },
  ];
}

/** Roles that must never appear in a packaged build's menu (checked by menu.test.ts). */
export const DEVELOPER_ROLES: readonly string[] = [
  'toggleDevTools',
  'reload',
  'forceReload',
  'viewMenu',
  'fileMenu',
];
