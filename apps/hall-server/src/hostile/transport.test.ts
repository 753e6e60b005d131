import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect as netConnect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webApps } from '../server';
import {
  connectClient,
  http,
  ok,
  send,
  startTestHall,
  tryHandshake,
  type TestHall,
} from '../test-support/hall-harness';
import { MAX_PAYLOAD_BYTES } from '../transport/socket-server';

// Hostile input at the transport: other web pages' origins, framing, oversized bodies, broken
// URLs, a command id that disagrees with its Idempotency-Key.

const ALLOWED = 'https://portal.example';
const EVIL = 'https://evil.example';

let t: TestHall;
let base: string;
beforeAll(async () => {
  t = await startTestHall({ server: { allowedOrigins: [ALLOWED] } });
  base = t.server.url;
});
afterAll(() => t.close());

const seq = () => t.server.hall.store.hall.state().seq;
const issueBody = { serviceId: 'svc-invoice' };
const issue = () => ({ ...issueBody, commandId: randomUUID() });

const handshake = (origin: string | undefined) => tryHandshake(base, origin ? { origin } : {});

describe('origins', () => {
  it('refuses a socket.io handshake from another web page', async () => {
    expect(await handshake(EVIL)).not.toBe('connected');
    expect(await handshake('null')).not.toBe('connected');
  });

  it('accepts its own origin, an allow-listed one, and clients that send none', async () => {
    expect(await handshake(base)).toBe('connected');
    expect(await handshake(ALLOWED)).toBe('connected');
    expect(await handshake(undefined)).toBe('connected');
  });

  it('answers a foreign POST 403 origin_not_allowed and changes nothing', async () => {
    const before = seq();
    const res = await http(base, 'POST', '/api/v1/ticket/issue', {
      deviceToken: 'demo-kiosk-1',
      body: issue(),
      headers: { origin: EVIL },
    });
    expect([res.status, res.body.code]).toEqual([403, 'origin_not_allowed']);
    expect(seq()).toBe(before);
  });

  it('refuses a foreign CORS preflight and gives it no CORS header', async () => {
    const res = await fetch(`${base}/api/v1/ticket/issue`, {
      method: 'OPTIONS',
      headers: { origin: EVIL, 'access-control-request-method': 'POST' },
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves its own origin and lets an allow-listed origin through CORS', async () => {
    const own = await http(base, 'POST', '/api/v1/ticket/issue', {
      deviceToken: 'demo-kiosk-1',
      body: issue(),
      headers: { origin: base },
    });
    expect(own.status).toBe(200);
    const preflight = await fetch(`${base}/api/v1/ticket/issue`, {
      method: 'OPTIONS',
      headers: { origin: ALLOWED, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    const listed = await http(base, 'POST', '/api/v1/ticket/issue', {
      deviceToken: 'demo-kiosk-1',
      body: issue(),
      headers: { origin: ALLOWED },
    });
    expect(listed.status).toBe(200);
  });
});

describe('page headers', () => {
  const assetDir = join(webApps[0]!.dir, 'assets');
  const probe = 'hostile-probe.js';
  beforeAll(() => {
    mkdirSync(assetDir, { recursive: true });
    writeFileSync(join(assetDir, probe), 'export {};\n');
  });
  afterAll(() => rmSync(join(assetDir, probe), { force: true }));

  it.each([
    ['the landing page', '/'],
    ['an asset', `/assets/${probe}`],
    ['an API answer', '/api/v1/health'],
    ['a refusal', '/api/v1/nothing-here'],
  ])('puts CSP, no framing, nosniff and a referrer policy on %s', async (_what, path) => {
    const res = await fetch(`${base}${path}`);
    expect(res.status).toBeLessThan(500);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });
});

describe('a body over the limit on a keep-alive connection', () => {
  it('gets the whole 413 answer with connection: close, and the next request works', async () => {
    const big = JSON.stringify({ serviceId: 'svc-invoice', note: 'x'.repeat(MAX_PAYLOAD_BYTES) });
    const { port } = t.server;
    const answer = await new Promise<string>((resolve, reject) => {
      const sock = netConnect(port, '127.0.0.1');
      let got = '';
      sock.on('data', (d: Buffer) => (got += d.toString('utf8')));
      sock.on('end', () => resolve(got));
      sock.on('error', (err) => (got ? resolve(got) : reject(err)));
      sock.write(
        `POST /api/v1/ticket/issue HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: keep-alive\r\n` +
          `Authorization: Bearer demo-kiosk-1\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${Buffer.byteLength(big)}\r\n\r\n`,
      );
      sock.write(big);
    });
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 413/);
    expect(head.toLowerCase()).toContain('connection: close');
    expect(JSON.parse(body)).toMatchObject({ ok: false, code: 'payload_too_large' });

    // The same with a keep-alive Agent (chunked body without a length): the next request works.
    const agentAnswer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        { port, host: '127.0.0.1', method: 'POST', path: '/api/v1/ticket/issue' },
        (res) => {
          let text = '';
          res.on('data', (d: Buffer) => (text += d.toString('utf8')));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.setHeader('authorization', 'Bearer demo-kiosk-1');
      req.setHeader('content-type', 'application/json');
      req.end(big);
    });
    expect(agentAnswer.status).toBe(413);
    expect(JSON.parse(agentAnswer.body)).toMatchObject({ code: 'payload_too_large' });
    const after = await http(base, 'GET', '/api/v1/health');
    expect(after.status).toBe(200);
  });
});

describe('hostile paths', () => {
  it.each([
    ['/kiosk/%E0%A4%A', [400]],
    ['/api/v1/%', [400]],
    ['/assets/%c0%ae%c0%ae/x', [400, 404]],
    ['/%', [400]],
    ['/assets/../../package.json', [400, 404]],
    ['/assets/%2e%2e/%2e%2e/%2e%2e/package.json', [400, 404]],
    ['/assets/..%2f..%2f..%2fpackage.json', [400, 404]],
    ['/assets/%252e%252e%252fpackage.json', [400, 404]],
    ['/kiosk/assets/..%5c..%5cpackage.json', [400, 404]],
    ['/assets/%00', [400, 404]],
    ['/api/v1/ticket/issue/%ff', [400, 404]],
  ])('%s is refused, never a 500 nor a file outside the apps', async (path, statuses) => {
    const { port } = t.server;
    // Sent raw: fetch would normalise the dots away.
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({ port, host: '127.0.0.1', method: 'GET', path }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(statuses).toContain(status);
  });
});

describe('Idempotency-Key', () => {
  it('refuses a body commandId that differs from the header and changes nothing', async () => {
    const before = seq();
    const res = await http(base, 'POST', '/api/v1/ticket/issue', {
      deviceToken: 'demo-kiosk-1',
      body: { ...issueBody, commandId: 'body-id-00000001' },
      headers: { 'idempotency-key': 'header-id-0000001' },
    });
    expect([res.status, res.body.code]).toEqual([400, 'invalid_payload']);
    expect(String(res.body.message)).toMatch(/differ/);
    expect(seq()).toBe(before);
  });

  it('accepts both when they agree, and replays the first answer', async () => {
    const headers = { 'idempotency-key': 'same-id-000000001' };
    const body = { ...issueBody, commandId: 'same-id-000000001' };
    const first = await http(base, 'POST', '/api/v1/ticket/issue', {
      deviceToken: 'demo-kiosk-1',
      body,
      headers,
    });
    const again = await http(base, 'POST', '/api/v1/ticket/issue', {
      deviceToken: 'demo-kiosk-1',
      body,
      headers,
    });
    expect(first.status).toBe(200);
    expect(again.body).toEqual(first.body);
  });
});

describe('the socket transport after all this', () => {
  it('still serves a kiosk', async () => {
    const kiosk = await connectClient(base, { deviceToken: 'demo-kiosk-1' });
    ok(await send(kiosk, 'ticket:issue', issueBody));
    kiosk.close();
  });
});
