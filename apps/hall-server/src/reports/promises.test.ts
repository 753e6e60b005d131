import type { CaseType, PromiseChange } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import {
  promisesReport,
  settledOutcome,
  withClerkPromises,
  type PromiseRowFacts,
} from './promises';

const H = 3_600_000;
const range = { fromMs: 100 * H, toMs: 200 * H, asOf: 200 * H };
const change = (at: number, from: number, to: number): PromiseChange => ({
  at,
  by: 'c1',
  fromDueAt: from,
  toDueAt: to,
  reason: 'x',
  told: 'notified',
  notificationId: 'n',
});
const row = (over: Partial<PromiseRowFacts>): PromiseRowFacts => ({
  kind: 'case',
  ownerStaffId: 'c1',
  caseTypeId: 'ct-a',
  promisedAt: 150 * H,
  dueAt: 150 * H,
  promiseChanges: [],
  closedAt: null,
  voided: false,
  ...over,
});

describe('which promises a range counts, and how', () => {
  it.each<{ name: string; r: Partial<PromiseRowFacts>; expected: string | null }>([
    { name: 'closed in range by the promise', r: { closedAt: 140 * H }, expected: 'kept' },
    {
      name: 'closed before the range',
      r: { closedAt: 90 * H, promisedAt: 95 * H, dueAt: 95 * H },
      expected: null,
    },
    {
      name: 'closed in range, after the promise',
      r: { closedAt: 160 * H },
      expected: 'broken_untold',
    },
    {
      name: 'closed after a told change, by the new time',
      r: { dueAt: 170 * H, promiseChanges: [change(140 * H, 150 * H, 170 * H)], closedAt: 165 * H },
      expected: 'kept_after_change',
    },
    {
      name: 'open, re-set late within the range',
      r: { dueAt: 300 * H, promiseChanges: [change(155 * H, 150 * H, 300 * H)] },
      expected: 'broken_told_late',
    },
    { name: 'open past its time within the range', r: {}, expected: 'broken_untold' },
    {
      name: 'open, due after the range',
      r: { promisedAt: 250 * H, dueAt: 250 * H },
      expected: null,
    },
    {
      name: 'open, past its time before the range began',
      r: { promisedAt: 50 * H, dueAt: 50 * H },
      expected: null,
    },
    { name: 'withdrawn in time', r: { closedAt: 120 * H, voided: true }, expected: null },
  ])('$name → $expected', ({ r, expected }) => {
    expect(settledOutcome(row(r), range)).toBe(expected);
  });
});

describe('the promises section and the appraisal', () => {
  const types = [{ id: 'ct-a', nameZh: '甲', nameEn: 'A', sortOrder: 1 }] as CaseType[];
  const facts = [
    row({ closedAt: 140 * H }),
    row({ closedAt: 160 * H, ownerStaffId: 'c2' }),
    row({ kind: 'task', caseTypeId: null, closedAt: 120 * H }),
    row({ dueAt: 170 * H, promiseChanges: [change(140 * H, 150 * H, 170 * H)], closedAt: 165 * H }),
  ];
  it('counts overall, per case type, tasks apart, and per owner', () => {
    const { report, byOwner } = promisesReport(facts, types, range);
    expect(report).toMatchObject({
      kept: 2,
      keptAfterChange: 1,
      brokenToldLate: 0,
      brokenUntold: 1,
      keptRate: 0.75,
    });
    expect(report.byType).toEqual([
      {
        caseTypeId: 'ct-a',
        nameZh: '甲',
        nameEn: 'A',
        kept: 1,
        keptAfterChange: 1,
        brokenToldLate: 0,
        brokenUntold: 1,
      },
    ]);
    expect(report.tasks).toEqual({
      kept: 1,
      keptAfterChange: 0,
      brokenToldLate: 0,
      brokenUntold: 0,
    });
    const rows = withClerkPromises(
      [{ staffId: 'c1' }, { staffId: 'c2' }, { staffId: 'c3' }] as never,
      byOwner,
    );
    expect(
      rows.map((r) => [r.promisesKept, r.promisesKeptAfterChange, r.promisesBrokenUntold]),
    ).toEqual([
      [2, 1, 0],
      [0, 0, 1],
      [undefined, undefined, undefined],
    ]);
  });
  it('has no rate when nothing settled', () => {
    expect(promisesReport([], types, range).report.keptRate).toBeNull();
  });
});
