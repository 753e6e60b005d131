import { createHmac } from 'node:crypto';
import type { Gateway, OutgoingText } from './gateway';
import type { SendOutcome } from '../../domain/notifications';

// The webhook gateway: a POST of the text as JSON to the utility's SMS or WeChat platform,
// signed with a secret shared with it (docs/notifications.md, "The webhook"):
//
//   X-OneStop-Timestamp: <unix seconds>
//   X-OneStop-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with the secret>
//   Idempotency-Key: <notification id>   (the same on every retry: at-least-once delivery)
//
// 2xx: sent. 4xx other than 429: refused for good (a bad number, a bad request): failed, not
// tried again. 5xx, 429, a time-out or a network error: tried again after the backoff.
// Redirects are not followed (a text and a number must not wander to another host). Errors
// kept on the notification name the status or the failure, never the secret or the body.

export interface WebhookOptions {
  url: string;
  secret: string;
  /** Per attempt; default 10 s. */
  timeoutMs?: number;
  /** For tests: the clock of the timestamp header. */
  now?: () => number;
}

export const TIMESTAMP_HEADER = 'x-onestop-timestamp';
export const SIGNATURE_HEADER = 'x-onestop-signature';

/** `sha256=<hex>` of `<timestamp>.<body>` with `secret`: what the receiver recomputes. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function webhookBody(text: OutgoingText): string {
  const { id, purpose, phone, lang, createdAt } = text;
  return JSON.stringify({ id, purpose, phone, lang, text: text.text, createdAt });
}

function failureOf(err: unknown): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'))
    return 'timeout';
  const cause = err instanceof Error ? (err.cause as { code?: unknown } | undefined) : undefined;
  return `network${typeof cause?.code === 'string' ? `: ${cause.code}` : ''}`;
}

export function createWebhookGateway(options: WebhookOptions): Gateway {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const now = options.now ?? Date.now;
  return {
    name: 'webhook',
    async send(text): Promise<SendOutcome> {
      const body = webhookBody(text);
      const timestamp = String(Math.floor(now() / 1000));
      let status: number;
      try {
        const res = await fetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [TIMESTAMP_HEADER]: timestamp,
            [SIGNATURE_HEADER]: webhookSignature(options.secret, timestamp, body),
            'idempotency-key': text.id,
          },
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
        status = res.status;
        await res.body?.cancel().catch(() => undefined); // the answer's body is not read
      } catch (err) {
        return { kind: 'retry', error: failureOf(err) };
      }
      if (status >= 200 && status < 300) return { kind: 'sent' };
      if (status === 429 || status >= 500) return { kind: 'retry', error: `HTTP ${status}` };
      return { kind: 'refused', error: `HTTP ${status}` };
    },
  };
}
