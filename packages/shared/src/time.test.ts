import { describe, expect, it } from 'vitest';
import {
  addDays,
  atLocalTime,
  dayOf,
  daysBetween,
  endOfDayAfter,
  hoursBetween,
  isCalendarDay,
  nextDayStart,
  percentile,
  startOfDay,
  timeOfDay,
  weekdayOf,
} from './time';

const at = (iso: string) => Date.parse(iso);

describe('dayOf and timeOfDay', () => {
  it.each([
    ['2026-12-02T15:59:59.999Z', 'Asia/Shanghai', '2026-12-02', '23:59'],
    ['2026-12-02T16:00:00.000Z', 'Asia/Shanghai', '2026-12-03', '00:00'],
    ['2026-03-29T00:59:59.999Z', 'Europe/Berlin', '2026-03-29', '01:59'],
    ['2026-03-29T01:00:00.000Z', 'Europe/Berlin', '2026-03-29', '03:00'],
    ['2026-10-25T00:30:00.000Z', 'Europe/Berlin', '2026-10-25', '02:30'],
    ['2026-10-25T01:30:00.000Z', 'Europe/Berlin', '2026-10-25', '02:30'],
    ['2026-10-25T22:59:59.999Z', 'Europe/Berlin', '2026-10-25', '23:59'],
    ['2026-10-25T23:00:00.000Z', 'Europe/Berlin', '2026-10-26', '00:00'],
    ['2026-01-01T04:59:00.000Z', 'America/New_York', '2025-12-31', '23:59'],
    ['2026-06-15T12:00:00.000Z', 'UTC', '2026-06-15', '12:00'],
  ])('%s in %s is %s %s', (iso, tz, day, hhmm) => {
    expect(dayOf(at(iso), tz)).toBe(day);
    expect(timeOfDay(at(iso), tz)).toBe(hhmm);
  });
});

describe('startOfDay and nextDayStart', () => {
  it.each([
    // day, zone, first instant, hours in the day
    ['2026-12-03', 'Asia/Shanghai', '2026-12-02T16:00:00Z', 24],
    ['2026-03-29', 'Europe/Berlin', '2026-03-28T23:00:00Z', 23],
    ['2026-03-30', 'Europe/Berlin', '2026-03-29T22:00:00Z', 24],
    ['2026-10-25', 'Europe/Berlin', '2026-10-24T22:00:00Z', 25],
    ['2026-10-26', 'Europe/Berlin', '2026-10-25T23:00:00Z', 24],
    ['2026-03-08', 'America/New_York', '2026-03-08T05:00:00Z', 23],
    // Chile skips midnight when summer time starts: the day begins at 01:00.
    ['2026-09-06', 'America/Santiago', '2026-09-06T04:00:00Z', 23],
    ['2026-02-28', 'UTC', '2026-02-28T00:00:00Z', 24],
  ])('%s in %s starts at %s and lasts %i h', (day, tz, iso, hours) => {
    const start = startOfDay(day, tz);
    expect(start).toBe(at(iso));
    const next = startOfDay(addDays(day, 1), tz);
    expect(hoursBetween(start, next)).toBe(hours);
    expect(nextDayStart(start, tz)).toBe(next);
    expect(nextDayStart(next - 1, tz)).toBe(next);
    expect(dayOf(start, tz)).toBe(day);
    expect(dayOf(start - 1, tz)).toBe(addDays(day, -1));
  });
});

describe('atLocalTime', () => {
  it.each([
    ['2026-12-03', 2, 0, 'Asia/Shanghai', '2026-12-02T18:00:00Z'],
    ['2026-03-28', 2, 30, 'Europe/Berlin', '2026-03-28T01:30:00Z'],
    // 02:30 does not exist on the spring switch day: the clock has just jumped past it.
    ['2026-03-29', 2, 30, 'Europe/Berlin', '2026-03-29T01:30:00Z'],
    ['2026-03-29', 4, 0, 'Europe/Berlin', '2026-03-29T02:00:00Z'],
    // 02:30 happens twice on the autumn switch day: the first one.
    ['2026-10-25', 2, 30, 'Europe/Berlin', '2026-10-25T00:30:00Z'],
    ['2026-10-25', 4, 0, 'Europe/Berlin', '2026-10-25T03:00:00Z'],
  ])('%s %i:%i in %s is %s', (day, hour, minute, tz, iso) => {
    expect(atLocalTime(day, hour, minute, tz)).toBe(at(iso));
  });
});

describe('endOfDayAfter', () => {
  it.each([
    ['2026-12-03T01:00:00Z', 0, 'Asia/Shanghai', '2026-12-03T15:59:59.999Z'],
    ['2026-12-03T01:00:00Z', 15, 'Asia/Shanghai', '2026-12-18T15:59:59.999Z'],
    ['2026-03-28T12:00:00Z', 1, 'Europe/Berlin', '2026-03-29T21:59:59.999Z'],
    ['2026-10-24T12:00:00Z', 1, 'Europe/Berlin', '2026-10-25T22:59:59.999Z'],
  ])('from %s, %i days, in %s: %s', (from, days, tz, iso) => {
    expect(endOfDayAfter(at(from), days, tz)).toBe(at(iso));
  });
});

describe('calendar days', () => {
  it.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-29', 0, '2026-03-29'],
    ['2026-01-15', -366, '2025-01-14'],
  ])('%s + %i = %s', (day, n, sum) => {
    expect(addDays(day, n)).toBe(sum);
    expect(daysBetween(day, sum)).toBe(n);
  });

  it.each([
    ['2026-11-30', 1],
    ['2026-12-06', 7],
  ])('%s is weekday %i', (day, n) => expect(weekdayOf(day)).toBe(n));

  it.each([
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['20261201', false],
    ['', false],
  ])('%s is a calendar day: %s', (day, real) => expect(isCalendarDay(day)).toBe(real));
});

describe('percentile', () => {
  const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  it.each([
    [values, 50, 5],
    [values, 90, 9],
    [values, 95, 10],
    [values, 100, 10],
    [values, 0, 1],
    [[7], 99, 7],
  ])('nearest rank of %j at %i%% is %i', (sorted, p, v) => expect(percentile(sorted, p)).toBe(v));

  it('gives the stand-in for no values', () => {
    expect(percentile([], 50)).toBe(0);
    expect(percentile([], 50, NaN)).toBeNaN();
  });
});
