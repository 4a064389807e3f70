// The renderer's only door to the outside: `import { platform } from '…/platform'`.
import type { WindowWithApi } from '../../../shared/ipc/api';
import { createElectronPlatform } from './electron-platform';
import type { Platform } from './types';
import { createWebPlatform } from './web-platform';

export type { Platform, PlatformKind } from './types';
export { PlatformError } from './types';

export function selectPlatform(win: Window & WindowWithApi): Platform {
  return win.api?.platform === 'electron'
    ? createElectronPlatform(win.api)
    : createWebPlatform(win);
}

// globalThis is `window` in a page; in a non-DOM test run nothing is touched until used.
export const platform: Platform = selectPlatform(globalThis as unknown as Window & WindowWithApi);
