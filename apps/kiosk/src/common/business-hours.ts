import type { BusinessHours } from '@onestop/shared';

// Whether the hall is open now, as the hall server decides it for the kiosk (it refuses a
// ticket after hours with `hall_closed`): local time of day in the hall's time zone.

export function localHHMM(now: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(now);
}

export function isOpenNow(now: number, timeZone: string, hours: BusinessHours | null): boolean {
  if (!hours) return true;
  const hhmm = localHHMM(now, timeZone);
  return hhmm >= hours.open && hhmm < hours.close;
}
