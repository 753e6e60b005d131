import { describe, expect, it } from 'vitest';
import { accuracyOf } from './estimates';
import { computeReport } from './report';
import { at, day2, facts, input, report, ticket } from './report-fixture';

describe('a report over two fixture days: the wait estimate', () => {
  it('judges the wait estimate per service and per hour', () => {
    // A: errors −60, −300, −300 → MAE 220, bias −220 (estimates too short); B: +300.
    // Naive errors: A −180, −600, −400 → 393.3; B −600. Over the upper end: A's second only.
    const a = { n: 3, maeSec: 220, biasSec: -220, naiveMaeSec: 393.3, overHighShare: 0.3333 };
    const b = { n: 1, maeSec: 300, biasSec: 300, naiveMaeSec: 600, overHighShare: 0 };
    expect(report.estimates.byService).toEqual([
      { key: 'svc-a', ...a },
      { key: 'svc-b', ...b },
    ]);
    expect(report.estimates.byHour).toEqual([
      { key: '09:00', ...a },
      { key: '10:00', ...b },
    ]);
    // All four: MAE 240 against the naive 445, one of four past the upper end.
    expect(report.estimates.overall).toEqual({
      key: 'all',
      n: 4,
      maeSec: 240,
      biasSec: -90,
      naiveMaeSec: 445,
      overHighShare: 0.25,
    });
    expect(report.estimates.toldNoCounter).toBe(0);
  });

  it('leaves out the tickets told no counter served them, and counts them', () => {
    const told = ticket(day2, {
      issued: [8, 0],
      state: 'waiting',
      firstCalledAt: at(day2, 9, 0),
      estimatedWaitSec: null,
      noCounterOpen: true,
    });
    const old = ticket(day2, {
      issued: [9, 0],
      firstCalledAt: at(day2, 9, 10),
      estimatedWaitSec: 300, // before issue 15: no range, no naive figure kept
    });
    const r = computeReport({ ...facts, tickets: [told, old] }, input);
    expect(r.estimates.toldNoCounter).toBe(1);
    expect(r.estimates.overall).toEqual({
      key: 'all',
      n: 1,
      maeSec: 300,
      biasSec: -300,
      naiveMaeSec: null,
      overHighShare: null,
    });
  });

  it.each([
    [
      'no ticket told a wait',
      [],
      { n: 0, maeSec: 0, biasSec: 0, naiveMaeSec: null, overHighShare: null },
    ],
    [
      'one too long, one too short',
      [
        { error: 120, naiveError: -60, overHigh: false },
        { error: -60, naiveError: 30, overHigh: true },
      ],
      { n: 2, maeSec: 90, biasSec: 30, naiveMaeSec: 45, overHighShare: 0.5 },
    ],
    [
      'a naive figure missing: none compared',
      [
        { error: 120, naiveError: -60, overHigh: null },
        { error: 60, naiveError: null, overHigh: null },
      ],
      { n: 2, maeSec: 90, biasSec: 90, naiveMaeSec: null, overHighShare: null },
    ],
  ])('%s', (_, errors, expected) => {
    expect(accuracyOf('k', errors)).toEqual({ key: 'k', ...expected });
  });
});
