import {
  harden,
  hardenedWebPreferences,
  keepLoaded,
  readSettingsFile,
  refusePermissionPrompts,
} from '@onestop/desktop-shell/electron';
import { deskChannels } from '@onestop/shared/bridge';
import { app, BrowserWindow, ipcMain, Menu, screen } from 'electron';
import { join } from 'node:path';
import {
  identityOf,
  isBlockedKey,
  padPlacement,
  padUrl,
  parseSettings,
  windowOfUrl,
  workstationUrl,
} from './policy';

// The counter's desktop shell: the clerk's workstation in a desktop window and, on a machine
// with a customer-facing second display, the evaluation pad full screen on it. Both are the
// hall server's pages, tested in a browser; the shell only opens them, keeps them there and
// reloads them when the hall server comes back.

const settings = parseSettings(readSettingsFile(join(app.getPath('userData'), 'settings.json')));

if (!app.requestSingleInstanceLock()) app.quit();

const webPreferences = hardenedWebPreferences(join(__dirname, 'preload.cjs'));

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
  harden(win.webContents, settings.serverUrl, (input) => isBlockedKey(input, 'workstation'));
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
  harden(win.webContents, settings.serverUrl, (input) => isBlockedKey(input, 'pad'));
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

ipcMain.handle(deskChannels.identity, (event) => {
  const kind = windowOfUrl(event.senderFrame?.url ?? '', settings.serverUrl);
  if (!kind) throw new Error('refused');
  return identityOf(settings, kind);
});

void app.whenReady().then(() => {
  // The page's own shortcuts (F1–F10, Alt+letter) must reach it: no application menu.
  Menu.setApplicationMenu(null);
  // No permission prompts (camera, location, notifications…) on either window.
  refusePermissionPrompts();
  const workstation = createWorkstation();
  createPad();
  workstation.on('closed', () => app.quit());
});
app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
app.on('window-all-closed', () => app.quit());
