import type { HallReport } from '@onestop/shared';
import { round } from './figures';

// Spot checks in the appraisal (抽查, issue 19): per clerk, the checks made in the range and
// the mean of their total percentages.

export interface SpotCheckFacts {
  staffId: string;
  totalPct: number;
}

export const spotCheckFactsSql = `SELECT staff_id AS staffId, total_pct AS totalPct
  FROM spot_checks WHERE business_day BETWEEN ? AND ?`;

type ClerkRow = HallReport['clerks'][number];

/** The mean of whole percentages, to one decimal; null of none. */
export function meanPct(pcts: readonly number[]): number | null {
  return pcts.length === 0 ? null : round(pcts.reduce((s, p) => s + p, 0) / pcts.length);
}

/** The clerks' rows with their spot checks (rows of clerks never checked are left as they are). */
export function withClerkSpotChecks(
  rows: ClerkRow[],
  facts: readonly SpotCheckFacts[],
): ClerkRow[] {
  if (facts.length === 0) return rows;
  const byStaff = new Map<string, number[]>();
  for (const f of facts) byStaff.set(f.staffId, [...(byStaff.get(f.staffId) ?? []), f.totalPct]);
  return rows.map((row) => {
    const pcts = byStaff.get(row.staffId);
    const avg = pcts ? meanPct(pcts) : null;
    return pcts && avg !== null ? { ...row, spotChecks: pcts.length, spotCheckAvgPct: avg } : row;
  });
}
