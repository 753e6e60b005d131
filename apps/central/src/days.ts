import { isCalendarDay } from '@onestop/shared';

// Business days as the center handles them: `YYYY-MM-DD` calendar dates, by the shared time
// module (`addDays`, `isCalendarDay`).

export { addDays } from '@onestop/shared';

/** A real calendar date in `YYYY-MM-DD` (not 2026-02-30). */
export const isRealDay = isCalendarDay;

/** The day partition's table name: `hall_records_d20261124`. */
export function partitionName(day: string): string {
  if (!isRealDay(day)) throw new Error(`not a business day: ${day}`);
  return `hall_records_d${day.replace(/-/g, '')}`;
}
