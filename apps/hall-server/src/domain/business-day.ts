// The business day is the hall's local calendar date. Numbering restarts with it, so it is
// derived from `now` and the hall's time zone on every use: no cron, nothing to miss on restart.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface LocalTime {
  day: string;
  secondsIntoDay: number;
}

function localTime(now: number, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(now)) parts[p.type] = p.value;
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    secondsIntoDay: Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second),
  };
}

export function businessDayOf(now: number, timeZone: string): string {
  return localTime(now, timeZone).day;
}

/** The first instant (ms) that belongs to the next business day; DST-safe. */
export function nextBusinessDayStart(now: number, timeZone: string): number {
  const { day, secondsIntoDay } = localTime(now, timeZone);
  const wholeSecond = now - (now % 1000);
  let candidate = wholeSecond + (86_400 - secondsIntoDay) * 1000;
  // A DST change makes the local day 23 or 25 hours long: step until the day boundary.
  while (businessDayOf(candidate, timeZone) === day) candidate += 15 * 60_000;
  while (businessDayOf(candidate - 15 * 60_000, timeZone) !== day) candidate -= 15 * 60_000;
  return candidate;
}

/** The first instant (ms) of a business day in the hall's time zone; DST-safe. */
export function startOfBusinessDay(day: string, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  let probe = Date.UTC(y, m - 1, d, 12);
  while (businessDayOf(probe, timeZone) < day) probe += 3_600_000;
  while (businessDayOf(probe, timeZone) > day) probe -= 3_600_000;
  let start = probe - localTime(probe, timeZone).secondsIntoDay * 1000;
  // A DST change between midnight and the probe moves the boundary by up to an hour.
  while (businessDayOf(start, timeZone) !== day) start += 15 * 60_000;
  while (businessDayOf(start - 15 * 60_000, timeZone) === day) start -= 15 * 60_000;
  return start;
}
