import { businessDayOf, startOfBusinessDay } from './business-day';

// Due dates of the work post (cases, support tasks, follow-ups) in the hall's time zone. A limit
// in days ends with the local day it falls on, so "due in 15 days" means until that day's close.
// How a due time stands now (`dueStatus`) is in the shared contract, for every screen alike.

export { dueStatus, type DueStatus } from '@onestop/shared';

/** The calendar day `days` after `day` (`YYYY-MM-DD`). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The last millisecond of the local day `days` after the day of `from`; 0 days: today's close. */
export function endOfDayAfter(from: number, days: number, timeZone: string): number {
  const day = addDays(businessDayOf(from, timeZone), days);
  return startOfBusinessDay(addDays(day, 1), timeZone) - 1;
}
