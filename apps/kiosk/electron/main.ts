import {
  app,
  BrowserWindow,
  ipcMain,
  powerSaveBlocker,
  session,
  type IpcMainInvokeEvent,
} from 'electron';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import {
  autostartEntry,
  identityOf,
  isAllowedUrl,
  isBlockedKey,
  isExitPin,
  kioskModeFor,
  parsePaper,
  parseSettings,
  printOptions,
  reconnectDelayMs,
  startUrl,
} from './policy';

// The kiosk shell: one full-screen window on the hall server's page, and nothing else. All the
// customer sees is the renderer, served by the hall server and tested in a browser; the shell
// only adds silent printing, kiosk mode with an admin-PIN exit, auto-start and reconnecting.

const settingsFile = process.env.ONESTOP_SETTINGS ?? join(app.getPath('userData'), 'settings.json');
function readSettingsFile(): string | undefined {
  try {
    return readFileSync(settingsFile, 'utf8');
  } catch {
    return undefined;
  }
}
const settings = parseSettings(readSettingsFile());
let leaving = false;

if (!app.requestSingleInstanceLock()) app.quit();

function startAtLogin(): void {
  if (process.platform === 'linux') {
    const dir = join(homedir(), '.config', 'autostart');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'onestop-kiosk.desktop'),
      autostartEntry(process.env.APPIMAGE ?? process.execPath),
    );
  } else {
    app.setLoginItemSettings({ openAtLogin: true });
  }
}

function createWindow(): BrowserWindow {
  const kiosk = kioskModeFor(settings);
  const win = new BrowserWindow({
    kiosk,
    fullscreen: true,
    autoHideMenuBar: true,
    backgroundColor: '#0a1b31',
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
      // The hall display announces calls without anyone touching it.
      autoplayPolicy: 'no-user-gesture-required',
    },
  });
  const contents = win.webContents;

  // Only the hall server's pages; no new windows, no way out by keyboard or by closing.
  const stay = (event: { preventDefault(): void }, url: string) => {
    if (!isAllowedUrl(url, settings.serverUrl)) event.preventDefault();
  };
  contents.on('will-navigate', stay);
  contents.on('will-redirect', stay);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('before-input-event', (event, input) => {
    if (kiosk && isBlockedKey(input)) event.preventDefault();
  });
  win.on('close', (event) => {
    if (kiosk && !leaving) event.preventDefault();
  });

  // The hall server away (restarting, network down): try again, 2 s doubling to 30 s. Once the
  // page is loaded, it reconnects by itself.
  let attempt = 0;
  const load = () => void win.loadURL(startUrl(settings));
  contents.on('did-fail-load', (_event, _code, _text, _url, isMainFrame) => {
    if (isMainFrame) setTimeout(load, reconnectDelayMs(attempt++));
  });
  contents.on('did-finish-load', () => {
    attempt = 0;
  });
  contents.on('render-process-gone', () => setTimeout(load, reconnectDelayMs(0)));
  load();
  return win;
}

/** IPC only from the hall server's page in this shell's window. */
function fromHallPage(event: IpcMainInvokeEvent): boolean {
  return isAllowedUrl(event.senderFrame?.url ?? '', settings.serverUrl);
}

ipcMain.handle('onestop:print', async (event, paperArg: unknown) => {
  const paper = parsePaper(paperArg);
  if (!fromHallPage(event) || paper === null) throw new Error('refused');
  const contents = event.sender;
  await new Promise<void>((resolve, reject) =>
    contents.print(printOptions(settings, paper), (ok, reason) =>
      ok ? resolve() : reject(new Error(reason)),
    ),
  );
});
ipcMain.handle('onestop:identity', (event) => {
  if (!fromHallPage(event)) throw new Error('refused');
  return identityOf(settings);
});
ipcMain.handle('onestop:exit', (event, pin: unknown) => {
  if (!fromHallPage(event) || !isExitPin(pin, settings.exitPinSha256)) return false;
  leaving = true;
  setImmediate(() => app.quit());
  return true;
});

void app.whenReady().then(() => {
  // A public kiosk grants no permission prompts (camera, location, notifications…).
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  );
  if (app.isPackaged) startAtLogin();
  if (settings.screen === '/display') powerSaveBlocker.start('prevent-display-sleep');
  createWindow();
});
app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
app.on('window-all-closed', () => app.quit());
