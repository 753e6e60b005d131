import { describe, expect, it } from 'vitest';
import { retryDelay } from './backoff';
import { compareCursors, lastRowAtOrBefore, TIMELINE_OFFSET, wirePosition } from './cursor';
import { digestOf } from './digest';
import { addDays, mismatches, planReconcile } from './reconcile-plan';
import { nextLocalTime, parseTimeOfDay } from './schedule';
import { resolveTables, SYNC_TABLES } from './table-specs';

// The sync's pure rules: cursors, positions after a restore, backoff, the nightly schedule, which
// days are reconciled, and which tables are found.

const G = TIMELINE_OFFSET;

describe('cursors', () => {
  it.each([
    [{ pos: 1, key: 'b' }, { pos: 2, key: 'a' }, -1],
    [{ pos: 2, key: 'a' }, { pos: 2, key: 'b' }, -1],
    [{ pos: 2, key: 'b' }, { pos: 2, key: 'b' }, 0],
    [{ pos: 3, key: '' }, { pos: 2, key: 'z' }, 1],
  ])('%o against %o → %i', (a, b, expected) => {
    expect(compareCursors(a, b)).toBe(expected);
  });
});

describe('append-only rows after a restore', () => {
  it.each([
    // row number, restore points, wire position
    [5, [], 5],
    [100, [100], 100],
    [101, [100], G + 101],
    [150, [100, 140], 2 * G + 150],
    [120, [100, 140], G + 120],
    [101, [100, 100], 2 * G + 101],
  ])('row %i with restore points %o goes up as %i', (row, points, wire) => {
    expect(wirePosition(row, points)).toBe(wire);
  });

  it.each([
    // the center's cursor, restore points, the last local row already there
    [0, [], 0],
    [57, [], 57],
    [57, [100], 57],
    // The lost timeline sent rows 101…150; the restored hall's row 101 is not among them.
    [150, [100], 100],
    [G + 120, [100], 120],
    [G + 50, [100], 100],
    [G + 130, [100, 140], 130],
    [2 * G + 141, [100, 140], 141],
    [2 * G + 10, [100, 100], 100],
  ])('center at %i, restore points %o → send rows after %i', (cursor, points, last) => {
    expect(lastRowAtOrBefore(cursor, points)).toBe(last);
  });

  it('round-trips every row: rows after the answer all have a later wire position', () => {
    const points = [10, 10, 25, 40];
    for (let row = 1; row < 60; row++) {
      const wire = wirePosition(row, points);
      expect(lastRowAtOrBefore(wire, points)).toBe(row);
      expect(wirePosition(row + 1, points)).toBeGreaterThan(wire);
    }
  });
});

describe('retry delays', () => {
  const backoff = { baseMs: 1000, maxMs: 60_000 };
  it.each([
    // attempt, random, delay
    [0, 0, 500],
    [0, 1, 1000],
    [1, 0.5, 1500],
    [3, 0, 4000],
    [6, 1, 60_000],
    [40, 0, 30_000],
  ])('attempt %i with jitter %f waits %i ms', (attempt, random, delay) => {
    expect(retryDelay(attempt, backoff, () => random)).toBe(delay);
  });
});

describe('the nightly schedule', () => {
  it.each([
    ['02:30', { hour: 2, minute: 30 }],
    ['2:05', { hour: 2, minute: 5 }],
    ['23:59', { hour: 23, minute: 59 }],
    ['24:00', null],
    ['2.30', null],
    ['', null],
  ])('%s → %o', (text, parsed) => {
    expect(parseTimeOfDay(text)).toEqual(parsed);
  });

  const shanghai = (iso: string) => Date.parse(`${iso}+08:00`);
  it.each([
    ['2026-11-24T01:00:00', '02:30', '2026-11-24T02:30:00'],
    ['2026-11-24T02:30:00', '02:30', '2026-11-25T02:30:00'],
    ['2026-11-24T15:00:00', '02:30', '2026-11-25T02:30:00'],
    ['2026-12-31T23:00:00', '00:15', '2027-01-01T00:15:00'],
  ])('at %s the %s run is next at %s (Asia/Shanghai)', (now, at, next) => {
    expect(nextLocalTime(shanghai(now), parseTimeOfDay(at)!, 'Asia/Shanghai')).toBe(shanghai(next));
  });

  it('follows a DST change (Europe/Berlin, 29 March 2026)', () => {
    const next = nextLocalTime(
      Date.parse('2026-03-28T12:00:00Z'),
      { hour: 4, minute: 0 },
      'Europe/Berlin',
    );
    expect(new Date(next).toISOString()).toBe('2026-03-29T02:00:00.000Z'); // 04:00 CEST
  });

  it('runs just after the jump when DST skips the time (02:30 in Berlin, 29 March 2026)', () => {
    const next = nextLocalTime(
      Date.parse('2026-03-28T12:00:00Z'),
      { hour: 2, minute: 30 },
      'Europe/Berlin',
    );
    expect(new Date(next).toISOString()).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
  });
});

describe('which days a run reconciles', () => {
  const base = { today: '2026-11-24', recentDays: 3, touched: [], rotateDays: 2 };
  it.each([
    [
      'recent days only, for a hall without history',
      { ...base, firstDay: null, rotation: null },
      { days: ['2026-11-22', '2026-11-23', '2026-11-24'], rotation: null },
    ],
    [
      'plus the days the run touched',
      { ...base, touched: ['2026-11-01'], firstDay: '2026-11-22', rotation: null },
      { days: ['2026-11-01', '2026-11-22', '2026-11-23', '2026-11-24'], rotation: null },
    ],
    [
      'plus a slice of older days, walking back',
      { ...base, firstDay: '2026-11-10', rotation: null },
      {
        days: ['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24'],
        rotation: '2026-11-19',
      },
    ],
    [
      'going on where the last run stopped',
      { ...base, firstDay: '2026-11-10', rotation: '2026-11-12' },
      {
        days: ['2026-11-11', '2026-11-12', '2026-11-22', '2026-11-23', '2026-11-24'],
        rotation: '2026-11-10',
      },
    ],
    [
      'and starting over after the first day',
      { ...base, firstDay: '2026-11-10', rotation: '2026-11-10' },
      {
        days: ['2026-11-10', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24'],
        rotation: '2026-11-20',
      },
    ],
  ])('%s', (_name, input, expected) => {
    expect(planReconcile(input)).toEqual(expected);
  });

  it('re-sends the table-days that do not match', () => {
    const d = { count: 1, checksum: '1' };
    expect(
      mismatches([
        { day: '2026-11-24', table: 'tickets', match: true, hall: d, center: d },
        {
          day: '2026-11-24',
          table: 'audit_log',
          match: false,
          hall: d,
          center: { count: 0, checksum: '0' },
        },
      ]),
    ).toEqual([{ day: '2026-11-24', table: 'audit_log' }]);
  });

  it.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-01-01', -1, '2025-12-31'],
  ])('%s %+i day → %s', (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
  });
});

describe('the reconciliation checksum', () => {
  it('does not depend on the order of rows, and sees a changed version or a missing row', () => {
    const rows = [
      { id: 'a', v: 1 },
      { id: 'b', v: 7 },
      { id: 'c', v: 3 },
    ];
    const digest = digestOf(rows);
    expect(digestOf([...rows].reverse())).toEqual(digest);
    expect(digest.count).toBe(3);
    expect(digestOf([rows[0]!, { id: 'b', v: 8 }, rows[2]!]).checksum).not.toBe(digest.checksum);
    expect(digestOf(rows.slice(1))).not.toEqual(digest);
    expect(digestOf([])).toEqual({ count: 0, checksum: '0' });
  });
});

describe('finding the tables to send', () => {
  const columns: Record<string, string[]> = {
    tickets: ['id', 'business_day', 'state', 'change_seq'],
    ticket_transitions: ['id', 'ticket_id', 'to_state'],
    staff_sessions: ['id', 'staff_id', 'token_hash', 'started_at', 'change_seq'],
    audit_log: ['id', 'at', 'command'],
    evaluations: ['id', 'ticket_id', 'score'], // no change_seq: not sent
  };
  const found = resolveTables(SYNC_TABLES, (t) => columns[t] ?? null);

  it('sends the tables that exist, with their own columns, secrets left out', () => {
    expect(found.tables.map((t) => t.table)).toEqual([
      'tickets',
      'ticket_transitions',
      'staff_sessions',
      'audit_log',
    ]);
    expect(found.tables.find((t) => t.table === 'staff_sessions')!.columns).toEqual([
      'id',
      'staff_id',
      'started_at',
      'change_seq',
    ]);
  });

  it('skips, and says why, the tables not there yet or not shaped as expected', () => {
    expect(found.skipped).toContainEqual({ table: 'cases', why: 'no such table yet' });
    expect(found.skipped).toContainEqual({
      table: 'evaluations',
      why: 'missing column(s) change_seq',
    });
  });
});
