// Where a browser device keeps its identity: the device token from pairing (localStorage),
// or a `?token=` in the address for the demo hall's pre-paired devices.

const TOKEN_KEY = 'onestop.deviceToken';

export function readDeviceToken(location: Location = window.location): string | null {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) {
    window.localStorage.setItem(TOKEN_KEY, fromUrl);
    return fromUrl;
  }
  return window.localStorage.getItem(TOKEN_KEY);
}

export function saveDeviceToken(token: string): void {
  window.localStorage.setItem(TOKEN_KEY, token);
}

export function forgetDeviceToken(): void {
  window.localStorage.removeItem(TOKEN_KEY);
}
