import { addDays, atLocalTime, dayOf } from '@onestop/shared';

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
 * The first instant after `now` at which the hall's clock reads `at`. On a day when a DST change
 * skips that time the run happens when the clock has just jumped past it.
 */
export function nextLocalTime(now: number, at: LocalTimeOfDay, timeZone: string): number {
  let day = dayOf(now, timeZone);
  for (let i = 0; i < 3; i++) {
    const candidate = atLocalTime(day, at.hour, at.minute, timeZone);
    if (candidate > now) return candidate;
    day = addDays(day, 1);
  }
  return now + 86_400_000;
}
