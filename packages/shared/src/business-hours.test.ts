import { describe, expect, it } from 'vitest';
import { isOpenAt } from './business-hours';

describe('isOpenAt', () => {
  const hours = { open: '08:30', close: '17:30' };
  it.each([
    { iso: '2026-11-24T00:29:59.000Z', tz: 'Asia/Shanghai', open: false }, // 08:29:59
    { iso: '2026-11-24T00:30:00.000Z', tz: 'Asia/Shanghai', open: true }, // 08:30
    { iso: '2026-11-24T09:29:59.000Z', tz: 'Asia/Shanghai', open: true }, // 17:29:59
    { iso: '2026-11-24T09:30:00.000Z', tz: 'Asia/Shanghai', open: false }, // 17:30
    { iso: '2026-11-24T20:00:00.000Z', tz: 'Asia/Shanghai', open: false }, // 04:00 next day
    { iso: '2026-11-24T08:30:00.000Z', tz: 'UTC', open: true },
    { iso: '2026-03-29T07:00:00.000Z', tz: 'Europe/Berlin', open: true }, // 09:00 CEST, DST day
    { iso: '2026-03-29T06:00:00.000Z', tz: 'Europe/Berlin', open: false }, // 08:00 CEST
  ])('$iso in $tz: open $open', ({ iso, tz, open }) => {
    expect(isOpenAt(Date.parse(iso), tz, hours)).toBe(open);
  });

  it('is always open without business hours', () => {
    expect(isOpenAt(Date.parse('2026-11-24T20:00:00.000Z'), 'Asia/Shanghai', null)).toBe(true);
  });
});

describe('business hours, as the kiosk shows them', () => {
  const hours = { open: '08:30', close: '17:30' };
  it.each([
    ['2026-11-24T00:29:00.000Z', false], // 08:29 in Shanghai
    ['2026-11-24T00:30:00.000Z', true], // 08:30
    ['2026-11-24T09:29:00.000Z', true], // 17:29
    ['2026-11-24T09:30:00.000Z', false], // 17:30
  ])('%s: open %s', (iso, open) => {
    expect(isOpenAt(Date.parse(iso), 'Asia/Shanghai', hours)).toBe(open);
  });
  it('is always open without hours', () => {
    expect(isOpenAt(0, 'Asia/Shanghai', null)).toBe(true);
  });
});
