import type { HallReport } from '@onestop/shared';

// VIP account managers in the appraisal (大客户经理, issue 18 item 4): of the finished visits
// of each manager's VIPs in the range, how many the manager served themself and how many a
// colleague served. The manager is the customer's manager now (the list keeps no history).

export interface VipServiceFacts {
  /** The VIP's account manager (customers.account_manager_staff_id). */
  managerStaffId: string;
  /** Who served the finished visit. */
  servedByStaffId: string | null;
}

type ClerkRow = HallReport['clerks'][number];

/** The clerks' rows with their VIPs' visits served by themselves and by others. */
export function withClerkVips(rows: ClerkRow[], facts: readonly VipServiceFacts[]): ClerkRow[] {
  if (facts.length === 0) return rows;
  const own = new Map<string, number>();
  const others = new Map<string, number>();
  for (const f of facts) {
    const into = f.servedByStaffId === f.managerStaffId ? own : others;
    into.set(f.managerStaffId, (into.get(f.managerStaffId) ?? 0) + 1);
  }
  return rows.map((row) =>
    own.has(row.staffId) || others.has(row.staffId)
      ? {
          ...row,
          vipServedOwn: own.get(row.staffId) ?? 0,
          vipServedByOthers: others.get(row.staffId) ?? 0,
        }
      : row,
  );
}
