import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHall, tryHandshake, type TestHall } from '../test-support/hall-harness';

// DNS rebinding: a page on http://evil.example:<port> that a clerk opens has its name
// re-pointed at the hall server's address. The browser then sends the page's requests to the
// hall as same-origin (Origin and Host both say evil.example), so the origin check alone lets
// them through and the clerk's browser becomes the attacker's way into the LAN. The hall
// answers only requests sent to a name it is known by: an IP address, localhost, this
// machine's own name, or one of HALL_NAMES.

let t: TestHall;
let port: number;
beforeAll(async () => {
  t = await startTestHall({ server: { hallNames: ['hall.example'] } });
  port = Number(new URL(t.server.url).port);
});
afterAll(() => t.close());

const seq = () => t.server.hall.store.hall.state().seq;

/** A request with the Host header a rebound page's browser would send (fetch cannot set it). */
function send(
  host: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: payload ? 'POST' : 'GET',
        headers: {
          host,
          origin: `http://${host}`,
          authorization: 'Bearer demo-kiosk-1',
          ...(payload ? { 'content-type': 'application/json' } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          let parsed: Record<string, unknown>;
          try {
            parsed = JSON.parse(text) as Record<string, unknown>;
          } catch {
            parsed = { text };
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const handshake = (host: string) => tryHandshake(t.server.url, { host, origin: `http://${host}` });

describe('DNS rebinding', () => {
  it('refuses a command from a page whose name was re-pointed at the hall, and changes nothing', async () => {
    const before = seq();
    const res = await send(`evil.example:${port}`, '/api/v1/ticket/issue', {
      serviceId: 'svc-invoice',
      commandId: randomUUID(),
    });
    expect([res.status, res.body.code]).toEqual([403, 'host_not_allowed']);
    expect(String(res.body.message)).toMatch(/HALL_NAMES/);
    expect(seq()).toBe(before);
  });

  it('refuses the rebound page its pages and its reads too', async () => {
    for (const path of ['/api/v1/health', '/kiosk/', '/api/v1/openapi.json']) {
      expect((await send(`evil.example:${port}`, path)).status).toBe(403);
    }
  });

  it('refuses a socket.io handshake sent to a name the hall is not known by', async () => {
    expect(await handshake(`evil.example:${port}`)).not.toBe('connected');
  });

  it.each([
    ['its IPv4 address', '127.0.0.1'],
    ['localhost', 'localhost'],
    ['a configured hall name', 'hall.example'],
    ['a configured hall name in capitals', 'HALL.EXAMPLE'],
  ])('serves a request sent to %s', async (_name, name) => {
    const host = `${name}:${port}`;
    const res = await send(host, '/api/v1/ticket/issue', {
      serviceId: 'svc-invoice',
      commandId: randomUUID(),
    });
    expect([res.status, res.body.code]).toEqual([200, undefined]);
    expect(await handshake(host)).toBe('connected');
  });

  it('is not fooled by a name that only starts like an address or a known name', async () => {
    for (const host of [
      `127.0.0.1.evil.example:${port}`,
      `hall.example.evil.example:${port}`,
      `localhost.evil.example:${port}`,
    ])
      expect((await send(host, '/api/v1/health')).status).toBe(403);
  });
});
