import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../../test-support/webhook-receiver';
import { createWebhookGateway, webhookBody, webhookSignature } from './webhook';

// The webhook gateway's reading of each answer (docs/notifications.md, "The webhook"): what is
// sent, what is tried again and what is failed for good.

const SECRET = 'a-secret-of-sufficient-length';
const text = {
  id: 'n-1',
  purpose: 'called' as const,
  phone: '13800138000',
  lang: 'zh' as const,
  text: '请A001号到1号窗口办理',
  createdAt: 1_796_290_320_000,
};

let server: Server;
let base = '';
const seen: { headers: Record<string, unknown>; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      seen.push({ headers: req.headers, body });
      const status = Number(req.url!.slice(1));
      if (req.url === '/hang') return; // never answers
      if (status === 302) res.writeHead(302, { location: 'http://example.invalid/' }).end();
      else res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const send = (path: string, timeoutMs = 2000) =>
  createWebhookGateway({ url: `${base}/${path}`, secret: SECRET, timeoutMs }).send(text);

describe('the webhook gateway', () => {
  it.each([
    ['200', { kind: 'sent' }],
    ['204', { kind: 'sent' }],
    ['400', { kind: 'refused', error: 'HTTP 400' }],
    ['404', { kind: 'refused', error: 'HTTP 404' }],
    ['429', { kind: 'retry', error: 'HTTP 429' }],
    ['500', { kind: 'retry', error: 'HTTP 500' }],
    ['503', { kind: 'retry', error: 'HTTP 503' }],
    ['302', { kind: 'refused', error: 'HTTP 302' }], // a redirect is not followed
  ])('answer %s → %o', async (path, outcome) => {
    expect(await send(path)).toEqual(outcome);
  });

  it('a receiver that never answers: a time-out, tried again', async () => {
    expect(await send('hang', 300)).toEqual({ kind: 'retry', error: 'timeout' });
  });

  it('nobody listening: a network error, tried again', async () => {
    const gone = createWebhookGateway({ url: 'http://127.0.0.1:9/x', secret: SECRET });
    expect(await gone.send(text)).toMatchObject({
      kind: 'retry',
      error: expect.stringMatching(/^network/),
    });
  });

  it('signs "<timestamp>.<body>" and names the notification as the idempotency key', async () => {
    await send('200');
    const last = seen.at(-1)!;
    const timestamp = String(last.headers['x-onestop-timestamp']);
    const signature = String(last.headers['x-onestop-signature']);
    expect(last.body).toBe(webhookBody(text));
    expect(JSON.parse(last.body)).toEqual(text);
    expect(signature).toBe(webhookSignature(SECRET, timestamp, last.body));
    expect(verifySignature(SECRET, timestamp, last.body, signature)).toBe(true);
    expect(verifySignature('another-secret-entirely', timestamp, last.body, signature)).toBe(false);
    expect(last.headers['idempotency-key']).toBe('n-1');
    expect(JSON.stringify(last.headers)).not.toContain(SECRET);
  });
});
