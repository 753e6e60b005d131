// What every OneStop Electron shell allows, as plain functions: Electron cannot run in the test
// environment, so the decisions the kiosk's and the counter's shells share live here, tested.
// Each shell's own decisions (its settings, windows, bridge) stay in its app's electron/policy.ts.

/** An http(s) address, the only kind a shell's server URL may be. */
function isHttpUrl(url: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** A shell shows the hall server's pages and nothing else: navigation elsewhere is denied. */
export function isAllowedUrl(url: string, serverUrl: string): boolean {
  try {
    return new URL(url).origin === new URL(serverUrl).origin;
  } catch {
    return false;
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The machine's settings file as an object to pick fields from; null when it is missing, not
 * JSON, or not an object (the shell then starts with its defaults).
 */
export function settingsObject(json: string | undefined): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const parsed: unknown = JSON.parse(json);
    return isPlainObject(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** A setting's text, trimmed; undefined when it is not a non-blank string. */
export const settingText = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() ? v.trim() : undefined;

/** The hall server's address from the settings, or the fallback when it is not http(s). */
export function serverUrlSetting(v: unknown, fallback: string): string {
  const url = settingText(v);
  return url && isHttpUrl(url) ? url : fallback;
}

/** Retry delay after the hall server could not be reached: 2 s doubling to 30 s. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(30_000, 2000 * 2 ** Math.max(0, attempt));
}

/** A key press as Electron's before-input-event gives it. */
export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  alt: boolean;
  meta: boolean;
  shift: boolean;
}

/** F12 and Ctrl/Cmd+Shift+I/J/C: developer tools, closed in every window. */
export function isDevToolsKey(input: KeyInput): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  return (
    key === 'f12' || ((input.control || input.meta) && input.shift && ['i', 'j', 'c'].includes(key))
  );
}

/**
 * Keys that would leave or change a customer-facing kiosk page (a keyboard left plugged in):
 * reload, close, quit, developer tools, zoom, back/forward, print dialog, full screen.
 */
export function isKioskBlockedKey(input: KeyInput): boolean {
  if (input.type !== 'keyDown') return false;
  if (isDevToolsKey(input)) return true;
  const key = input.key.toLowerCase();
  const mod = input.control || input.meta;
  if (['f5', 'f11', 'browserback', 'browserforward', 'browserrefresh'].includes(key)) return true;
  if (input.alt && ['f4', 'arrowleft', 'arrowright', 'home'].includes(key)) return true;
  return mod && ['r', 'w', 'q', 'n', 't', 'p', 'o', 's', 'l', '+', '-', '=', '0'].includes(key);
}
