import type { DeskIdentity, DeskWindow } from '../src/common/shell-api';

// What the counter's desktop shell allows, as plain functions: Electron cannot run in the test
// environment, so every decision the shell makes lives here and is tested.

export interface ShellSettings {
  serverUrl: string;
  /** The workstation's device token from pairing, for the first start (the page keeps it). */
  deskToken?: string;
  /** The counter (its number) whose evaluation pad this machine shows on a second screen. */
  padCounter?: number;
  /** The pad's own device token (a pad is a separate paired device bound to one counter). */
  padToken?: string;
  /**
   * Where the pad window goes: `second` (full screen on the customer-facing display, only when
   * one is attached), `window` (an ordinary window, for a desk with one screen) or `off`.
   */
  padScreen: 'second' | 'window' | 'off';
}

export const defaultSettings: ShellSettings = {
  serverUrl: 'http://127.0.0.1:8080',
  padScreen: 'second',
};

/** Settings from the machine's settings file, checked; anything unusable falls back. */
export function parseSettings(json: string | undefined): ShellSettings {
  if (!json) return defaultSettings;
  let raw: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(json);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return defaultSettings;
    raw = parsed as Record<string, unknown>;
  } catch {
    return defaultSettings;
  }
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const serverUrl = text(raw.serverUrl);
  const deskToken = text(raw.deskToken);
  const padToken = text(raw.padToken);
  const padCounter =
    typeof raw.padCounter === 'number' &&
    Number.isInteger(raw.padCounter) &&
    raw.padCounter >= 1 &&
    raw.padCounter <= 999
      ? raw.padCounter
      : undefined;
  return {
    serverUrl: serverUrl && isHttpUrl(serverUrl) ? serverUrl : defaultSettings.serverUrl,
    padScreen: raw.padScreen === 'window' || raw.padScreen === 'off' ? raw.padScreen : 'second',
    ...(deskToken ? { deskToken } : {}),
    ...(padCounter !== undefined ? { padCounter } : {}),
    ...(padToken ? { padToken } : {}),
  };
}

function isHttpUrl(url: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** The workstation's page, with its device token on first start. */
export function workstationUrl(s: ShellSettings): string {
  const url = new URL('/counter', s.serverUrl);
  if (s.deskToken) url.searchParams.set('token', s.deskToken);
  return url.toString();
}

/** The pad's page for its counter, or null when this machine shows no pad. */
export function padUrl(s: ShellSettings): string | null {
  if (s.padCounter === undefined || s.padScreen === 'off') return null;
  const url = new URL('/pad', s.serverUrl);
  url.searchParams.set('counter', String(s.padCounter));
  if (s.padToken) url.searchParams.set('token', s.padToken);
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

/** Which window a page belongs to, by its address; null for anything not the hall's desks. */
export function windowOfUrl(url: string, serverUrl: string): DeskWindow | null {
  if (!isAllowedUrl(url, serverUrl)) return null;
  const path = new URL(url).pathname;
  if (path === '/counter' || path.startsWith('/counter/')) return 'workstation';
  if (path === '/pad' || path.startsWith('/pad/')) return 'pad';
  return null;
}

export interface DisplayInfo {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
}

/**
 * Where the pad window opens: full screen (kiosk) on the first display that is not the
 * workstation's, an ordinary window when asked for one, or nowhere.
 */
export function padPlacement(
  s: ShellSettings,
  displays: readonly DisplayInfo[],
  primaryId: number,
): { kiosk: true; bounds: DisplayInfo['bounds'] } | { kiosk: false } | null {
  if (padUrl(s) === null) return null;
  if (s.padScreen === 'window') return { kiosk: false };
  const second = displays.find((d) => d.id !== primaryId);
  return second ? { kiosk: true, bounds: second.bounds } : null;
}

export function identityOf(s: ShellSettings, window: DeskWindow): DeskIdentity {
  return {
    serverUrl: s.serverUrl,
    window,
    padCounter: padUrl(s) === null ? null : (s.padCounter ?? null),
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
 * Keys the shell swallows. The workstation keeps F1–F10 and Alt+letter for the clerk's
 * shortcuts (the page handles them); only developer tools are closed. The customer-facing pad
 * is a kiosk: nothing that reloads, closes, zooms, navigates or opens tools.
 */
export function isBlockedKey(input: KeyInput, window: DeskWindow): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  const mod = input.control || input.meta;
  const devTools = key === 'f12' || (mod && input.shift && ['i', 'j', 'c'].includes(key));
  if (window === 'workstation') return devTools;
  if (devTools) return true;
  if (['f5', 'f11', 'browserback', 'browserforward', 'browserrefresh'].includes(key)) return true;
  if (input.alt && ['f4', 'arrowleft', 'arrowright', 'home'].includes(key)) return true;
  return mod && ['r', 'w', 'q', 'n', 't', 'p', 'o', 's', 'l', '+', '-', '=', '0'].includes(key);
}
