import type { RemedyGrant } from '@onestop/shared';
import type { Db } from './db';
import { recordTable } from './record-table';
import { remedyGrants, remedyKinds } from './records';

/** What the limits count: grants given, or on their way to being given. */
const COUNTED = "state IN ('granted', 'approved', 'pending')";

/** The remedy catalogue and the grants made from it. */
export function createRemediesRepo(db: Db) {
  const kinds = recordTable(db, remedyKinds);
  const grants = recordTable(db, remedyGrants);
  const dayGrants = db.prepare<
    [{ day: string; kindId: string }],
    { id: string; amount: number; key: string }
  >(
    `SELECT g.id, g.amount, k.customer_key AS key FROM remedy_grants g
      JOIN remedy_grant_customers k ON k.grant_id = g.id
      WHERE g.business_day = @day AND g.remedy_kind_id = @kindId AND ${COUNTED}`,
  );
  const addKey = db.prepare<[string, string]>(
    'INSERT OR IGNORE INTO remedy_grant_customers (grant_id, customer_key) VALUES (?, ?)',
  );
  const staffMonth = db.prepare<
    [{ staffId: string; month: string; kindId: string }],
    { total: number }
  >(
    `SELECT COALESCE(SUM(amount), 0) AS total FROM remedy_grants
      WHERE granted_by_staff_id = @staffId AND business_day >= @month || '-01'
      AND business_day <= @month || '-31' AND remedy_kind_id = @kindId AND ${COUNTED}`,
  );
  const anyOfKind = db.prepare<[string], { one: number }>(
    'SELECT 1 AS one FROM remedy_grants WHERE remedy_kind_id = ? LIMIT 1',
  );
  return {
    kindById: kinds.byKey,
    kindsChangedSince: kinds.changedSince,
    saveKind: kinds.save,
    allKinds: kinds.select('ORDER BY sort_order, id'),

    grantById: grants.byKey,
    grantsChangedSince: grants.changedSince,
    /**
     * A new grant, with every identifier of its customer beside it (migration 018; whole phone
     * and account number, never sent to a device). The first is kept as `customer_key` too.
     */
    insertGrant(grant: RemedyGrant, seq: number, customerKeys: readonly string[]) {
      const saved = grants.save(grant, seq, {
        customer_key: customerKeys[0] ?? `grant:${grant.id}`,
      });
      for (const key of customerKeys) addKey.run(grant.id, key);
      return saved;
    },
    /** A grant's handling changed (decided, cancelled, reminded, expired). */
    saveGrant: (grant: RemedyGrant, seq: number) => grants.update(grant, seq),
    /** Of one kind, on one business day, counted against the limits: each with its customer's identifiers. */
    customerGrantsOfDay(day: string, kindId: string): { keys: string[]; amount: number }[] {
      const byId = new Map<string, { keys: string[]; amount: number }>();
      for (const row of dayGrants.all({ day, kindId })) {
        const g = byId.get(row.id) ?? { keys: [], amount: row.amount };
        g.keys.push(row.key);
        byId.set(row.id, g);
      }
      return [...byId.values()];
    },
    /** Of one kind, by one staff member, in one month (`YYYY-MM`), counted against the limits. */
    staffMonthTotal: (staffId: string, month: string, kindId: string) =>
      staffMonth.get({ staffId, month, kindId })?.total ?? 0,
    anyGrantOf: (kindId: string) => anyOfKind.get(kindId) !== undefined,
    pending: grants.select("WHERE state = 'pending' ORDER BY requested_at"),
    /** Pending, or made on `day`: a snapshot's. */
    current: grants.select<[string]>(
      "WHERE state = 'pending' OR business_day = ? ORDER BY requested_at",
    ),
    /** Made on business days [from, to], of one granter or all; newest first. */
    between: grants.select<[{ from: string; to: string; staffId: string | null }]>(
      `WHERE business_day >= @from AND business_day <= @to
      AND (@staffId IS NULL OR granted_by_staff_id = @staffId)
      ORDER BY requested_at DESC LIMIT 500`,
    ),
    /** Every grant of business days [from, to], for the reports. */
    ofDays: grants.select<[{ from: string; to: string }]>(
      'WHERE business_day >= @from AND business_day <= @to ORDER BY requested_at',
    ),
  };
}
