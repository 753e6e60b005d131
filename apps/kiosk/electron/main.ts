import {
  harden,
  hardenedWebPreferences,
  keepLoaded,
  readSettingsFile,
  refusePermissionPrompts,
} from '@onestop/desktop-shell/electron';
import { isAllowedUrl, isKioskBlockedKey } from '@onestop/desktop-shell';
import { kioskChannels } from '@onestop/shared/bridge';
import { app, BrowserWindow, ipcMain, powerSaveBlocker, type IpcMainInvokeEvent } from 'electron';
import { mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import {
  autostartEntry,
  identityOf,
  isExitPin,
  kioskModeFor,
  parseIdCardTimeout,
  parsePaper,
  parseSettings,
  printOptions,
  soundWithoutTouch,
  startUrl,
} from './policy';
import { chooseIdCardDriver } from './id-card';
import { printerStatusOf } from './printer-status';

// The kiosk shell: one full-screen window on the hall server's page, and nothing else. All the
// customer sees is the renderer, served by the hall server and tested in a browser; the shell
// only adds silent printing, kiosk mode with an admin-PIN exit, auto-start and reconnecting.

const settings = parseSettings(readSettingsFile(join(app.getPath('userData'), 'settings.json')));
let leaving = false;
const idCardReader = chooseIdCardDriver(process.argv, process.env);

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
      ...hardenedWebPreferences(join(__dirname, 'preload.cjs')),
      ...soundWithoutTouch,
    },
  });
  // Only the hall server's pages; no new windows, no way out by keyboard or by closing.
  harden(win.webContents, settings.serverUrl, (input) => kiosk && isKioskBlockedKey(input));
  win.on('close', (event) => {
    if (kiosk && !leaving) event.preventDefault();
  });
  keepLoaded(win, startUrl(settings));
  return win;
}

/** IPC only from the hall server's page in this shell's window. */
function fromHallPage(event: IpcMainInvokeEvent): boolean {
  return isAllowedUrl(event.senderFrame?.url ?? '', settings.serverUrl);
}

ipcMain.handle(kioskChannels.print, async (event, paperArg: unknown) => {
  const paper = parsePaper(paperArg);
  if (!fromHallPage(event) || paper === null) throw new Error('refused');
  const contents = event.sender;
  await new Promise<void>((resolve, reject) =>
    contents.print(printOptions(settings, paper), (ok, reason) =>
      ok ? resolve() : reject(new Error(reason)),
    ),
  );
});
ipcMain.handle(kioskChannels.identity, (event) => {
  if (!fromHallPage(event)) throw new Error('refused');
  return identityOf(settings);
});
ipcMain.handle(kioskChannels.exit, (event, pin: unknown) => {
  if (!fromHallPage(event) || !isExitPin(pin, settings.exitPinSha256)) return false;
  leaving = true;
  setImmediate(() => app.quit());
  return true;
});

ipcMain.handle(kioskChannels.readIdCard, (event, timeoutArg: unknown) => {
  const timeoutMs = parseIdCardTimeout(timeoutArg);
  if (!fromHallPage(event) || timeoutMs === null) throw new Error('refused');
  // The card's content goes to the page only, never to the shell's log.
  return idCardReader.read(timeoutMs);
});

ipcMain.handle(kioskChannels.printerStatus, async (event) => {
  if (!fromHallPage(event)) throw new Error('refused');
  // The OS queue's word on the configured printer (CUPS reasons, Windows status bits).
  const printers = await event.sender.getPrintersAsync();
  const queued = printers.map((p) => ({
    name: p.name,
    options: { ...p.options } as Record<string, string>,
  }));
  return printerStatusOf(queued, settings.printerName);
});

void app.whenReady().then(() => {
  // A public kiosk grants no permission prompts (camera, location, notifications…).
  refusePermissionPrompts();
  if (app.isPackaged) startAtLogin();
  if (settings.screen === '/display') powerSaveBlocker.start('prevent-display-sleep');
  createWindow();
});
app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
app.on('window-all-closed', () => app.quit());
