// How an open item's due time reads on a clerk's list. The server escalates overdue items; the
// screens only make overdue and due-today items stand out, by the hall's local calendar day.

// The rule itself (`dueStatus`, `localDay`) is the shared one the server applies.

import { dueStatus, type DueStatus } from '@onestop/shared';

export { dueStatus, localDay, type DueStatus } from '@onestop/shared';

const rank: Record<DueStatus, number> = { overdue: 0, due_today: 1, later: 2 };

/** Overdue first, then due today, then later; within each, the earliest due first. */
export function byUrgency<T extends { dueAt: number }>(
  items: readonly T[],
  now: number,
  timeZone: string,
): T[] {
  return [...items].sort(
    (a, b) =>
      rank[dueStatus(a.dueAt, now, timeZone)] - rank[dueStatus(b.dueAt, now, timeZone)] ||
      a.dueAt - b.dueAt,
  );
}

/** How many items, and how many of them overdue or due today (the side tab's badge). */
export function dueCounts(dueAts: readonly number[], now: number, timeZone: string) {
  const dues = dueAts.map((at) => dueStatus(at, now, timeZone));
  return {
    total: dues.length,
    overdue: dues.filter((d) => d === 'overdue').length,
    dueToday: dues.filter((d) => d === 'due_today').length,
  };
}
