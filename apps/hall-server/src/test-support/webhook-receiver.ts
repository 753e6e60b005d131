import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A test stand-in for the utility's SMS platform: an HTTP server on loopback that checks each
// notification's signature the way docs/notifications.md tells a receiver to, keeps what it
// received, and answers as the test says (200, 500, 400, or never).

export interface Received {
  body: {
    id: string;
    purpose: string;
    phone: string;
    lang: string;
    text: string;
    createdAt: number;
  };
  raw: string;
  timestamp: string;
  signature: string;
  idempotencyKey: string | undefined;
  /** The signature recomputed with the shared secret matches, and the timestamp is recent. */
  valid: boolean;
  at: number;
}

export type Answer = number | 'hang';

/** The receiver's check, as documented: HMAC-SHA256 of "<timestamp>.<raw body>". */
export function verifySignature(secret: string, timestamp: string, raw: string, header: string) {
  const expected = Buffer.from(
    `sha256=${createHmac('sha256', secret).update(`${timestamp}.${raw}`).digest('hex')}`,
  );
  const given = Buffer.from(header);
  const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
  return fresh && given.length === expected.length && timingSafeEqual(given, expected);
}

export async function startWebhookReceiver(secret: string) {
  const received: Received[] = [];
  /** Answers in order; once used up, 200. */
  const answers: Answer[] = [];
  const waiters: (() => void)[] = [];
  const hanging: ServerResponse[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const timestamp = String(req.headers['x-onestop-timestamp'] ?? '');
      const signature = String(req.headers['x-onestop-signature'] ?? '');
      received.push({
        body: JSON.parse(raw) as Received['body'],
        raw,
        timestamp,
        signature,
        idempotencyKey: req.headers['idempotency-key'] as string | undefined,
        valid: verifySignature(secret, timestamp, raw, signature),
        at: Date.now(),
      });
      for (const w of waiters.splice(0)) w();
      const answer = answers.shift() ?? 200;
      if (answer === 'hang') {
        hanging.push(res);
        return;
      }
      res.writeHead(answer, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/notify`,
    received,
    answers,
    /** Resolves once `count` requests in all have arrived. */
    async waitFor(count: number, timeoutMs = 10_000): Promise<Received[]> {
      const until = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > until) throw new Error(`receiver got ${received.length} of ${count}`);
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 100);
        });
      }
      return received;
    },
    async close(): Promise<void> {
      for (const res of hanging.splice(0)) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
