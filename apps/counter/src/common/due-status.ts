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
