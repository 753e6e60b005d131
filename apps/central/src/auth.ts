import {
  SYNC_HEADERS,
  SYNC_MAX_SKEW_MS,
  syncSigningString,
  type SyncErrorCode,
} from '@onestop/shared';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Queryable } from './db';

// Hall requests are signed: HMAC-SHA256 under the hall's key over method, path, timestamp,
// nonce and the body's SHA-256. The center recomputes it (an altered request no longer matches),
// refuses a timestamp outside the allowed skew, and refuses a nonce it has seen (a replay).

/** Accepted with the request's nonce (to refuse a replay), or refused. */
export type Verdict =
  { ok: true; nonce: string } | { ok: false; code: SyncErrorCode; message: string };

export interface SignedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function header(req: SignedRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Checks a request's signature and freshness against the key of the hall it names. */
export function verifySignature(
  req: SignedRequest,
  hallId: string,
  keyOf: (hallId: string) => string | null,
  now: number,
): Verdict {
  const claimed = header(req, SYNC_HEADERS.hall);
  const timestamp = header(req, SYNC_HEADERS.timestamp);
  const nonce = header(req, SYNC_HEADERS.nonce);
  const signature = header(req, SYNC_HEADERS.signature);
  if (!claimed || !timestamp || !nonce || !signature)
    return { ok: false, code: 'bad_signature', message: 'the request is not signed' };
  if (claimed !== hallId)
    return { ok: false, code: 'bad_signature', message: 'the request is signed for another hall' };
  const key = keyOf(hallId);
  if (!key)
    return { ok: false, code: 'unknown_hall', message: `no hall "${hallId}" is registered` };
  if (!/^\d{1,15}$/.test(timestamp) || Math.abs(now - Number(timestamp)) > SYNC_MAX_SKEW_MS)
    return {
      ok: false,
      code: 'stale_request',
      message: 'the request time is too far from the center’s clock (check the hall’s clock)',
    };
  if (!/^[0-9a-f]{16,64}$/.test(nonce))
    return { ok: false, code: 'bad_signature', message: 'the nonce is malformed' };
  const expected = createHmac('sha256', key)
    .update(
      syncSigningString({
        method: req.method,
        path: req.path,
        timestamp,
        nonce,
        bodySha256: createHash('sha256').update(req.body).digest('hex'),
      }),
    )
    .digest();
  const given = Buffer.from(/^[0-9a-f]{64}$/.test(signature) ? signature : '', 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, code: 'bad_signature', message: 'the signature does not match' };
  return { ok: true, nonce };
}

/** Remembers nonces for the allowed skew (in the database, so a restart forgets none). */
export function nonceStore(db: Queryable) {
  let lastPrune = 0;
  return {
    /** False when the nonce was seen before: a replay. */
    async remember(hallId: string, nonce: string, now: number): Promise<boolean> {
      if (now - lastPrune > 60_000) {
        lastPrune = now;
        await db.run(
          `DELETE FROM request_nonces WHERE seen_at < now() - interval '${2 * SYNC_MAX_SKEW_MS} milliseconds'`,
        );
      }
      const added = await db.run(
        'INSERT INTO request_nonces (hall_id, nonce) VALUES ($1, $2) ON CONFLICT DO NOTHING',
        [hallId, nonce],
      );
      return added === 1;
    },
  };
}
