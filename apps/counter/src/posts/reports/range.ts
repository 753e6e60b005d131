import { addDays, daysBetween, isCalendarDay, weekdayOf as isoWeekday } from '@onestop/shared';

// Date ranges of business days (YYYY-MM-DD) for the reports: the presets a duty leader asks
// for most, counted from the hall's business day. Weeks start on Monday. The day arithmetic is
// the shared time module's.

export { addDays };

export const presets = [
  'today',
  'yesterday',
  'thisWeek',
  'lastWeek',
  'thisMonth',
  'lastMonth',
] as const;
export type Preset = (typeof presets)[number];

export interface DayRange {
  from: string;
  to: string;
}

/** The longest range the screen asks for: a year and a day (a leap year's report). */
export const MAX_RANGE_DAYS = 366;

/** Monday 0 … Sunday 6. */
const weekdayOf = (day: string) => isoWeekday(day) - 1;

const firstOfMonth = (day: string) => `${day.slice(0, 7)}-01`;

/** This week and this month run up to today: the days still to come have no data. */
export function presetRange(preset: Preset, today: string): DayRange {
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday': {
      const day = addDays(today, -1);
      return { from: day, to: day };
    }
    case 'thisWeek':
      return { from: addDays(today, -weekdayOf(today)), to: today };
    case 'lastWeek': {
      const monday = addDays(today, -weekdayOf(today) - 7);
      return { from: monday, to: addDays(monday, 6) };
    }
    case 'thisMonth':
      return { from: firstOfMonth(today), to: today };
    case 'lastMonth': {
      const lastDay = addDays(firstOfMonth(today), -1);
      return { from: firstOfMonth(lastDay), to: lastDay };
    }
  }
}

/** The preset that gives exactly this range today, if any (today before yesterday etc.). */
export function presetOf(range: DayRange, today: string): Preset | null {
  return (
    presets.find((p) => {
      const r = presetRange(p, today);
      return r.from === range.from && r.to === range.to;
    }) ?? null
  );
}

export function daysIn(range: DayRange): number {
  return daysBetween(range.from, range.to) + 1;
}

const isDay = isCalendarDay;

/** Why a typed range cannot be asked for, or null when it can. */
export function rangeProblem(range: DayRange): 'invalid' | 'reversed' | 'tooLong' | null {
  if (!isDay(range.from) || !isDay(range.to)) return 'invalid';
  if (range.from > range.to) return 'reversed';
  if (daysIn(range) > MAX_RANGE_DAYS) return 'tooLong';
  return null;
}
