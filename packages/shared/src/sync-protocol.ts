import { z } from 'zod';
import { BusinessDay, EpochMs } from './model';

// The wire between a hall and its regional center (the nightly upward sync). Every request is
// signed by the hall (see `syncSigningString`); the center answers `{ ok: true, data }` or
// `{ ok: false, code, message }` like the hall's own API.

/** A hall table's name as it travels: the center keeps any table a hall sends, unseen ones too. */
export const SyncTableName = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'a lower-case table name');

/** A column value as SQLite holds it in the synced tables (no blobs). */
export const SyncValue = z.union([z.string(), z.number(), z.null()]);
export type SyncValue = z.infer<typeof SyncValue>;

const isSyncValue = (v: unknown): v is SyncValue =>
  v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

/**
 * A record's columns: names of at most 64 characters, each value a SyncValue. One check over
 * the object rather than z.record(…, SyncValue): a night's batch has some 50,000 values, and
 * the per-value schema took four fifths of the center's time to check a batch.
 */
export const SyncColumns = z.custom<Record<string, SyncValue>>(
  (d) =>
    typeof d === 'object' &&
    d !== null &&
    !Array.isArray(d) &&
    Object.entries(d).every(([name, value]) => name.length <= 64 && isSyncValue(value)),
  { message: 'columns: names of at most 64 characters, values text, a finite number or null' },
);

/**
 * One record at one version. `id` is the record's key in its table (an append-only table's row
 * number, moved past any restore point); `v` its version, the change sequence number of the
 * command that last wrote it (0 for append-only rows, which never change); `day` the business
 * day it belongs to, fixed for the record's lifetime (the center partitions by it).
 */
export const SyncRow = z.strictObject({
  t: SyncTableName,
  id: z.string().min(1).max(200),
  day: BusinessDay,
  v: z.number().int().nonnegative(),
  d: SyncColumns,
});
export type SyncRow = z.infer<typeof SyncRow>;

/**
 * How far a table has been sent: every row whose (position, key) is at or before this. The
 * position is `change_seq` for versioned tables (key: the record id) and the row number for
 * append-only ones (key: '').
 */
export const SyncCursor = z.strictObject({
  pos: z.number().int().nonnegative(),
  key: z.string().max(200),
});
export type SyncCursor = z.infer<typeof SyncCursor>;

export const SYNC_MAX_BATCH_ROWS = 20_000;

/**
 * A batch: rows plus, for the tables it completes up to a point, the cursor it moves the center
 * to. The center stores rows and cursors in one transaction, so its cursors say exactly what it
 * holds. Re-sends (reconciliation repairs) carry no cursors.
 */
export const SyncBatch = z
  .strictObject({
    batchId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
    cursors: z.record(SyncTableName, SyncCursor),
    rows: z.array(SyncRow).max(SYNC_MAX_BATCH_ROWS),
  })
  .superRefine((batch, ctx) => {
    const seen = new Set<string>();
    batch.rows.forEach((row, i) => {
      const key = `${row.t}\u0000${row.id}`;
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          path: ['rows', i],
          message: `record ${row.t}/${row.id} appears twice in the batch`,
        });
      seen.add(key);
    });
  });
export type SyncBatch = z.infer<typeof SyncBatch>;

export const SyncBatchAck = z.object({
  batchId: z.string(),
  /** Rows in the batch. */
  received: z.number().int().nonnegative(),
  /** Rows that were new or newer than the center's copy; a repeated batch applies none. */
  applied: z.number().int().nonnegative(),
});
export type SyncBatchAck = z.infer<typeof SyncBatchAck>;

/** What the center holds for a hall: where to resume. */
export const SyncState = z.object({
  hallId: z.string(),
  cursors: z.record(SyncTableName, SyncCursor),
  lastBatchAt: EpochMs.nullable(),
});
export type SyncState = z.infer<typeof SyncState>;

/** Count and order-independent checksum of (id, version) over one table's rows of one day. */
export const SyncDigest = z.strictObject({
  count: z.number().int().nonnegative(),
  checksum: z.string().regex(/^\d{1,20}$/),
});
export type SyncDigest = z.infer<typeof SyncDigest>;

export const SyncReconcileRequest = z.strictObject({
  days: z
    .array(z.strictObject({ day: BusinessDay, tables: z.record(SyncTableName, SyncDigest) }))
    .max(400),
});
export type SyncReconcileRequest = z.infer<typeof SyncReconcileRequest>;

export const SyncReconcileResult = z.object({
  day: BusinessDay,
  table: SyncTableName,
  match: z.boolean(),
  hall: SyncDigest,
  center: SyncDigest,
});
export type SyncReconcileResult = z.infer<typeof SyncReconcileResult>;

export const SyncReconcileResponse = z.object({ results: z.array(SyncReconcileResult) });
export type SyncReconcileResponse = z.infer<typeof SyncReconcileResponse>;

export const SyncErrorCode = z.enum([
  'bad_signature',
  'unknown_hall',
  'stale_request',
  'replayed_request',
  'malformed_request',
  'too_large',
  'not_found',
  'unauthorized',
  'internal_error',
]);
export type SyncErrorCode = z.infer<typeof SyncErrorCode>;

export type SyncAck<T> =
  { ok: true; data: T } | { ok: false; code: SyncErrorCode; message: string };

/** Request headers of a signed hall request. */
export const SYNC_HEADERS = {
  hall: 'x-onestop-hall',
  timestamp: 'x-onestop-timestamp',
  nonce: 'x-onestop-nonce',
  signature: 'x-onestop-signature',
} as const;

/** How far a request's timestamp may be from the center's clock (and how long nonces are kept). */
export const SYNC_MAX_SKEW_MS = 5 * 60_000;

/**
 * What the hall signs with HMAC-SHA256 under its hall key: method, path (with query), timestamp,
 * nonce and the SHA-256 of the body, one per line. A replayed request reuses a nonce; an altered
 * one no longer matches.
 */
export function syncSigningString(parts: {
  method: string;
  path: string;
  timestamp: string;
  nonce: string;
  bodySha256: string;
}): string {
  return [
    parts.method.toUpperCase(),
    parts.path,
    parts.timestamp,
    parts.nonce,
    parts.bodySha256,
  ].join('\n');
}

/** One row of the regional office's cross-hall summary: a hall's business day. */
export const HallDaySummary = z.object({
  hallId: z.string(),
  day: BusinessDay,
  tickets: z.number().int().nonnegative(),
  served: z.number().int().nonnegative(),
  noShows: z.number().int().nonnegative(),
  /** Seconds from issue to first call, over tickets that were called. */
  waitMeanSec: z.number().nullable(),
  waitP90Sec: z.number().nullable(),
  rated: z.number().int().nonnegative(),
  /** (very) satisfied over rated evaluations; null when none was rated. */
  satisfactionRate: z.number().nullable(),
  dissatisfied: z.number().int().nonnegative(),
  opinions: z.number().int().nonnegative(),
});
export type HallDaySummary = z.infer<typeof HallDaySummary>;
