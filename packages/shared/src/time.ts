import { Temporal } from 'temporal-polyfill';

// The one time module: the hall's business days, instants in a time zone and durations, on the
// Temporal polyfill (imported, no global installed). A day is a calendar date `YYYY-MM-DD`; an
// instant is epoch milliseconds. Every zone rule (DST days of 23 or 25 hours, a midnight that
// does not exist) is the library's, not ours.

const zoned = (at: number, timeZone: string) =>
  Temporal.Instant.fromEpochMilliseconds(Math.floor(at)).toZonedDateTimeISO(timeZone);

/** The business day (local calendar date) of an instant in a time zone. */
export function dayOf(at: number, timeZone: string): string {
  return zoned(at, timeZone).toPlainDate().toString();
}

/** The calendar day `n` days after `day` (before it for a negative `n`). */
export function addDays(day: string, n: number): string {
  return Temporal.PlainDate.from(day).add({ days: n }).toString();
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to)).days;
}

/** Monday 1 … Sunday 7. */
export function weekdayOf(day: string): number {
  return Temporal.PlainDate.from(day).dayOfWeek;
}

/** A real calendar date in `YYYY-MM-DD` (not 2026-02-30). */
export function isCalendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  try {
    return Temporal.PlainDate.from(day, { overflow: 'reject' }).toString() === day;
  } catch {
    return false;
  }
}

/** The first instant (ms) of a day in a time zone; DST-safe. */
export function startOfDay(day: string, timeZone: string): number {
  return Temporal.PlainDate.from(day).toZonedDateTime({ timeZone }).epochMilliseconds;
}

/**
 * The instant (ms) a day's local clock reads `hour:minute` in a time zone. A time a DST change
 * skips is taken as just after the jump (02:30 → 03:30); a time it repeats, the first one.
 */
export function atLocalTime(day: string, hour: number, minute: number, timeZone: string): number {
  return Temporal.PlainDate.from(day).toZonedDateTime({
    timeZone,
    plainTime: Temporal.PlainTime.from({ hour, minute }),
  }).epochMilliseconds;
}

/** The first instant (ms) of the day after the one `at` falls on, in a time zone. */
export function nextDayStart(at: number, timeZone: string): number {
  return zoned(at, timeZone).toPlainDate().add({ days: 1 }).toZonedDateTime({ timeZone })
    .epochMilliseconds;
}

/** The last millisecond of the local day `days` after the day of `at`; 0 days: that day's. */
export function endOfDayAfter(at: number, days: number, timeZone: string): number {
  return startOfDay(addDays(dayOf(at, timeZone), days + 1), timeZone) - 1;
}

/** The local time of day, `HH:MM`, of an instant in a time zone. */
export function timeOfDay(at: number, timeZone: string): string {
  const t = zoned(at, timeZone);
  return `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}

/** Hours from `from` to `to` (ms instants), fractional. */
export function hoursBetween(from: number, to: number): number {
  return (to - from) / 3_600_000;
}

/**
 * Nearest-rank percentile (`p` in percent, 0–100) of values already sorted ascending;
 * `ifEmpty` for no values.
 */
export function percentile(sorted: readonly number[], p: number, ifEmpty = 0): number {
  if (sorted.length === 0) return ifEmpty;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.max(0, Math.min(sorted.length - 1, rank))]!;
}
