import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatDateTime,
  formatDuration,
  langOf,
  fromDateTimeInput,
  toDateTimeInput,
} from './format';

describe('formatDuration', () => {
  it.each([
    { sec: 0, zh: '0秒', en: '0 s' },
    { sec: 45, zh: '45秒', en: '45 s' },
    { sec: 59.6, zh: '1分', en: '1 min' },
    { sec: 60, zh: '1分', en: '1 min' },
    { sec: 754, zh: '12分', en: '12 min' },
    { sec: 3600, zh: '1小时', en: '1 h' },
    { sec: 3900, zh: '1小时5分', en: '1 h 5 min' },
    { sec: -5, zh: '0秒', en: '0 s' },
  ])('$sec s → $zh / $en', ({ sec, zh, en }) => {
    expect(formatDuration(sec, 'zh')).toBe(zh);
    expect(formatDuration(sec, 'en')).toBe(en);
  });
});

describe('clock and date in the hall time zone', () => {
  const at = Date.UTC(2026, 10, 24, 6, 5); // 14:05 in Shanghai
  it.each([
    { tz: 'Asia/Shanghai', clock: '14:05', zh: '11月24日 14:05', en: '24 Nov 14:05' },
    { tz: 'UTC', clock: '06:05', zh: '11月24日 06:05', en: '24 Nov 06:05' },
  ])('$tz', ({ tz, clock, zh, en }) => {
    expect(formatClock(at, tz)).toBe(clock);
    expect(formatDateTime(at, tz, 'zh')).toBe(zh);
    expect(formatDateTime(at, tz, 'en')).toBe(en);
  });
});

describe("datetime-local values, on the hall's wall clock", () => {
  // The test runner's own zone never matters: each case names the hall's.
  it.each([
    { tz: 'Asia/Shanghai', at: '2026-11-24T17:30:00+08:00', value: '2026-11-24T17:30' },
    { tz: 'UTC', at: '2026-11-24T17:30:00Z', value: '2026-11-24T17:30' },
    { tz: 'America/Los_Angeles', at: '2026-11-24T17:30:00-08:00', value: '2026-11-24T17:30' },
    // Shanghai's 17:30 is 22:30 in Auckland (its summer time, UTC+13).
    { tz: 'Pacific/Auckland', at: '2026-11-24T17:30:00+08:00', value: '2026-11-24T22:30' },
  ])('round-trips to the minute in $tz', ({ tz, at, value }) => {
    const ms = Date.parse(at);
    expect(toDateTimeInput(ms, tz)).toBe(value);
    expect(fromDateTimeInput(value, tz)).toBe(ms);
  });
  it('takes a time a DST change skips as just after the jump', () => {
    // New York, 2026-03-08: 02:00 → 03:00.
    expect(fromDateTimeInput('2026-03-08T02:30', 'America/New_York')).toBe(
      Date.parse('2026-03-08T03:30:00-04:00'),
    );
  });
  it.each([
    '',
    '2026-11-24',
    'tomorrow',
    '2026-11-24T7:30',
    '2026-02-30T09:00',
    '2026-11-24T24:00',
  ])('refuses %j', (value) => {
    expect(fromDateTimeInput(value, 'Asia/Shanghai')).toBeNull();
  });
});

describe('langOf', () => {
  it.each([
    ['en', 'en'],
    ['en-GB', 'en'],
    ['zh', 'zh'],
    ['zh-CN', 'zh'],
    ['fr', 'zh'],
    [undefined, 'zh'],
  ] as const)('%s → %s', (language, lang) => {
    expect(langOf(language)).toBe(lang);
  });
});
