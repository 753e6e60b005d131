import type { CaseType, HallReport, PromiseChange, PromiseReport } from '@onestop/shared';
import { promiseOutcome, type PromiseFacts } from '../domain/promises';

// 承诺 in the reports (issue 18 item 2): the promises settled in a range — kept on time, kept
// after a change the customer was told of in time, re-set too late, broken untold — overall,
// per case type, for support tasks, and per owner for the appraisal. Pure, over the facts
// queries.ts reads.

/** A case's or a support task's promise as the report reads it. */
export interface PromiseRowFacts extends PromiseFacts {
  kind: 'case' | 'task';
  ownerStaffId: string;
  /** A case's type; null for a task. */
  caseTypeId: string | null;
}

type Settled = 'kept' | 'kept_after_change' | 'broken_told_late' | 'broken_untold';

/**
 * The outcome of a promise settled in the range [fromMs, toMs) as of `asOf`, or null: a closed
 * one counts when it closed in the range; an open one once broken, when it broke in the range
 * (its current time passed, or a late change was made). Void and pending ones are not counted.
 */
export function settledOutcome(
  p: PromiseFacts,
  range: { fromMs: number; toMs: number; asOf: number },
): Settled | null {
  const outcome = promiseOutcome(p, p.closedAt ?? range.asOf);
  if (outcome === 'pending' || outcome === 'void') return null;
  const settledAt = p.closedAt ?? brokeAt(p, outcome);
  return settledAt >= range.fromMs && settledAt < range.toMs ? outcome : null;
}

function brokeAt(p: PromiseFacts, outcome: Settled): number {
  const late = p.promiseChanges.find((c) => c.at > c.fromDueAt);
  if (outcome === 'broken_told_late' && late) return late.at;
  return p.dueAt;
}

type Counts = Pick<PromiseReport, 'kept' | 'keptAfterChange' | 'brokenToldLate' | 'brokenUntold'>;
const zero = (): Counts => ({ kept: 0, keptAfterChange: 0, brokenToldLate: 0, brokenUntold: 0 });
const field: Record<Settled, keyof Counts> = {
  kept: 'kept',
  kept_after_change: 'keptAfterChange',
  broken_told_late: 'brokenToldLate',
  broken_untold: 'brokenUntold',
};

export interface PromiseTally {
  report: PromiseReport;
  byOwner: Map<string, Counts>;
}

export function promisesReport(
  facts: readonly PromiseRowFacts[],
  caseTypes: readonly CaseType[],
  range: { fromMs: number; toMs: number; asOf: number },
): PromiseTally {
  const total = zero();
  const tasks = zero();
  const byType = new Map<string, Counts>();
  const byOwner = new Map<string, Counts>();
  for (const p of facts) {
    const outcome = settledOutcome(p, range);
    if (outcome === null) continue;
    const key = field[outcome];
    total[key]++;
    const owner = byOwner.get(p.ownerStaffId) ?? zero();
    owner[key]++;
    byOwner.set(p.ownerStaffId, owner);
    if (p.kind === 'task' || p.caseTypeId === null) {
      tasks[key]++;
      continue;
    }
    const type = byType.get(p.caseTypeId) ?? zero();
    type[key]++;
    byType.set(p.caseTypeId, type);
  }
  const settled = total.kept + total.keptAfterChange + total.brokenToldLate + total.brokenUntold;
  const names = new Map(caseTypes.map((t) => [t.id, t]));
  return {
    report: {
      ...total,
      keptRate: settled === 0 ? null : (total.kept + total.keptAfterChange) / settled,
      byType: [...byType]
        .map(([caseTypeId, counts]) => ({
          caseTypeId,
          nameZh: names.get(caseTypeId)?.nameZh ?? caseTypeId,
          nameEn: names.get(caseTypeId)?.nameEn ?? caseTypeId,
          ...counts,
        }))
        .sort(
          (a, b) =>
            (names.get(a.caseTypeId)?.sortOrder ?? 0) - (names.get(b.caseTypeId)?.sortOrder ?? 0),
        ),
      tasks,
    },
    byOwner,
  };
}

type ClerkRow = HallReport['clerks'][number];

/** The clerks' rows with the promises each owned, settled in the range (the appraisal). */
export function withClerkPromises(
  rows: ClerkRow[],
  byOwner: ReadonlyMap<string, Counts>,
): ClerkRow[] {
  return rows.map((row) => {
    const c = byOwner.get(row.staffId);
    return c
      ? {
          ...row,
          promisesKept: c.kept,
          promisesKeptAfterChange: c.keptAfterChange,
          promisesBrokenToldLate: c.brokenToldLate,
          promisesBrokenUntold: c.brokenUntold,
        }
      : row;
  });
}

/** A row's JSON changes, read back (the column is written by the record kind). */
export function changesOf(json: string): PromiseChange[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? (parsed as PromiseChange[]) : [];
  } catch {
    return [];
  }
}
