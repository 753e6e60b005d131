import { businessDayOf, startOfBusinessDay } from '../domain/business-day';

// When the nightly run happens: a local time of day in the hall's time zone.

export interface LocalTimeOfDay {
  hour: number;
  minute: number;
}

/** `HH:MM` (24-hour) → the time of day, or null when it is not one. */
export function parseTimeOfDay(text: string): LocalTimeOfDay | null {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return m ? { hour: Number(m[1]), minute: Number(m[2]) } : null;
}

/**
 * The first instant after `now` at which the hall's clock reads `at`. On a day when a DST
 * change skips or repeats that hour the run moves by the hour with it, which is fine for a
 * nightly job.
 */
export function nextLocalTime(now: number, at: LocalTimeOfDay, timeZone: string): number {
  const offsetMs = (at.hour * 60 + at.minute) * 60_000;
  let day = businessDayOf(now, timeZone);
  for (let i = 0; i < 3; i++) {
    const candidate = startOfBusinessDay(day, timeZone) + offsetMs;
    if (candidate > now) return candidate;
    day = businessDayOf(startOfBusinessDay(day, timeZone) + 36 * 3_600_000, timeZone);
  }
  /* c8 ignore next */
  return now + 86_400_000;
}
