// How an open item's due time reads on a clerk's list. The server escalates overdue items; the
// screens only make overdue and due-today items stand out, by the hall's local calendar day.

export type DueStatus = 'overdue' | 'due_today' | 'later';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The local calendar day (`YYYY-MM-DD`) of an instant in a time zone. */
export function localDay(ms: number, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  return format.format(ms);
}

export function dueStatus(dueAt: number, now: number, timeZone: string): DueStatus {
  if (now > dueAt) return 'overdue';
  return localDay(dueAt, timeZone) === localDay(now, timeZone) ? 'due_today' : 'later';
}

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
