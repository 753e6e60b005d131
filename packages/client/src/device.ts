import {
  commands,
  errorMessages,
  httpRoute,
  type CommandOutput,
  type ErrorCode,
} from '@onestop/shared';

// Where a browser device keeps its identity (the device token from pairing, in localStorage,
// or a `?token=` in the address for the demo hall's pre-paired devices), and the one pairing
// call every screen uses.

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

/**
 * What a pairing attempt came to: paired (the device's token and what it is), refused with the
 * hall's reason, locked out for a while (too many tries from here or hall-wide), or no answer.
 */
export type PairingOutcome =
  | { state: 'paired'; device: CommandOutput<'device:pair'> }
  | { state: 'refused'; code: ErrorCode }
  | { state: 'locked'; code: ErrorCode; retryAfterMs: number }
  | { state: 'offline' };

/** The refusals that mean "wait, then try again" rather than "this code is wrong". */
const lockouts: readonly ErrorCode[] = ['pairing_throttled', 'rate_limited'];

export interface PairOptions {
  /** The hall server's address; the page's own origin (a relative path) when served by it. */
  origin?: string;
  fetch?: typeof fetch;
}

/**
 * Pairs this device with the code from the duty-leader console: `device:pair` over the hall's
 * HTTP API (an unpaired device has no socket session to send it on). Never throws.
 */
export async function pairDevice(
  pairingCode: string,
  { origin = '', fetch: send = fetch }: PairOptions = {},
): Promise<PairingOutcome> {
  const route = httpRoute('device:pair');
  let res: Response;
  let body: unknown;
  try {
    res = await send(`${origin}${route.path}`, {
      method: route.method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ commandId: crypto.randomUUID(), pairingCode }),
    });
    body = await res.json();
  } catch {
    return { state: 'offline' };
  }
  return pairingOutcome(body, res.headers.get('retry-after'));
}

/** The hall's answer to `device:pair` (any JSON), read as an outcome. */
export function pairingOutcome(body: unknown, retryAfter: string | null = null): PairingOutcome {
  if (!isRecord(body)) return { state: 'offline' };
  if (body.ok === true) {
    const device = commands['device:pair'].output.safeParse(body.data);
    return device.success ? { state: 'paired', device: device.data } : { state: 'offline' };
  }
  const code = typeof body.code === 'string' && isErrorCode(body.code) ? body.code : null;
  if (!code) return { state: 'offline' };
  if (!lockouts.includes(code)) return { state: 'refused', code };
  const message = typeof body.message === 'string' ? body.message : '';
  return { state: 'locked', code, retryAfterMs: retryAfterMs(message, retryAfter) };
}

/**
 * How long a lockout lasts: the `Retry-After` header, else the seconds the hall's message names
 * ("Try again in 42 s.", "retry after 3 s"), else a minute.
 */
export function retryAfterMs(message: string, retryAfter: string | null = null): number {
  const seconds = Number(retryAfter ?? /(\d+) s\b/.exec(message)?.[1] ?? 60);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : 60) * 1000;
}

/** Starts the page afresh with its new identity, without a stale `?token=` (it would win). */
export function restartWithoutToken(location: Location = window.location): void {
  const url = new URL(location.href);
  url.searchParams.delete('token');
  location.replace(url.toString());
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(errorMessages, code);
}
