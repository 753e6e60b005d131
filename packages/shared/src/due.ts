// How an open item's due time stands (cases, support tasks, follow-ups), in the hall's time
// zone; shared so that every screen marks overdue and due-today items the same way as the
// server.

export type DueStatus = 'overdue' | 'due_today' | 'later';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The local calendar day (`YYYY-MM-DD`) of an instant in a time zone. */
export function localDay(at: number, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f.format(at);
}

/** Overdue once past `dueAt`; due today while `dueAt` falls later on today's local date. */
export function dueStatus(dueAt: number, now: number, timeZone: string): DueStatus {
  if (now > dueAt) return 'overdue';
  return localDay(dueAt, timeZone) === localDay(now, timeZone) ? 'due_today' : 'later';
}
