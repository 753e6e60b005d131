import { hoursBetween, percentile, type CaseType, type HallReport } from '@onestop/shared';
import type { CaseFacts, OpinionFacts } from './facts';
import { ascending, mean, round, share } from './figures';

// What followed the visits: opinions (by category and source, how fast they were closed, which
// are past due) and cases (opened, closed on time, open and overdue, in all and by type).

/**
 * An opinion should be answered within this many hours (the hall's 72-hour reply rule for
 * 监督箱 opinions); one still open longer at the end of the range is past due.
 */
export const OPINION_DUE_HOURS = 72;

/** Opinions raised in the range, judged at `asOf` (the end of the range, or now if sooner). */
export function opinionsReport(opinions: OpinionFacts[], asOf: number): HallReport['opinions'] {
  const byCategory = { complaint: 0, suggestion: 0, praise: 0, correction: 0 };
  const bySource: Record<string, number> = {};
  const hoursToClose: number[] = [];
  for (const o of opinions) {
    byCategory[o.category]++;
    bySource[o.source] = (bySource[o.source] ?? 0) + 1;
    if (o.closedAt !== null) hoursToClose.push(hoursBetween(o.createdAt, o.closedAt));
  }
  ascending(hoursToClose);
  const closed = hoursToClose.length;
  const pastDue = (o: OpinionFacts) =>
    o.closedAt === null && asOf - o.createdAt > OPINION_DUE_HOURS * 3_600_000;
  return {
    total: opinions.length,
    byCategory,
    bySource,
    closed,
    meanHoursToClose: closed === 0 ? null : round(mean(hoursToClose), 2),
    p90HoursToClose: closed === 0 ? null : round(percentile(hoursToClose, 90), 2),
    open: opinions.length - closed,
    openPastDue: opinions.filter(pastDue).length,
    dueHours: OPINION_DUE_HOURS,
    repeated: opinions.filter((o) => o.repeated).length,
  };
}

interface CaseCounts {
  opened: number;
  closed: number;
  onTime: number;
  open: number;
  overdue: number;
}

const caseCounts = (): CaseCounts => ({ opened: 0, closed: 0, onTime: 0, open: 0, overdue: 0 });

/**
 * 工单按期率: of the cases whose limit was put to the test in the range (closed in it, or still
 * open past their due date at its end), the share closed completed by their due date. Null
 * only when there is no such case.
 */
export const withRate = (c: CaseCounts) => ({
  ...c,
  onTimeRate: c.closed + c.overdue === 0 ? null : share(c.onTime, c.closed + c.overdue),
});

/**
 * Cases in all and by type: opened in the range; closed in it (on time or late); open at its
 * end, and of those overdue. A case opened earlier counts for the closed, open and overdue.
 * Types in the hall's order, then those it no longer lists (named by their id).
 */
export function casesReport(cases: CaseFacts[], caseTypes: CaseType[]): HallReport['cases'] {
  const total = caseCounts();
  const byType = new Map<string, CaseCounts>();
  for (const c of cases) {
    let type = byType.get(c.caseTypeId);
    if (type === undefined) byType.set(c.caseTypeId, (type = caseCounts()));
    for (const counts of [total, type]) {
      if (c.openedInRange) counts.opened++;
      if (c.closedOnTime === null) counts.open++;
      else counts.closed++;
      if (c.closedOnTime === true) counts.onTime++;
      if (c.overdue) counts.overdue++;
    }
  }
  const known = new Map(caseTypes.map((t) => [t.id, t]));
  const unknown = [...byType.keys()].filter((id) => !known.has(id)).sort();
  const order = [...caseTypes.map((t) => t.id).filter((id) => byType.has(id)), ...unknown];
  return {
    ...withRate(total),
    byType: order.map((id) => ({
      caseTypeId: id,
      nameZh: known.get(id)?.nameZh ?? id,
      nameEn: known.get(id)?.nameEn ?? id,
      ...withRate(byType.get(id) ?? caseCounts()),
    })),
  };
}
