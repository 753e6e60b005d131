import type { SyncDigest, SyncReconcileRequest, SyncReconcileResult } from '@onestop/shared';
import type { Queryable } from './db';

// Per-day reconciliation: the hall sends, per business day and table, the count of its rows and
// an order-independent checksum of (record id, version); the center computes the same over what
// it holds and answers match or mismatch for each, so the hall re-sends what differs.

/** The checksum in SQL; the hall computes the same in JavaScript (sync/digest.ts). */
const ROW_HASH = `('x' || substr(md5(record_id || ':' || change_seq::text), 1, 15))::bit(60)::bigint`;
const MOD = '1152921504606846976'; // 2^60

export async function centerDigests(
  db: Queryable,
  hallId: string,
  days: readonly string[],
): Promise<Map<string, Map<string, SyncDigest>>> {
  const rows = await db.query<{ day: string; t: string; count: number; checksum: string }>(
    `SELECT business_day::text AS day, source_table AS t, count(*)::int AS count,
            (sum(${ROW_HASH}) % ${MOD})::text AS checksum
     FROM hall_records WHERE hall_id = $1 AND business_day = ANY($2::date[])
     GROUP BY business_day, source_table`,
    [hallId, days],
  );
  const out = new Map<string, Map<string, SyncDigest>>();
  for (const r of rows) {
    const perTable = out.get(r.day) ?? new Map<string, SyncDigest>();
    perTable.set(r.t, { count: Number(r.count), checksum: r.checksum });
    out.set(r.day, perTable);
  }
  return out;
}

const NONE: SyncDigest = { count: 0, checksum: '0' };

/** Every table either side has on each day the hall asked about, matched or not. */
export function compareDigests(
  request: SyncReconcileRequest,
  center: Map<string, Map<string, SyncDigest>>,
): SyncReconcileResult[] {
  const results: SyncReconcileResult[] = [];
  for (const { day, tables } of request.days) {
    const held = center.get(day) ?? new Map<string, SyncDigest>();
    const names = [...new Set([...Object.keys(tables), ...held.keys()])].sort();
    for (const table of names) {
      const hall = tables[table] ?? NONE;
      const there = held.get(table) ?? NONE;
      results.push({
        day,
        table,
        match: hall.count === there.count && hall.checksum === there.checksum,
        hall,
        center: there,
      });
    }
  }
  return results;
}

export async function reconcile(
  db: Queryable,
  hallId: string,
  request: SyncReconcileRequest,
): Promise<SyncReconcileResult[]> {
  const digests = await centerDigests(
    db,
    hallId,
    request.days.map((d) => d.day),
  );
  return compareDigests(request, digests);
}
