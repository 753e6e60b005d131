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
  const customerDay = db.prepare<[{ key: string; day: string; kindId: string }], { total: number }>(
    `SELECT COALESCE(SUM(amount), 0) AS total FROM remedy_grants
      WHERE customer_key = @key AND business_day = @day AND remedy_kind_id = @kindId AND ${COUNTED}`,
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
    /** A new grant, with the customer's whole key beside it (never sent to a device). */
    insertGrant(grant: RemedyGrant, seq: number, customerKey: string) {
      return grants.save(grant, seq, { customer_key: customerKey });
    },
    /** A grant's handling changed (decided, cancelled, reminded, expired). */
    saveGrant: (grant: RemedyGrant, seq: number) => grants.update(grant, seq),
    /** Of one kind, to one customer, on one business day, counted against the limits. */
    customerDayTotal: (key: string, day: string, kindId: string) =>
      customerDay.get({ key, day, kindId })?.total ?? 0,
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
