import { localTimeOfDay } from '@onestop/shared';
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

/** Minutes into the local day that the hall's clock reads at `t`. */
function localMinutes(t: number, timeZone: string): number {
  const [hour, minute] = localTimeOfDay(t, timeZone).split(':');
  return Number(hour) * 60 + Number(minute);
}

/**
 * The first instant after `now` at which the hall's clock reads `at`. On a day when a DST change
 * skips that time the run happens when the clock has just jumped past it.
 */
export function nextLocalTime(now: number, at: LocalTimeOfDay, timeZone: string): number {
  const target = at.hour * 60 + at.minute;
  let day = businessDayOf(now, timeZone);
  for (let i = 0; i < 3; i++) {
    let candidate = startOfBusinessDay(day, timeZone) + target * 60_000;
    // The day's start plus the minutes is off by the hour a DST change moved: read the clock.
    for (let step = 0; step < 2; step++) {
      const drift = target - localMinutes(candidate, timeZone);
      if (drift === 0 || Math.abs(drift) > 180) break;
      candidate += drift * 60_000;
    }
    if (candidate > now) return candidate;
    day = businessDayOf(startOfBusinessDay(day, timeZone) + 36 * 3_600_000, timeZone);
  }
  return now + 86_400_000;
}
