import { describe, expect, it } from 'vitest';
import { addDays, dueStatus, endOfDayAfter } from './due';
import { T0 } from './test-fixtures';

const TZ = 'Asia/Shanghai';
const H = 3_600_000;
// T0 is 2026-11-24 09:00 in Shanghai; that local day ends at 2026-11-24T15:59:59.999Z.
const endOfT0Day = Date.UTC(2026, 10, 24, 16) - 1;

describe('dueStatus', () => {
  it.each([
    { case: 'due later today', dueAt: T0 + 2 * H, now: T0, expected: 'due_today' },
    { case: 'due at the close of today', dueAt: endOfT0Day, now: T0, expected: 'due_today' },
    { case: 'due tomorrow morning', dueAt: endOfT0Day + 9 * H, now: T0, expected: 'later' },
    { case: 'due exactly now', dueAt: T0, now: T0, expected: 'due_today' },
    { case: 'a millisecond past due', dueAt: T0, now: T0 + 1, expected: 'overdue' },
    { case: 'due yesterday', dueAt: T0 - 24 * H, now: T0, expected: 'overdue' },
    // 23:30 local: the due time 01:00 local tomorrow is not "today" although it is 1.5 h away.
    {
      case: 'due after local midnight',
      dueAt: endOfT0Day + H,
      now: endOfT0Day - H / 2,
      expected: 'later',
    },
  ])('$case → $expected', ({ dueAt, now, expected }) => {
    expect(dueStatus(dueAt, now, TZ)).toBe(expected);
  });
});

describe('endOfDayAfter', () => {
  it.each([
    { days: 0, expected: endOfT0Day },
    { days: 1, expected: endOfT0Day + 24 * H },
    { days: 15, expected: endOfT0Day + 15 * 24 * H },
  ])('$days days after T0 ends at the close of that local day', ({ days, expected }) => {
    expect(endOfDayAfter(T0, days, TZ)).toBe(expected);
  });

  it('counts local days, not UTC ones (07:00 local is the previous UTC day)', () => {
    const early = Date.UTC(2026, 10, 23, 23); // 2026-11-24 07:00 in Shanghai
    expect(endOfDayAfter(early, 0, TZ)).toBe(endOfT0Day);
  });

  it('adds calendar days across month and year ends', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});
