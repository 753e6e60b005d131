import { describe, expect, it } from 'vitest';
import { mean, round, satisfactionOf, share } from './figures';
import { report } from './report-fixture';

describe('the shared arithmetic', () => {
  it.each([
    [[], 0],
    [[300], 300],
    [[180, 180, 240], 200],
  ])('the mean of %j is %d', (values, expected) => {
    expect(mean(values)).toBe(expected);
  });

  it.each([
    [393.333, 1, 393.3],
    [0.33333, 4, 0.3333],
    [-219.96, 1, -220],
  ])('%d rounded to %d decimals is %d', (n, digits, expected) => {
    expect(round(n, digits)).toBe(expected);
  });

  it.each([
    [3, 4, 0.75],
    [1, 3, 0.3333],
    [0, 0, 0], // nothing of nothing is no share, not NaN
  ])('%d of %d is a share of %d', (part, whole, expected) => {
    expect(share(part, whole)).toBe(expected);
  });

  it.each([
    [[], { rated: 0, satisfactionRate: null }],
    [
      ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied'],
      { rated: 4, satisfactionRate: 0.5 },
    ],
    [['dissatisfied'], { rated: 1, satisfactionRate: 0 }],
  ])('ratings %j: %j', (scores, expected) => {
    expect(satisfactionOf(scores.map((score) => ({ staffId: 'c1', score })))).toEqual(expected);
  });
});

describe('a report over two fixture days: volume', () => {
  it('counts per service: waits, target share, handling, no-shows, transfers, cancellations, satisfaction', () => {
    // A waits [120, 300, 600, 900]: p50 300, p90 900, 3 of 4 within 600 s; handles [180, 180, 240].
    expect(report.services[0]).toEqual({
      serviceId: 'svc-a',
      tickets: 4,
      called: 4,
      waitP50Sec: 300,
      waitP90Sec: 900,
      withinTargetShare: 0.75,
      handleMeanSec: 200,
      handleP90Sec: 240,
      noShowRate: 0.25,
      transfers: 0,
      cancellations: 0,
      rated: 1, // the second evaluation was not rated
      satisfactionRate: 1,
    });
    expect(report.services[1]).toEqual({
      serviceId: 'svc-b',
      tickets: 2,
      called: 1,
      waitP50Sec: 600,
      waitP90Sec: 600,
      withinTargetShare: 1,
      handleMeanSec: 600,
      handleP90Sec: 600,
      noShowRate: 0,
      transfers: 1,
      cancellations: 1,
      rated: 1,
      satisfactionRate: 0,
    });
    expect([report.days, report.tickets]).toEqual([2, 6]);
  });

  it('appraises each clerk: volume, handling, rating coverage and satisfaction, opinions', () => {
    expect(report.clerks).toEqual([
      {
        staffId: 'c1',
        name: 'c1',
        staffNo: '1001',
        served: 2,
        handleMeanSec: 210,
        owned: 2,
        rated: 1,
        ratingCoverage: 0.5,
        satisfactionRate: 1,
        dissatisfied: 0,
        opinions: 1,
        casesOwned: 2,
        casesOnTime: 1,
        overdue: 1,
      },
      {
        staffId: 'c2',
        name: 'c2',
        staffNo: '1002',
        served: 2,
        handleMeanSec: 390,
        owned: 2,
        rated: 1,
        ratingCoverage: 0.5,
        satisfactionRate: 0,
        dissatisfied: 1,
        opinions: 0,
        casesOwned: 2,
        casesOnTime: 0,
        overdue: 0,
      },
    ]); // c3 did nothing and is left out
  });
});
