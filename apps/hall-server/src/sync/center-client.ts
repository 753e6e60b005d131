import {
  SYNC_HEADERS,
  SyncBatchAck,
  SyncReconcileResponse,
  SyncState,
  syncRoutes,
  syncSigningString,
  type SyncBatch,
  type SyncReconcileRequest,
} from '@onestop/shared';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { setTimeout as sleepFor } from 'node:timers/promises';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import pRetry, { AbortError } from 'p-retry';
import type { z } from 'zod';
import { REQUEST_BACKOFF, retryDelay, type Backoff } from './backoff';

// The hall's side of the wire to the regional center: every request signed with the hall key
// (HMAC-SHA256 over method, path, timestamp, nonce and body hash), retried with backoff and
// jitter when the network or the center fails, never when the center refuses the request.

export interface CenterClientOptions {
  /** The center's base URL, http(s)://host[:port][/prefix]. */
  url: string;
  hallId: string;
  key: string;
  /** Per request. */
  timeoutMs?: number;
  /** Tries per request before the run gives up (it is retried as a whole later). */
  attempts?: number;
  backoff?: Backoff;
  random?: () => number;
  /** Aborts waits and requests when the hall shuts down. */
  signal?: AbortSignal;
  fetch?: typeof fetch;
  clock?: () => number;
}

const gzipAsync = promisify(gzip);
const GZIP_OVER_BYTES = 16 * 1024;

export class CenterError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export function signRequest(
  key: string,
  request: {
    method: string;
    path: string;
    body: string | Uint8Array;
    timestamp: number;
    nonce: string;
  },
): string {
  const bodySha256 = createHash('sha256').update(request.body).digest('hex');
  return createHmac('sha256', key)
    .update(
      syncSigningString({
        method: request.method,
        path: request.path,
        timestamp: String(request.timestamp),
        nonce: request.nonce,
        bodySha256,
      }),
    )
    .digest('hex');
}

/** A request as the hall sends it: the signed headers for this moment, and the body. */
export function signedRequest(
  options: Pick<CenterClientOptions, 'url' | 'hallId' | 'key'>,
  request: { method: 'GET' | 'POST'; route: string; body: Uint8Array; gzipped: boolean },
  timestamp: number,
): { url: URL; init: RequestInit & { headers: Record<string, string> } } {
  const base = new URL(options.url);
  const path = `${base.pathname.replace(/\/+$/, '')}${request.route}`;
  const nonce = randomBytes(16).toString('hex');
  const { method, body } = request;
  const signature = signRequest(options.key, { method, path, body, timestamp, nonce });
  return {
    url: new URL(path, base),
    init: {
      method,
      headers: {
        [SYNC_HEADERS.hall]: options.hallId,
        [SYNC_HEADERS.timestamp]: String(timestamp),
        [SYNC_HEADERS.nonce]: nonce,
        [SYNC_HEADERS.signature]: signature,
        ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
        ...(request.gzipped ? { 'content-encoding': 'gzip' } : {}),
      },
      ...(method === 'POST' ? { body } : {}),
    },
  };
}

/** A request body as the hall sends it: JSON, gzipped when over 16 KiB. */
export async function requestBody(
  method: 'GET' | 'POST',
  body: unknown,
): Promise<{ body: Uint8Array; gzipped: boolean }> {
  // Batches are JSON of a few megabytes that compresses about tenfold: gzip spares the WAN.
  const text = Buffer.from(method === 'POST' ? JSON.stringify(body) : '');
  const gzipped = text.length > GZIP_OVER_BYTES;
  return { body: gzipped ? await gzipAsync(text) : text, gzipped };
}

export function createCenterClient(options: CenterClientOptions) {
  new URL(options.url); // a bad address fails here, not at the first request
  const doFetch = options.fetch ?? fetch;
  const attempts = options.attempts ?? 6;
  const backoff = options.backoff ?? REQUEST_BACKOFF;
  const random = options.random ?? Math.random;
  const clock = options.clock ?? Date.now;

  async function once<T>(
    method: 'GET' | 'POST',
    route: string,
    body: Uint8Array,
    gzipped: boolean,
    schema: z.ZodType<T>,
  ): Promise<T> {
    const { url, init } = signedRequest(options, { method, route, body, gzipped }, clock());
    const signals = [AbortSignal.timeout(options.timeoutMs ?? 60_000)];
    if (options.signal) signals.push(options.signal);
    let res: Response;
    try {
      res = await doFetch(url, { ...init, signal: AbortSignal.any(signals) });
    } catch (err) {
      throw new CenterError('unreachable', `the center did not answer: ${describe(err)}`, true);
    }
    let payload: unknown;
    try {
      payload = await res.json();
    } catch (err) {
      throw new CenterError(
        'bad_response',
        `the center answered ${res.status} without a readable body: ${describe(err)}`,
        true,
      );
    }
    const ack = payload as { ok?: boolean; data?: unknown; code?: string; message?: string };
    if (res.ok && ack.ok === true) {
      const parsed = schema.safeParse(ack.data);
      if (parsed.success) return parsed.data;
      throw new CenterError('bad_response', 'the center answered with an unexpected body', false);
    }
    const retryable = res.status >= 500 || res.status === 429;
    throw new CenterError(
      ack.code ?? `http_${res.status}`,
      `the center refused (${res.status} ${ack.code ?? ''}): ${ack.message ?? res.statusText}`,
      retryable,
    );
  }

  async function request<T>(
    method: 'GET' | 'POST',
    route: string,
    body: unknown,
    schema: z.ZodType<T>,
  ): Promise<T> {
    const { body: payload, gzipped } = await requestBody(method, body);
    // p-retry counts the tries and ends the waiting when the hall shuts down; the delay is the
    // hall's own equal-jitter backoff (backoff.ts, the same as between whole runs, with the
    // injectable random draw), taken in onFailedAttempt, so p-retry's own timer is off.
    return pRetry(
      async () => {
        try {
          return await once(method, route, payload, gzipped, schema);
        } catch (err) {
          if (err instanceof CenterError && err.retryable) throw err;
          throw new AbortError(err instanceof Error ? err : String(err)); // a refusal: no retry
        }
      },
      {
        retries: Math.max(0, attempts - 1),
        minTimeout: 0,
        signal: options.signal,
        onFailedAttempt: async ({ attemptNumber, retriesLeft }) => {
          if (retriesLeft === 0) return;
          await sleepFor(retryDelay(attemptNumber - 1, backoff, random), undefined, {
            signal: options.signal,
          }).catch(() => undefined); // aborted: p-retry then rejects with the abort's reason
        },
      },
    );
  }

  return {
    state: () => request('GET', syncRoutes.state(options.hallId), null, SyncState),
    sendBatch: (batch: SyncBatch) =>
      request('POST', syncRoutes.batches(options.hallId), batch, SyncBatchAck),
    reconcile: (req: SyncReconcileRequest) =>
      request('POST', syncRoutes.reconcile(options.hallId), req, SyncReconcileResponse),
  };
}

export type CenterClient = ReturnType<typeof createCenterClient>;

function describe(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as { cause?: unknown }).cause;
    return cause instanceof Error ? `${err.message} (${cause.message})` : err.message;
  }
  return String(err);
}
