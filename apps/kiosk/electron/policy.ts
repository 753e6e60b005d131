import { createHash, timingSafeEqual } from 'node:crypto';
import type { DeviceIdentity, PaperWidth } from '../src/common/shell-api';

// What the kiosk shell allows, as plain functions: Electron cannot run in the test
// environment, so every decision the shell makes lives here and is tested.

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
  if (!json) return defaultSettings;
  let raw: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(json);
    if (!parsed || typeof parsed !== 'object') return defaultSettings;
    raw = parsed as Record<string, unknown>;
  } catch {
    return defaultSettings;
  }
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const serverUrl = text(raw.serverUrl);
  const pin = text(raw.exitPinSha256);
  const token = text(raw.deviceToken);
  const printer = text(raw.printerName);
  return {
    serverUrl: serverUrl && isHttpUrl(serverUrl) ? serverUrl : defaultSettings.serverUrl,
    screen: raw.screen === '/display' || raw.screen === '/guide' ? raw.screen : '/kiosk',
    paper: raw.paper === 58 ? 58 : 80,
    ...(printer ? { printerName: printer } : {}),
    ...(pin && /^[0-9a-f]{64}$/i.test(pin) ? { exitPinSha256: pin.toLowerCase() } : {}),
    ...(token ? { deviceToken: token } : {}),
  };
}

function isHttpUrl(url: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** The page to load: the screen, with the device token on first start and the paper width. */
export function startUrl(s: ShellSettings): string {
  const url = new URL(s.screen, s.serverUrl);
  if (s.deviceToken) url.searchParams.set('token', s.deviceToken);
  if (s.paper === 58) url.searchParams.set('paper', '58');
  return url.toString();
}

/** The shell shows the hall server's pages and nothing else: navigation elsewhere is denied. */
export function isAllowedUrl(url: string, serverUrl: string): boolean {
  try {
    return new URL(url).origin === new URL(serverUrl).origin;
  } catch {
    return false;
  }
}

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
  return arg === 58 || arg === 80 ? arg : null;
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

/** Retry delay after the hall server could not be reached: 2 s doubling to 30 s. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(30_000, 2000 * 2 ** Math.max(0, attempt));
}

export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  alt: boolean;
  meta: boolean;
  shift: boolean;
}

/**
 * Keys that would leave or change a kiosk's page (a keyboard left plugged in): reload, close,
 * quit, developer tools, zoom, back/forward, print dialog, full screen.
 */
export function isBlockedKey(input: KeyInput): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  const mod = input.control || input.meta;
  if (['f5', 'f11', 'f12', 'browserback', 'browserforward', 'browserrefresh'].includes(key))
    return true;
  if (input.alt && ['f4', 'arrowleft', 'arrowright', 'home'].includes(key)) return true;
  if (mod && ['r', 'w', 'q', 'n', 't', 'p', 'o', 's', 'l', '+', '-', '=', '0'].includes(key))
    return true;
  if (mod && input.shift && ['i', 'j', 'c'].includes(key)) return true;
  return false;
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
