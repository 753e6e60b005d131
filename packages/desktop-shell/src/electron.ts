import { session, type BrowserWindow, type WebContents } from 'electron';
import { readFileSync } from 'node:fs';
import { isAllowedUrl, reconnectDelayMs, type KeyInput } from './index';

// The Electron side both shells share: reading the settings file, hardening a window's page,
// keeping it loaded while the hall server restarts, and refusing permission prompts. Thin on
// purpose: every decision is a tested function in ./index.ts.

/** The settings file's text (`ONESTOP_SETTINGS`, or the given path), or undefined if missing. */
export function readSettingsFile(defaultPath: string): string | undefined {
  try {
    return readFileSync(process.env.ONESTOP_SETTINGS ?? defaultPath, 'utf8');
  } catch {
    return undefined;
  }
}

/** Web preferences for every window: isolated, sandboxed, no Node, no webviews. */
export function hardenedWebPreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/** The hall server's pages only, no new windows, no webviews, and the keys `blocked` names. */
export function harden(
  contents: WebContents,
  serverUrl: string,
  blocked: (input: KeyInput) => boolean,
): void {
  const stay = (event: { preventDefault(): void }, url: string) => {
    if (!isAllowedUrl(url, serverUrl)) event.preventDefault();
  };
  contents.on('will-navigate', stay);
  contents.on('will-redirect', stay);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('before-input-event', (event, input) => {
    if (blocked(input)) event.preventDefault();
  });
}

/**
 * Loads the page, and again after a failed load (the hall server restarting, the network down:
 * 2 s doubling to 30 s) or a crashed renderer. Once loaded, the page reconnects by itself.
 */
export function keepLoaded(win: BrowserWindow, url: string): void {
  const contents = win.webContents;
  let attempt = 0;
  const load = () => void win.loadURL(url);
  contents.on('did-fail-load', (_event, _code, _text, _url, isMainFrame) => {
    if (isMainFrame) setTimeout(load, reconnectDelayMs(attempt++));
  });
  contents.on('did-finish-load', () => {
    attempt = 0;
  });
  contents.on('render-process-gone', () => setTimeout(load, reconnectDelayMs(0)));
  load();
}

/** No permission prompts (camera, location, notifications…) in any window. */
export function refusePermissionPrompts(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  );
}
