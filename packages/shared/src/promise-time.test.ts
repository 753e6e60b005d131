import { describe, expect, it } from 'vitest';
import type { PromiseRule } from './model';
import {
  addBusinessMs,
  businessMsBetween,
  promiseDue,
  promiseStage,
  promiseWarnAt,
  type PromiseClockSetting,
} from './promise-time';
import { atLocalTime } from './time';

const H = 3_600_000;
const SH = 'Asia/Shanghai';
const BERLIN = 'Europe/Berlin'; // DST: 2026-03-29 has 23 hours, 2026-10-25 has 25
const hall: PromiseClockSetting = {
  timeZone: SH,
  businessHours: { open: '09:00', close: '17:00' },
};
const at = (day: string, hhmm: string, tz = SH) => {
  const [h, m] = hhmm.split(':').map(Number);
  return atLocalTime(day, h!, m!, tz);
};
const rule = (amount: number, unit: PromiseRule['unit'], clock: PromiseRule['clock']) => ({
  amount,
  unit,
  clock,
});

describe('承诺: the promised time of a rule', () => {
  it.each([
    {
      name: '4 business hours within the day',
      rule: rule(4, 'hours', 'business'),
      start: at('2026-12-01', '10:00'),
      due: at('2026-12-01', '14:00'),
    },
    {
      name: '4 business hours across the night',
      rule: rule(4, 'hours', 'business'),
      start: at('2026-12-01', '16:00'),
      due: at('2026-12-02', '12:00'),
    },
    {
      name: 'business hours opened before opening start at opening',
      rule: rule(2, 'hours', 'business'),
      start: at('2026-12-01', '07:30'),
      due: at('2026-12-01', '11:00'),
    },
    {
      name: 'business hours opened after closing start next morning',
      rule: rule(2, 'hours', 'business'),
      start: at('2026-12-01', '19:00'),
      due: at('2026-12-02', '11:00'),
    },
    {
      name: 'exactly to closing time stays that day',
      rule: rule(8, 'hours', 'business'),
      start: at('2026-12-01', '09:00'),
      due: at('2026-12-01', '17:00'),
    },
    {
      name: '20 business hours: two nights',
      rule: rule(20, 'hours', 'business'),
      start: at('2026-12-01', '13:00'),
      due: at('2026-12-03', '17:00'),
    },
    {
      name: 'calendar hours run through the night',
      rule: rule(4, 'hours', 'calendar'),
      start: at('2026-12-01', '16:00'),
      due: at('2026-12-01', '20:00'),
    },
    {
      name: 'calendar days end with the local day (限时办结)',
      rule: rule(3, 'days', 'calendar'),
      start: at('2026-12-01', '16:00'),
      due: at('2026-12-05', '00:00') - 1,
    },
    {
      name: 'business days end at closing time',
      rule: rule(1, 'days', 'business'),
      start: at('2026-12-01', '16:00'),
      due: at('2026-12-02', '17:00'),
    },
  ])('$name', ({ rule: r, start, due }) => {
    expect(new Date(promiseDue(r, start, hall)).toISOString()).toBe(new Date(due).toISOString());
  });

  it('a hall without opening hours counts business time as calendar time', () => {
    const open = { timeZone: SH, businessHours: null };
    const start = at('2026-12-01', '16:00');
    expect(promiseDue(rule(4, 'hours', 'business'), start, open)).toBe(start + 4 * H);
    expect(promiseDue(rule(1, 'days', 'business'), start, open)).toBe(
      at('2026-12-03', '00:00') - 1,
    );
  });
});

describe('承诺 across DST days (Europe/Berlin)', () => {
  const berlin = { timeZone: BERLIN, businessHours: { open: '09:00', close: '17:00' } };
  it.each([
    {
      name: 'spring forward: business hours keep local opening times',
      r: rule(4, 'hours', 'business'),
      start: at('2026-03-28', '16:00', BERLIN),
      due: at('2026-03-29', '12:00', BERLIN),
    },
    {
      name: 'spring forward: 24 calendar hours read 17:00 the next day',
      r: rule(24, 'hours', 'calendar'),
      start: at('2026-03-28', '16:00', BERLIN),
      due: at('2026-03-29', '17:00', BERLIN),
    },
    {
      name: 'fall back: 24 calendar hours read 15:00 the next day',
      r: rule(24, 'hours', 'calendar'),
      start: at('2026-10-24', '16:00', BERLIN),
      due: at('2026-10-25', '15:00', BERLIN),
    },
    {
      name: 'fall back: a calendar day ends at local midnight (a 25-hour day)',
      r: rule(1, 'days', 'calendar'),
      start: at('2026-10-24', '10:00', BERLIN),
      due: at('2026-10-26', '00:00', BERLIN) - 1,
    },
    {
      name: 'fall back: a business day ends at local closing time',
      r: rule(1, 'days', 'business'),
      start: at('2026-10-24', '10:00', BERLIN),
      due: at('2026-10-25', '17:00', BERLIN),
    },
  ])('$name', ({ r, start, due }) => {
    expect(new Date(promiseDue(r, start, berlin)).toISOString()).toBe(new Date(due).toISOString());
  });

  it('a night window across the spring-forward jump is as long as the clock says (2 h)', () => {
    const night = { timeZone: BERLIN, businessHours: { open: '01:00', close: '04:00' } };
    const from = at('2026-03-29', '00:00', BERLIN);
    const to = at('2026-03-30', '00:00', BERLIN);
    expect(businessMsBetween(from, to, night)).toBe(2 * H);
    expect(addBusinessMs(from, 2 * H, night)).toBe(at('2026-03-29', '04:00', BERLIN));
  });
});

describe('承诺: the warning share and the stage', () => {
  const start = at('2026-12-01', '16:00');
  const due = at('2026-12-02', '12:00'); // 4 business hours
  it.each([
    {
      name: 'business clock: 75% of 4 h of opening time',
      clock: 'business' as const,
      warn: at('2026-12-02', '11:00'),
    },
    { name: 'calendar clock: 75% of 20 h', clock: 'calendar' as const, warn: start + 15 * H },
  ])('$name', ({ clock, warn }) => {
    expect(
      promiseWarnAt(
        { kind: 'task', start, dueAt: due, clock },
        { ...hall, promiseWarnPercent: 75 },
      ),
    ).toBe(warn);
  });
  it('tasks default to 75%, cases without a share keep caseWarning (24 h before)', () => {
    expect(promiseWarnAt({ kind: 'task', start, dueAt: due, clock: 'business' }, hall)).toBe(
      at('2026-12-02', '11:00'),
    );
    expect(promiseWarnAt({ kind: 'case', start, dueAt: due, clock: 'business' }, hall)).toBe(
      due - 24 * H,
    );
    expect(
      promiseWarnAt(
        { kind: 'case', start, dueAt: due, clock: 'business' },
        { ...hall, caseWarning: { by: 'hours', hours: 2 } },
      ),
    ).toBe(due - 2 * H);
  });
  it.each([
    { now: 0, stage: 'on_time' },
    { now: 50, stage: 'warning' },
    { now: 100, stage: 'warning' },
    { now: 101, stage: 'overdue' },
  ])('at $now → $stage', ({ now, stage }) => {
    expect(promiseStage(100, 50, now)).toBe(stage);
  });
});
