import type { FastifyInstance } from 'fastify';

// The console shows each display layout as it will look in a frame of `/display?preview=1`.
// That page alone may be framed, and only by the hall's own pages: every other page keeps
// `frame-ancestors 'none'` and `X-Frame-Options: DENY`. The preview draws sample data and never
// connects to the hall (apps/kiosk/src/display/DisplayPreview.tsx), so framing it shows nothing
// a display would not.

export function isDisplayPreview(url: string): boolean {
  const parsed = new URL(url, 'http://hall');
  return parsed.pathname === '/display' && parsed.searchParams.get('preview') === '1';
}

export function registerPreviewFraming(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.method !== 'GET' || !isDisplayPreview(req.url)) return payload;
    const csp = reply.getHeader('content-security-policy');
    if (typeof csp === 'string') {
      reply.header(
        'content-security-policy',
        csp.replace("frame-ancestors 'none'", "frame-ancestors 'self'"),
      );
    }
    reply.header('x-frame-options', 'SAMEORIGIN');
    return payload;
  });
}
