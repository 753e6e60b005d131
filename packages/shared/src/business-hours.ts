import type { BusinessHours } from './model';
import { timeOfDay } from './time';

// Whether the hall is open: the hall server refuses a kiosk's ticket after hours
// (`hall_closed`) and the kiosk shows itself closed, by this one rule.

/** The local time of day, `HH:MM`, in a time zone. */
export const localTimeOfDay = timeOfDay;

/** Open from `open` until before `close`, local time; no hours set: always. */
export function isOpenAt(now: number, timeZone: string, hours: BusinessHours | null): boolean {
  if (!hours) return true;
  const hhmm = localTimeOfDay(now, timeZone);
  return hhmm >= hours.open && hhmm < hours.close;
}
