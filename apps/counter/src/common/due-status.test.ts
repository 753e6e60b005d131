import { describe, expect, it } from 'vitest';
import { byUrgency, dueCounts, dueStatus, localDay } from './due-status';

const tz = 'Asia/Shanghai';
// 2026-11-24 10:00 in Shanghai (UTC+8).
const now = Date.UTC(2026, 10, 24, 2, 0);
const hour = 3_600_000;

describe('dueStatus', () => {
  it.each([
    { case: 'a minute ago', dueAt: now - 60_000, status: 'overdue' },
    { case: 'yesterday', dueAt: now - 24 * hour, status: 'overdue' },
    { case: 'now exactly', dueAt: now, status: 'due_today' },
    { case: 'later today', dueAt: now + 3 * hour, status: 'due_today' },
    {
      case: 'the last millisecond of today',
      dueAt: Date.UTC(2026, 10, 24, 15, 59, 59, 999),
      status: 'due_today',
    },
    { case: 'midnight tonight (tomorrow)', dueAt: Date.UTC(2026, 10, 24, 16, 0), status: 'later' },
    { case: 'next week', dueAt: now + 7 * 24 * hour, status: 'later' },
  ] as const)('$case → $status', ({ dueAt, status }) => {
    expect(dueStatus(dueAt, now, tz)).toBe(status);
  });

  it('reads the day in the hall time zone, not UTC', () => {
    // 01:00 on the 25th in Shanghai is still the 24th in UTC.
    const lateNight = Date.UTC(2026, 10, 24, 17, 0);
    expect(localDay(lateNight, tz)).toBe('2026-11-25');
    expect(localDay(lateNight, 'UTC')).toBe('2026-11-24');
  });
});

describe('byUrgency', () => {
  it('puts overdue first, then due today, then later, earliest first within each', () => {
    const items = [
      { id: 'later', dueAt: now + 48 * hour },
      { id: 'today-late', dueAt: now + 5 * hour },
      { id: 'overdue-recent', dueAt: now - hour },
      { id: 'today-soon', dueAt: now + hour },
      { id: 'overdue-old', dueAt: now - 30 * hour },
    ];
    expect(byUrgency(items, now, tz).map((i) => i.id)).toEqual([
      'overdue-old',
      'overdue-recent',
      'today-soon',
      'today-late',
      'later',
    ]);
  });
});

describe('dueCounts', () => {
  it.each([
    { case: 'nothing', dueAts: [], counts: { total: 0, overdue: 0, dueToday: 0 } },
    {
      case: 'one of each',
      dueAts: [now - hour, now + hour, now + 48 * hour],
      counts: { total: 3, overdue: 1, dueToday: 1 },
    },
    {
      case: 'all later',
      dueAts: [now + 30 * hour, now + 72 * hour],
      counts: { total: 2, overdue: 0, dueToday: 0 },
    },
  ])('$case', ({ dueAts, counts }) => {
    expect(dueCounts(dueAts, now, tz)).toEqual(counts);
  });
});
