import { createHash, timingSafeEqual } from 'node:crypto';

// What the kiosk shell allows, as plain functions (Electron cannot run here; these are tested).

/** The shell shows the hall server's pages and nothing else. */
export function isAllowedUrl(url: string, serverUrl: string): boolean {
  try {
    const target = new URL(url);
    const server = new URL(serverUrl);
    return target.origin === server.origin;
  } catch {
    return false;
  }
}

/** Leaving kiosk mode takes the admin PIN set at installation (stored as a SHA-256 hex digest). */
export function isExitPin(pin: string, storedSha256: string | undefined): boolean {
  if (!storedSha256 || !/^\d{4,8}$/.test(pin)) return false;
  const given = createHash('sha256').update(pin).digest();
  const stored = Buffer.from(storedSha256, 'hex');
  return stored.length === given.length && timingSafeEqual(given, stored);
}

export interface ShellSettings {
  serverUrl: string;
  /** The screen this machine shows: `/kiosk`, `/display` or `/guide`. */
  screen: '/kiosk' | '/display' | '/guide';
  printerName?: string;
  paper: 58 | 80;
  exitPinSha256?: string;
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
  try {
    const raw = JSON.parse(json) as Partial<ShellSettings>;
    const serverUrl =
      raw.serverUrl && /^https?:\/\//.test(raw.serverUrl)
        ? raw.serverUrl
        : defaultSettings.serverUrl;
    const screen = raw.screen === '/display' || raw.screen === '/guide' ? raw.screen : '/kiosk';
    return {
      serverUrl,
      screen,
      paper: raw.paper === 58 ? 58 : 80,
      ...(raw.printerName ? { printerName: raw.printerName } : {}),
      ...(raw.exitPinSha256 ? { exitPinSha256: raw.exitPinSha256 } : {}),
      ...(raw.deviceToken ? { deviceToken: raw.deviceToken } : {}),
    };
  } catch {
    return defaultSettings;
  }
}

/** The page to load: the screen, with the device token on first start. */
export function startUrl(s: ShellSettings): string {
  const url = new URL(s.screen, s.serverUrl);
  if (s.deviceToken) url.searchParams.set('token', s.deviceToken);
  if (s.paper === 58) url.searchParams.set('paper', '58');
  return url.toString();
}

/** Electron's print options for a ticket: silent, to the configured printer, roll width. */
export function printOptions(s: ShellSettings, paper: 58 | 80) {
  return {
    silent: true,
    printBackground: false,
    ...(s.printerName ? { deviceName: s.printerName } : {}),
    margins: { marginType: 'none' as const },
    pageSize: { width: paper * 1000, height: 150_000 }, // microns
  };
}

/** Retry delay after the hall server could not be reached: 2 s doubling to 30 s. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(30_000, 2000 * 2 ** Math.max(0, attempt));
}
