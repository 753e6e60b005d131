import type { BusinessHours } from './model';

// Whether the hall is open: the hall server refuses a kiosk's ticket after hours
// (`hall_closed`) and the kiosk shows itself closed, by this one rule.

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The local time of day, `HH:MM`, in a time zone. */
export function localTimeOfDay(now: number, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f.format(now);
}

/** Open from `open` until before `close`, local time; no hours set: always. */
export function isOpenAt(now: number, timeZone: string, hours: BusinessHours | null): boolean {
  if (!hours) return true;
  const hhmm = localTimeOfDay(now, timeZone);
  return hhmm >= hours.open && hhmm < hours.close;
}
