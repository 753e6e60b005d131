import type { IncomingMessage } from 'node:http';

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
  allowed(req: IncomingMessage): boolean;
  /** An allow-listed origin other than the hall's own (it needs CORS headers). */
  isCrossAllowed(origin: string): boolean;
}

export function createOriginCheck(allowed: string[] = []): OriginCheck {
  const list = allowed.map((o) => normaliseOrigin(o.trim())).filter((o): o is string => !!o);
  const allowList = new Set(list);
  return {
    allowedOrigins: list,
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
