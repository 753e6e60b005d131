import { serverUrlSetting, settingsObject, settingText } from '@onestop/desktop-shell';
import { createHash, timingSafeEqual } from 'node:crypto';
import {
  ID_CARD_MAX_WAIT_MS,
  isPaperWidth,
  type DeviceIdentity,
  type PaperWidth,
} from '@onestop/shared/bridge';

// What the kiosk shell allows, as plain functions: Electron cannot run in the test
// environment, so every decision the shell makes lives here and is tested (those every shell
// shares — the hall server's pages only, blocked keys, reconnecting — in @onestop/desktop-shell).

export interface ShellSettings {
  serverUrl: string;
  /** The screen this machine shows. */
  screen: '/kiosk' | '/display' | '/guide';
  printerName?: string;
  paper: PaperWidth;
  /** SHA-256 (hex) of the admin PIN that leaves kiosk mode; without one, nobody can. */
  exitPinSha256?: string;
  /** The device token from pairing, for the first start (the page keeps it afterwards). */
  deviceToken?: string;
}

export const defaultSettings: ShellSettings = {
  serverUrl: 'http://127.0.0.1:8080',
  screen: '/kiosk',
  paper: 80,
};

/** Settings from the machine's settings file, checked; anything unusable falls back. */
export function parseSettings(json: string | undefined): ShellSettings {
  const raw = settingsObject(json);
  if (!raw) return defaultSettings;
  const pin = settingText(raw.exitPinSha256);
  const token = settingText(raw.deviceToken);
  const printer = settingText(raw.printerName);
  return {
    serverUrl: serverUrlSetting(raw.serverUrl, defaultSettings.serverUrl),
    screen: raw.screen === '/display' || raw.screen === '/guide' ? raw.screen : '/kiosk',
    paper: raw.paper === 58 ? 58 : 80,
    ...(printer ? { printerName: printer } : {}),
    ...(pin && /^[0-9a-f]{64}$/i.test(pin) ? { exitPinSha256: pin.toLowerCase() } : {}),
    ...(token ? { deviceToken: token } : {}),
  };
}

/** The page to load: the screen, with the device token on first start and the paper width. */
export function startUrl(s: ShellSettings): string {
  const url = new URL(s.screen, s.serverUrl);
  if (s.deviceToken) url.searchParams.set('token', s.deviceToken);
  if (s.paper === 58) url.searchParams.set('paper', '58');
  return url.toString();
}

/**
 * The display announces calls without anyone touching it: the shell's window lets sound play
 * without a gesture (a plain browser asks for a tap first, and the display says so).
 */
export const soundWithoutTouch = { autoplayPolicy: 'no-user-gesture-required' } as const;

/** Only windows kiosk mode makes sense for: a guide's tablet is an ordinary full screen. */
export const kioskModeFor = (s: ShellSettings) => s.screen !== '/guide';

/** Leaving kiosk mode takes the admin PIN set at installation. */
export function isExitPin(pin: unknown, storedSha256: string | undefined): boolean {
  if (!storedSha256 || typeof pin !== 'string' || !/^\d{4,8}$/.test(pin)) return false;
  const given = createHash('sha256').update(pin).digest();
  const stored = Buffer.from(storedSha256, 'hex');
  return stored.length === given.length && timingSafeEqual(given, stored);
}

/** The paper width a print request asks for: IPC arguments are checked, never trusted. */
export function parsePaper(arg: unknown): PaperWidth | null {
  return isPaperWidth(arg) ? arg : null;
}

/** How long a read of the ID card reader may wait: a whole number of ms, capped; else refused. */
export function parseIdCardTimeout(arg: unknown): number | null {
  if (typeof arg !== 'number' || !Number.isInteger(arg) || arg < 0) return null;
  return Math.min(arg, ID_CARD_MAX_WAIT_MS);
}

/** Electron's print options for a ticket: silent, to the configured printer, the roll width. */
export function printOptions(s: ShellSettings, paper: PaperWidth) {
  return {
    silent: true,
    printBackground: false,
    ...(s.printerName ? { deviceName: s.printerName } : {}),
    margins: { marginType: 'none' as const },
    // microns; the length is the ticket's (see the page size in the print stylesheet)
    pageSize: { width: paper * 1000, height: (paper === 58 ? 120 : 140) * 1000 },
  };
}

export function identityOf(s: ShellSettings): DeviceIdentity {
  return {
    serverUrl: s.serverUrl,
    screen: s.screen,
    paper: s.paper,
    printerName: s.printerName ?? null,
  };
}

/**
 * Starting at login on Linux (an AppImage has no installer to do it): an XDG autostart entry.
 * Windows uses the login item the shell sets itself.
 */
export function autostartEntry(execPath: string): string {
  const exec = /[\s"'\\]/.test(execPath) ? `"${execPath.replace(/(["\\])/g, '\\$1')}"` : execPath;
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=OneStop Kiosk',
    `Exec=${exec}`,
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}
