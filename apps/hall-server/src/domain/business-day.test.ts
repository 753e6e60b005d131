import { describe, expect, it } from 'vitest';
import { businessDayOf, nextBusinessDayStart, startOfBusinessDay } from './business-day';

describe('business day', () => {
  it.each([
    { iso: '2026-11-24T15:59:59.999Z', tz: 'Asia/Shanghai', day: '2026-11-24' },
    { iso: '2026-11-24T16:00:00.000Z', tz: 'Asia/Shanghai', day: '2026-11-25' },
    { iso: '2026-11-24T16:00:00.000Z', tz: 'UTC', day: '2026-11-24' },
    { iso: '2026-03-29T00:30:00.000Z', tz: 'Europe/Berlin', day: '2026-03-29' },
    { iso: '2026-11-25T04:59:00.000Z', tz: 'America/New_York', day: '2026-11-24' },
  ])('$iso in $tz is $day', ({ iso, tz, day }) => {
    expect(businessDayOf(Date.parse(iso), tz)).toBe(day);
  });

  it.each([
    { iso: '2026-11-24T03:00:00.000Z', tz: 'Asia/Shanghai', next: '2026-11-24T16:00:00.000Z' },
    { iso: '2026-11-24T16:00:00.000Z', tz: 'Asia/Shanghai', next: '2026-11-25T16:00:00.000Z' },
    // Spring forward: the local day is 23 hours long.
    { iso: '2026-03-29T10:00:00.000Z', tz: 'Europe/Berlin', next: '2026-03-29T22:00:00.000Z' },
    // Fall back: 25 hours.
    { iso: '2026-10-25T10:00:00.000Z', tz: 'Europe/Berlin', next: '2026-10-25T23:00:00.000Z' },
    { iso: '2026-03-28T12:00:00.000Z', tz: 'Europe/Berlin', next: '2026-03-28T23:00:00.000Z' },
  ])('after $iso in $tz the next day starts at $next', ({ iso, tz, next }) => {
    const start = nextBusinessDayStart(Date.parse(iso), tz);
    expect(new Date(start).toISOString()).toBe(next);
    expect(businessDayOf(start, tz)).not.toBe(businessDayOf(start - 1, tz));
  });
});

describe('startOfBusinessDay', () => {
  it.each([
    { day: '2026-11-24', tz: 'Asia/Shanghai', iso: '2026-11-23T16:00:00.000Z' },
    { day: '2026-03-29', tz: 'Europe/Berlin', iso: '2026-03-28T23:00:00.000Z' }, // DST starts that night
    { day: '2026-10-25', tz: 'Europe/Berlin', iso: '2026-10-24T22:00:00.000Z' }, // DST ends that night
    { day: '2026-11-24', tz: 'America/Los_Angeles', iso: '2026-11-24T08:00:00.000Z' },
    { day: '2026-11-24', tz: 'Pacific/Kiritimati', iso: '2026-11-23T10:00:00.000Z' },
  ])('$day in $tz starts at $iso', ({ day, tz, iso }) => {
    const start = startOfBusinessDay(day, tz);
    expect(new Date(start).toISOString()).toBe(iso);
    expect(businessDayOf(start, tz)).toBe(day);
    expect(businessDayOf(start - 1, tz)).not.toBe(day);
  });
});
