import { DEFAULT_SPOT_CHECK_ITEMS, type SpotCheckItem } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import {
  checklistItems,
  checklistProblem,
  judgeSpotCheck,
  monthsEnding,
  scoreSpotCheck,
  type SpotCheckWork,
} from './spot-checks';

const items: SpotCheckItem[] = [
  { id: 'courtesy', nameZh: '礼貌用语', nameEn: 'Courtesy', weight: 20 },
  { id: 'accuracy', nameZh: '业务准确', nameEn: 'Accuracy', weight: 30 },
];
const all = (courtesy: number, accuracy: number) => [
  { itemId: 'courtesy', score: courtesy },
  { itemId: 'accuracy', score: accuracy },
];

describe('scoreSpotCheck', () => {
  it.each([
    { scores: all(20, 30), pct: 100 },
    { scores: all(0, 0), pct: 0 },
    { scores: all(10, 30), pct: 80 },
    { scores: all(20, 10), pct: 60 },
    // 7 of 50 = 14 %; 1 of 50 = 2 %; rounding: 33 of 50 = 66 %.
    { scores: all(7, 0), pct: 14 },
    { scores: all(13, 20), pct: 66 },
    { scores: [...all(20, 30)].reverse(), pct: 100 },
  ])('$scores → $pct %', ({ scores, pct }) => {
    const r = scoreSpotCheck(items, scores);
    expect(r.ok && r.value.totalPct).toBe(pct);
  });

  it.each([
    {
      why: 'above the item’s points',
      scores: all(21, 30),
      detail: 'courtesy must be from 0 to 20',
    },
    { why: 'negative', scores: all(20, -1), detail: 'accuracy must be from 0 to 30' },
    { why: 'not whole', scores: all(20, 1.5), detail: 'accuracy must be from 0 to 30' },
    {
      why: 'an item not on the checklist',
      scores: [...all(1, 1), { itemId: 'smile', score: 1 }],
      detail: 'smile is not on the checklist',
    },
    {
      why: 'an item twice',
      scores: [...all(1, 1), { itemId: 'courtesy', score: 1 }],
      detail: 'courtesy is scored twice',
    },
    {
      why: 'an item left out',
      scores: [{ itemId: 'courtesy', score: 1 }],
      detail: 'accuracy is not scored',
    },
  ])('refuses a score $why', ({ scores, detail }) => {
    expect(scoreSpotCheck(items, scores)).toEqual({
      ok: false,
      code: 'invalid_payload',
      detail: `scores: ${detail}`,
    });
  });

  it('keeps each item as it was scored, with its points', () => {
    const r = scoreSpotCheck(items, all(5, 6));
    expect(r.ok && r.value.items).toEqual([
      { ...items[0], score: 5 },
      { ...items[1], score: 6 },
    ]);
  });
});

describe('checklists', () => {
  it('uses the hall’s default when a service has none', () => {
    expect(checklistItems(null)).toBe(DEFAULT_SPOT_CHECK_ITEMS);
    expect(checklistItems([])).toBe(DEFAULT_SPOT_CHECK_ITEMS);
    expect(checklistItems(items)).toBe(items);
  });

  it('the default weighs 100 points, each item once', () => {
    expect(DEFAULT_SPOT_CHECK_ITEMS.reduce((s, i) => s + i.weight, 0)).toBe(100);
    expect(checklistProblem(DEFAULT_SPOT_CHECK_ITEMS)).toBeNull();
  });

  it('refuses an item id twice', () => {
    expect(checklistProblem([...items, { ...items[0]!, nameZh: '再来' }])).toBe(
      'items.2.id: courtesy is on the checklist twice',
    );
  });
});

describe('judgeSpotCheck', () => {
  const today = '2026-11-24';
  const visit = (over: Partial<Extract<SpotCheckWork, { subject: 'ticket' }>> = {}) =>
    ({ subject: 'ticket', state: 'done', servingStaffId: 'clerk-1', day: today, ...over }) as const;
  const aCase = { subject: 'case', ownerStaffId: 'clerk-2', day: '2026-11-01' } as const;

  it.each([
    {
      why: 'a finished visit',
      work: visit(),
      expected: { ok: true, value: { staffId: 'clerk-1' } },
    },
    { why: 'a case', work: aCase, expected: { ok: true, value: { staffId: 'clerk-2' } } },
    {
      why: '31 days ago',
      work: visit({ day: '2026-10-24' }),
      expected: { ok: true, value: { staffId: 'clerk-1' } },
    },
    {
      why: 'a visit being served',
      work: visit({ state: 'serving' }),
      expected: { ok: false, code: 'spot_check_not_finished' },
    },
    {
      why: 'a no-show',
      work: visit({ state: 'no_show' }),
      expected: { ok: false, code: 'spot_check_not_finished' },
    },
    {
      why: 'a visit nobody served',
      work: visit({ servingStaffId: null }),
      expected: { ok: false, code: 'spot_check_not_finished' },
    },
    {
      why: 'the leader’s own visit',
      work: visit({ servingStaffId: 'leader-1' }),
      expected: { ok: false, code: 'spot_check_own_work' },
    },
    {
      why: 'the leader’s own case',
      work: { ...aCase, ownerStaffId: 'leader-1' },
      expected: { ok: false, code: 'spot_check_own_work' },
    },
    {
      why: '32 days ago',
      work: visit({ day: '2026-10-23' }),
      expected: { ok: false, code: 'spot_check_too_old' },
    },
    {
      why: 'a day to come',
      work: visit({ day: '2026-11-25' }),
      expected: { ok: false, code: 'spot_check_too_old' },
    },
  ])('$why', ({ work, expected }) => {
    expect(judgeSpotCheck(work as SpotCheckWork, 'leader-1', today, false)).toEqual(expected);
  });

  it('refuses work already checked', () => {
    expect(judgeSpotCheck(visit(), 'leader-1', today, true)).toEqual({
      ok: false,
      code: 'spot_check_exists',
    });
  });
});

describe('monthsEnding', () => {
  it.each([
    { last: '2026-11', n: 1, months: ['2026-11'] },
    { last: '2026-02', n: 3, months: ['2025-12', '2026-01', '2026-02'] },
    { last: '2026-12', n: 2, months: ['2026-11', '2026-12'] },
  ])('$n ending $last', ({ last, n, months }) => {
    expect(monthsEnding(last, n)).toEqual(months);
  });

  it('24 months run back two years', () => {
    const months = monthsEnding('2026-11', 24);
    expect(months).toHaveLength(24);
    expect(months[0]).toBe('2024-12');
  });
});
