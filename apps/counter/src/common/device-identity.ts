// Where each screen keeps its device token. The workstation, the pad and the back office may
// share one browser profile (a desk PC with the pad on a second display), so each screen keeps
// its own token: `?token=` in the address (the demo hall's pre-paired devices, or the desktop
// shell's first start) is remembered, and a pairing code stores the token it gets.

export const screens = ['counter', 'pad', 'backoffice', 'console'] as const;
export type Screen = (typeof screens)[number];

/** The screen a path is for (`/pad/…` → pad); the workstation for any other. */
export function screenOfPath(pathname: string): Screen {
  return screens.find((s) => pathname.startsWith(`/${s}`)) ?? 'counter';
}

const tokenKey = (screen: Screen) => `onestop.${screen}.deviceToken`;
const counterKey = 'onestop.pad.counterId';

export function readScreenToken(
  screen: Screen,
  search: string = window.location.search,
  storage: Storage = window.localStorage,
): string | null {
  const fromUrl = new URLSearchParams(search).get('token');
  if (fromUrl) {
    storage.setItem(tokenKey(screen), fromUrl);
    return fromUrl;
  }
  return storage.getItem(tokenKey(screen));
}

export function saveScreenToken(
  screen: Screen,
  token: string,
  storage: Storage = window.localStorage,
): void {
  storage.setItem(tokenKey(screen), token);
}

export function forgetScreenToken(screen: Screen, storage: Storage = window.localStorage): void {
  storage.removeItem(tokenKey(screen));
}

/** The counter a pad serves, once known (pairing result or its first question). */
export function rememberPadCounter(counterId: string, storage: Storage = window.localStorage) {
  storage.setItem(counterKey, counterId);
}

export function rememberedPadCounter(storage: Storage = window.localStorage): string | null {
  return storage.getItem(counterKey);
}
