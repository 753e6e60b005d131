import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { hostname } from 'node:os';

// A web page a clerk opens on another site must not drive the hall from the clerk's browser:
// a request that carries an `Origin` is served only when that origin is the hall's own (it
// names the host the request was sent to) or is on the configured allow-list. Requests with no
// `Origin` (integrations, curl, node clients) are not from a web page and pass.

/** `http://Hall.local:8080/` → `http://hall.local:8080`; anything unparsable → null. */
export function normaliseOrigin(origin: string): string | null {
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

export interface OriginCheck {
  allowedOrigins: string[];
  /** The request was sent to a name the hall is known by (see `createHostCheck`). */
  hostAllowed(req: IncomingMessage): boolean;
  allowed(req: IncomingMessage): boolean;
  /** An allow-listed origin other than the hall's own (it needs CORS headers). */
  isCrossAllowed(origin: string): boolean;
}

// DNS rebinding: a page on http://evil.example:8080 whose name is then re-pointed at the hall's
// address is, to the browser, still evil.example — its requests carry `Origin` and `Host`
// evil.example:8080 and pass the origin check as the hall's "own". So the hall answers only a
// request sent to a name it is known by: an IP address (devices on a LAN are set up with one),
// localhost, this machine's own name (and name.local), or one of HALL_NAMES. A request with no
// Host (HTTP/1.0 tools) is not from a browser and passes.

/** `Hall.Example:8080` → `hall.example`; `[::1]:80` → `::1`; null when not a host. */
export function hostnameOf(host: string): string | null {
  try {
    const name = new URL(`http://${host}`).hostname.toLowerCase();
    return name.startsWith('[') ? name.slice(1, -1) : name;
  } catch {
    return null;
  }
}

export function createHostCheck(
  hallNames: readonly string[] = [],
): (req: IncomingMessage) => boolean {
  const own = hostname().toLowerCase();
  const known = new Set([
    'localhost',
    own,
    `${own}.local`,
    ...hallNames.map((n) => n.toLowerCase()),
  ]);
  return (req) => {
    const host = req.headers.host;
    if (host === undefined) return true;
    const name = hostnameOf(host);
    if (name === null) return false;
    return isIP(name) !== 0 || known.has(name) || name.endsWith('.localhost');
  };
}

export function createOriginCheck(allowed: string[] = [], hallNames: string[] = []): OriginCheck {
  const list = allowed.map((o) => normaliseOrigin(o.trim())).filter((o): o is string => !!o);
  const allowList = new Set(list);
  return {
    allowedOrigins: list,
    hostAllowed: createHostCheck(hallNames),
    isCrossAllowed: (origin) => allowList.has(normaliseOrigin(origin) ?? ''),
    allowed(req) {
      const origin = req.headers.origin;
      if (origin === undefined) return true;
      const normalised = normaliseOrigin(origin);
      if (!normalised) return false; // `null` (sandboxed frames, file pages) and other schemes
      if (allowList.has(normalised)) return true;
      const host = req.headers.host?.toLowerCase();
      return host !== undefined && new URL(normalised).host === host;
    },
  };
}

/** `ALLOWED_ORIGINS=https://a.example,http://b.example:8080` → the list. */
export function allowedOriginsFromEnv(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
}
