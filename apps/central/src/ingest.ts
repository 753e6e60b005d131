import type { SyncBatch, SyncBatchAck, SyncCursor, SyncRow } from '@onestop/shared';
import pRetry from 'p-retry';
import type { CentralDb, Transaction } from './db';
import { addDays, partitionName } from './days';

// Storing a hall's batch: every row upserted by (hall, table, record id) — a newer version
// (higher change_seq) replaces an older one, never the reverse, so a repeated or overlapping
// batch changes nothing — and the hall's cursors moved forward, in one transaction. Into a
// PostgreSQL server the rows go by COPY: straight into the records when they are all new, else
// into a staging table and one INSERT … ON CONFLICT; into PGlite by one INSERT … SELECT FROM
// unnest(…) per batch.

/**
 * copy: COPY straight into the records when every row is new, else COPY into a staging table
 * and INSERT … ON CONFLICT (a server's default); copy-upsert: always the staging table and the
 * upsert (kept for the benchmark's comparison); insert: one INSERT … SELECT FROM unnest (PGlite).
 */
export type IngestMethod = 'copy' | 'copy-upsert' | 'insert';

const UNIQUE_VIOLATION = '23505';
/** A row fits no partition (check_violation): its day's partition is gone. */
const partitionMissing = (err: unknown) => pgCode(err) === '23514';

/** PostgreSQL's SQLSTATE of a failed query, if it is one. */
export function pgCode(err: unknown): string | undefined {
  return err instanceof Error && 'code' in err && typeof err.code === 'string'
    ? err.code
    : undefined;
}
const RECORD_COLUMNS = '(hall_id, business_day, source_table, record_id, change_seq, data)';

const UPSERT_TAIL = `ON CONFLICT (hall_id, business_day, source_table, record_id) DO UPDATE
  SET change_seq = EXCLUDED.change_seq, data = EXCLUDED.data, received_at = now()
  WHERE hall_records.change_seq < EXCLUDED.change_seq`;

/** jsonb holds no U+0000; a hall text that has one keeps a visible replacement instead. */
export function rowJson(row: SyncRow): string {
  const json = JSON.stringify(row.d);
  return json.includes('\\u0000')
    ? JSON.stringify(row.d, (_k, v: unknown) =>
        typeof v === 'string' ? v.replaceAll('\u0000', '\uFFFD') : v,
      )
    : json;
}

/** A value in COPY's text format. */
export function copyField(value: string): string {
  // JSON text may have backslashes but never a raw tab or line break: the common case is a
  // few quick scans and at most one replaceAll (this runs for every row of a night).
  const escaped = value.includes('\\') ? value.replaceAll('\\', '\\\\') : value;
  if (!escaped.includes('\t') && !escaped.includes('\n') && !escaped.includes('\r')) return escaped;
  return escaped.replace(/[\t\n\r]/g, (c) => (c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

export function copyLines(hallId: string, rows: readonly SyncRow[]): Iterable<string> {
  const hall = copyField(hallId);
  return (function* () {
    // A few hundred rows per chunk: fewer, larger writes to the socket.
    let chunk = '';
    let n = 0;
    for (const r of rows) {
      chunk += `${hall}\t${r.day}\t${r.t}\t${copyField(r.id)}\t${r.v}\t${copyField(rowJson(r))}\n`;
      if (++n % 500 === 0) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  })();
}

export async function upsertRows(
  tx: Transaction,
  hallId: string,
  rows: readonly SyncRow[],
  method: IngestMethod,
): Promise<number> {
  if (rows.length === 0) return 0;
  if (method !== 'insert' && tx.copyFrom) {
    const lines = [...copyLines(hallId, rows)];
    if (method === 'copy') {
      // A night's batch is almost always new rows only: COPY them straight into the records,
      // about a third cheaper than staging them and upserting (docs/benchmarks.md). When any
      // row is already there (a repeated or overlapping batch, a record changed after it was
      // sent) the primary key refuses the COPY, the savepoint undoes it, and the upsert runs.
      await tx.query('SAVEPOINT new_rows');
      try {
        await tx.copyFrom(`COPY hall_records ${RECORD_COLUMNS} FROM STDIN`, lines);
        await tx.query('RELEASE SAVEPOINT new_rows');
        return rows.length;
      } catch (err) {
        if (pgCode(err) !== UNIQUE_VIOLATION) throw err;
        await tx.query('ROLLBACK TO SAVEPOINT new_rows');
      }
    }
    // One staging table per connection, emptied at every commit.
    await tx.query(`CREATE TEMP TABLE IF NOT EXISTS sync_staging (
      hall_id text, business_day date, source_table text, record_id text, change_seq bigint,
      data jsonb) ON COMMIT DELETE ROWS`);
    await tx.copyFrom(`COPY sync_staging ${RECORD_COLUMNS} FROM STDIN`, lines);
    return tx.run(`INSERT INTO hall_records ${RECORD_COLUMNS}
      SELECT hall_id, business_day, source_table, record_id, change_seq, data FROM sync_staging
      ${UPSERT_TAIL}`);
  }
  return tx.run(
    `INSERT INTO hall_records (hall_id, business_day, source_table, record_id, change_seq, data)
     SELECT $1, d::date, t, id, v, data::jsonb
     FROM unnest($2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[]) AS u(d, t, id, v, data)
     ${UPSERT_TAIL}`,
    [
      hallId,
      rows.map((r) => r.day),
      rows.map((r) => r.t),
      rows.map((r) => r.id),
      rows.map((r) => r.v),
      rows.map(rowJson),
    ],
  );
}

export async function advanceCursors(
  tx: Transaction,
  hallId: string,
  cursors: Record<string, SyncCursor>,
): Promise<void> {
  const entries = Object.entries(cursors);
  if (entries.length === 0) return;
  // Only forward: a late duplicate of an earlier batch never moves a cursor back.
  await tx.run(
    `INSERT INTO hall_cursors (hall_id, source_table, pos, key)
     SELECT $1, t, p, k FROM unnest($2::text[], $3::bigint[], $4::text[]) AS u(t, p, k)
     ON CONFLICT (hall_id, source_table) DO UPDATE
       SET pos = EXCLUDED.pos, key = EXCLUDED.key, updated_at = now()
       WHERE (hall_cursors.pos, hall_cursors.key) < (EXCLUDED.pos, EXCLUDED.key)`,
    [hallId, entries.map(([t]) => t), entries.map(([, c]) => c.pos), entries.map(([, c]) => c.key)],
  );
}

/** Creates the day partitions a batch needs; remembers the ones that exist. */
export function partitionKeeper(db: CentralDb) {
  const known = new Set<string>();
  return {
    async ensure(days: Iterable<string>): Promise<void> {
      for (const day of new Set(days)) {
        if (known.has(day)) continue;
        try {
          await db.query(
            `CREATE TABLE IF NOT EXISTS ${partitionName(day)} PARTITION OF hall_records
             FOR VALUES FROM ('${day}') TO ('${addDays(day, 1)}')`,
          );
        } catch (err) {
          // Another ingest created it at the same moment.
          const code = pgCode(err);
          if (code !== '42P07' && code !== '23505') throw err;
        }
        known.add(day);
      }
    },
    forget(): void {
      known.clear();
    },
  };
}
export type PartitionKeeper = ReturnType<typeof partitionKeeper>;

export async function storeBatch(
  db: CentralDb,
  partitions: PartitionKeeper,
  hallId: string,
  batch: SyncBatch,
  method: IngestMethod = db.engine === 'postgres' ? 'copy' : 'insert',
): Promise<SyncBatchAck> {
  const attempt = async (): Promise<number> => {
    await partitions.ensure(batch.rows.map((r) => r.day));
    return db.transaction(async (tx) => {
      // Rows and cursors commit together, so a crash that loses the last commits loses both:
      // the hall resumes from the older cursor and sends them again. No need to wait for the
      // WAL flush before answering.
      if (db.engine === 'postgres') await tx.query('SET LOCAL synchronous_commit = off');
      const applied = await upsertRows(tx, hallId, batch.rows, method);
      await advanceCursors(tx, hallId, batch.cursors);
      await tx.run(
        `INSERT INTO hall_batches (hall_id, batch_id, row_count, applied) VALUES ($1, $2, $3, $4)
         ON CONFLICT (hall_id, batch_id) DO UPDATE
           SET deliveries = hall_batches.deliveries + 1, last_received_at = now()`,
        [hallId, batch.batchId, batch.rows.length, applied],
      );
      return applied;
    });
  };
  // A partition dropped behind our back (an operator, a test): create it again, once.
  const applied = await pRetry(attempt, {
    retries: 1,
    minTimeout: 0,
    onFailedAttempt: ({ error }) => {
      if (partitionMissing(error)) partitions.forget();
    },
    shouldRetry: ({ error }) => partitionMissing(error),
  });
  return { batchId: batch.batchId, received: batch.rows.length, applied };
}
