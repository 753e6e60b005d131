import { addDays, type SyncReconcileResult } from '@onestop/shared';

// Which business days a run reconciles with the center, and what it re-sends. Recent days and
// the days this run touched are checked every time; older history is re-checked a slice per
// run, walking back to the hall's first day and starting over, so a row lost at the center on
// any day is found within a bounded number of nights.

export { addDays };

export interface ReconcilePlanInput {
  /** The hall's current business day. */
  today: string;
  /** Today and the days before it, this many in all. */
  recentDays: number;
  /** Days of the rows this run sent. */
  touched: Iterable<string>;
  /** The hall's first day with records, or null for a hall with none. */
  firstDay: string | null;
  /** The day the rotating sweep goes on from (it walks back), or null to start it afresh. */
  rotation: string | null;
  /** Older days re-checked per run. */
  rotateDays: number;
}

export function planReconcile(input: ReconcilePlanInput): {
  days: string[];
  rotation: string | null;
} {
  const days = new Set<string>();
  for (let i = 0; i < input.recentDays; i++) days.add(addDays(input.today, -i));
  for (const d of input.touched) days.add(d);
  let rotation = input.rotation;
  const newestOld = addDays(input.today, -input.recentDays);
  if (input.firstDay !== null && input.firstDay <= newestOld && input.rotateDays > 0) {
    let day =
      rotation !== null && rotation <= newestOld && rotation >= input.firstDay
        ? rotation
        : newestOld;
    for (let i = 0; i < input.rotateDays; i++) {
      days.add(day);
      day = addDays(day, -1);
      if (day < input.firstDay) day = newestOld; // history all re-checked: start over
    }
    rotation = day;
  } else {
    rotation = null;
  }
  return { days: [...days].sort(), rotation };
}

/** The table-days the center does not hold exactly as the hall does. */
export function mismatches(
  results: readonly SyncReconcileResult[],
): { day: string; table: string }[] {
  return results.filter((r) => !r.match).map((r) => ({ day: r.day, table: r.table }));
}
