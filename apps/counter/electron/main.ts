import { app, BrowserWindow, ipcMain, Menu, screen, session, type WebContents } from 'electron';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeskWindow } from '../src/common/shell-api';
import {
  identityOf,
  isAllowedUrl,
  isBlockedKey,
  padPlacement,
  padUrl,
  parseSettings,
  reconnectDelayMs,
  windowOfUrl,
  workstationUrl,
} from './policy';

// The counter's desktop shell: the clerk's workstation in a desktop window and, on a machine
// with a customer-facing second display, the evaluation pad full screen on it. Both are the
// hall server's pages, tested in a browser; the shell only opens them, keeps them there and
// reloads them when the hall server comes back.

const settingsFile = process.env.ONESTOP_SETTINGS ?? join(app.getPath('userData'), 'settings.json');
function readSettingsFile(): string | undefined {
  try {
    return readFileSync(settingsFile, 'utf8');
  } catch {
    return undefined;
  }
}
const settings = parseSettings(readSettingsFile());

if (!app.requestSingleInstanceLock()) app.quit();

/** One hardening for every window: the hall server's pages only, no new windows, no tools. */
function harden(contents: WebContents, kind: DeskWindow): void {
  const stay = (event: { preventDefault(): void }, url: string) => {
    if (!isAllowedUrl(url, settings.serverUrl)) event.preventDefault();
  };
  contents.on('will-navigate', stay);
  contents.on('will-redirect', stay);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('before-input-event', (event, input) => {
    if (isBlockedKey(input, kind)) event.preventDefault();
  });
}

/** Loads the page, and again after a failed load (2 s doubling to 30 s) or a crashed renderer. */
function keepLoaded(win: BrowserWindow, url: string): void {
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

const webPreferences = {
  preload: join(__dirname, 'preload.cjs'),
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webviewTag: false,
  spellcheck: false,
};

function createWorkstation(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#f4f6f9',
    title: 'OneStop',
    webPreferences,
  });
  harden(win.webContents, 'workstation');
  win.once('ready-to-show', () => {
    win.maximize();
    win.show();
  });
  keepLoaded(win, workstationUrl(settings));
  return win;
}

function createPad(): BrowserWindow | null {
  const url = padUrl(settings);
  const primary = screen.getPrimaryDisplay();
  const place = padPlacement(settings, screen.getAllDisplays(), primary.id);
  if (!url || !place) return null;
  const win = new BrowserWindow({
    ...(place.kiosk
      ? { ...place.bounds, kiosk: true, fullscreen: true }
      : { width: 800, height: 480 }),
    autoHideMenuBar: true,
    backgroundColor: '#0a1b31',
    title: 'OneStop 评价器',
    webPreferences,
  });
  harden(win.webContents, 'pad');
  // The customer cannot close the pad; it goes when the workstation's window does.
  win.on('close', (event) => {
    if (place.kiosk && !quitting) event.preventDefault();
  });
  keepLoaded(win, url);
  return win;
}

let quitting = false;
app.on('before-quit', () => {
  quitting = true;
});

ipcMain.handle('onestop-desk:identity', (event) => {
  const kind = windowOfUrl(event.senderFrame?.url ?? '', settings.serverUrl);
  if (!kind) throw new Error('refused');
  return identityOf(settings, kind);
});

void app.whenReady().then(() => {
  // The page's own shortcuts (F1–F10, Alt+letter) must reach it: no application menu.
  Menu.setApplicationMenu(null);
  // No permission prompts (camera, location, notifications…) on either window.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  );
  const workstation = createWorkstation();
  createPad();
  workstation.on('closed', () => app.quit());
});
app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
app.on('window-all-closed', () => app.quit());
