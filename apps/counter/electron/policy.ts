import {
  isAllowedUrl,
  isDevToolsKey,
  isKioskBlockedKey,
  serverUrlSetting,
  settingsObject,
  settingText,
  type KeyInput,
} from '@onestop/desktop-shell';
import type { DeskIdentity, DeskWindow } from '@onestop/shared/bridge';

// What the counter's desktop shell allows, as plain functions: Electron cannot run in the test
// environment, so every decision the shell makes lives here and is tested (those every shell
// shares — the hall server's pages only, blocked keys, reconnecting — in @onestop/desktop-shell).

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
  const raw = settingsObject(json);
  if (!raw) return defaultSettings;
  const deskToken = settingText(raw.deskToken);
  const padToken = settingText(raw.padToken);
  const padCounter =
    typeof raw.padCounter === 'number' &&
    Number.isInteger(raw.padCounter) &&
    raw.padCounter >= 1 &&
    raw.padCounter <= 999
      ? raw.padCounter
      : undefined;
  return {
    serverUrl: serverUrlSetting(raw.serverUrl, defaultSettings.serverUrl),
    padScreen: raw.padScreen === 'window' || raw.padScreen === 'off' ? raw.padScreen : 'second',
    ...(deskToken ? { deskToken } : {}),
    ...(padCounter !== undefined ? { padCounter } : {}),
    ...(padToken ? { padToken } : {}),
  };
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

/**
 * Keys the shell swallows. The workstation keeps F1–F10 and Alt+letter for the clerk's
 * shortcuts (the page handles them); only developer tools are closed. The customer-facing pad
 * is a kiosk: nothing that reloads, closes, zooms, navigates or opens tools.
 */
export function isBlockedKey(input: KeyInput, window: DeskWindow): boolean {
  return window === 'workstation' ? isDevToolsKey(input) : isKioskBlockedKey(input);
}
