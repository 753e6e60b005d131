import type { HallReport } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { trendSeries, type MonthFigures } from './appraisal-trends';
import { meanPct, withClerkSpotChecks } from './spot-checks';

const figures = (over: Partial<MonthFigures>): MonthFigures => ({
  served: 0,
  handledWithinTarget: 0,
  rated: 0,
  satisfied: 0,
  quizPcts: [],
  spotCheckPcts: [],
  ...over,
});

describe('trendSeries', () => {
  it('gives every month, with null figures where nothing happened', () => {
    const series = trendSeries(
      ['2026-10', '2026-11'],
      new Map([
        [
          '2026-11',
          figures({
            served: 8,
            handledWithinTarget: 6,
            rated: 4,
            satisfied: 3,
            quizPcts: [80, 90],
            spotCheckPcts: [85, 70, 100],
          }),
        ],
      ]),
    );
    expect(series).toEqual([
      {
        month: '2026-10',
        served: 0,
        handledWithinTarget: null,
        rated: 0,
        satisfactionRate: null,
        quizAttempts: 0,
        quizAvgPct: null,
        spotChecks: 0,
        spotCheckAvgPct: null,
      },
      {
        month: '2026-11',
        served: 8,
        handledWithinTarget: 0.75,
        rated: 4,
        satisfactionRate: 0.75,
        quizAttempts: 2,
        quizAvgPct: 85,
        spotChecks: 3,
        spotCheckAvgPct: 85,
      },
    ]);
  });

  it('ignores months outside the series', () => {
    expect(trendSeries(['2026-11'], new Map([['2026-01', figures({ served: 3 })]]))).toEqual([
      expect.objectContaining({ month: '2026-11', served: 0 }),
    ]);
  });
});

describe('spot checks in the appraisal', () => {
  it.each([
    { pcts: [], mean: null },
    { pcts: [100], mean: 100 },
    { pcts: [80, 85], mean: 82.5 },
    { pcts: [70, 70, 71], mean: 70.3 },
  ])('mean of $pcts is $mean', ({ pcts, mean }) => {
    expect(meanPct(pcts)).toBe(mean);
  });

  const row = (staffId: string) =>
    ({ staffId, name: staffId, staffNo: staffId }) as HallReport['clerks'][number];

  it('adds the count and mean to the clerks checked, and leaves the others', () => {
    const rows = withClerkSpotChecks(
      [row('a'), row('b')],
      [
        { staffId: 'a', totalPct: 90 },
        { staffId: 'a', totalPct: 60 },
        { staffId: 'z', totalPct: 10 },
      ],
    );
    expect(rows[0]).toMatchObject({ spotChecks: 2, spotCheckAvgPct: 75 });
    expect(rows[1]).toEqual(row('b'));
  });
});
