import { app, BrowserWindow, ipcMain, session } from 'electron';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  isAllowedUrl,
  isExitPin,
  parseSettings,
  printOptions,
  reconnectDelayMs,
  startUrl,
} from './policy';

// The kiosk shell: one full-screen window on the hall server's page, nothing else. Everything
// the customer sees is the renderer, served by the hall server and tested in a browser.

const settingsFile = process.env.ONESTOP_SETTINGS ?? join(app.getPath('userData'), 'settings.json');
function readSettingsFile(): string | undefined {
  try {
    return readFileSync(settingsFile, 'utf8');
  } catch {
    return undefined;
  }
}
const settings = parseSettings(readSettingsFile());

app.setLoginItemSettings({ openAtLogin: true });

function createWindow(): void {
  const win = new BrowserWindow({
    kiosk: settings.screen !== '/guide',
    fullscreen: true,
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  });
  const contents = win.webContents;
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedUrl(url, settings.serverUrl)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  let attempt = 0;
  contents.on('did-fail-load', () => {
    setTimeout(() => void win.loadURL(startUrl(settings)), reconnectDelayMs(attempt++));
  });
  contents.on('did-finish-load', () => {
    attempt = 0;
  });
  void win.loadURL(startUrl(settings));
}

ipcMain.handle('onestop:print', async (event, paper: 58 | 80) => {
  const contents = event.sender;
  await new Promise<void>((resolve, reject) =>
    contents.print(printOptions(settings, paper === 58 ? 58 : 80), (ok, reason) =>
      ok ? resolve() : reject(new Error(reason)),
    ),
  );
});
ipcMain.handle('onestop:identity', () => ({
  serverUrl: settings.serverUrl,
  screen: settings.screen,
  paper: settings.paper,
}));
ipcMain.handle('onestop:exit', (_event, pin: string) => {
  if (!isExitPin(pin, settings.exitPinSha256)) return false;
  app.quit();
  return true;
});

void app.whenReady().then(() => {
  // No permission prompts in a public kiosk.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  );
  createWindow();
});
app.on('window-all-closed', () => app.quit());
