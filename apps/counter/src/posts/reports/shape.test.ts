import type { HallReport } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';
import { arrivalsHeatmap, headline, isEmptyReport, reportState, staffingSeries } from './shape';

const week = () => Array.from({ length: 7 }, () => Array<number>(24).fill(0));

describe('the heat map of arrivals', () => {
  it('spans the hours from the first to the last arrival, leaving empty cells out', () => {
    const m = week();
    m[0]![9] = 3; // Monday 09:00
    m[0]![10] = 2;
    m[4]![13] = 7; // Friday 13:00
    const heat = arrivalsHeatmap(m);
    expect(heat.hours).toEqual([9, 10, 11, 12, 13]);
    expect(heat.cells).toEqual([
      [0, 0, 3],
      [1, 0, 2],
      [4, 4, 7],
    ]);
    expect(heat.max).toBe(7);
  });

  it('is empty without arrivals', () => {
    expect(arrivalsHeatmap(week())).toEqual({ hours: [], cells: [], max: 0 });
  });
});

const hour = (h: number, over: Partial<HallReport['hours'][number]> = {}) => ({
  hour: h,
  arrivalsPerHour: 10,
  handleMeanSec: 300,
  waitP50Sec: 300,
  waitP90Sec: 720,
  withinTargetShare: 0.8,
  countersServing: 2,
  countersRecommended: 3,
  ...over,
});

describe('staffing by hour', () => {
  it('fills the hours between with zero and leaves waits blank where nobody was called', () => {
    const s = staffingSeries([
      hour(9),
      hour(11, { waitP50Sec: 0, waitP90Sec: 0, arrivalsPerHour: 1 }),
    ]);
    expect(s).toEqual({
      hours: [9, 10, 11],
      recommended: [3, 0, 3],
      serving: [2, 0, 2],
      arrivals: [10, 0, 1],
      waitP50Min: [5, null, null],
      waitP90Min: [12, null, null],
    });
  });
});

const report = (over: Partial<HallReport> = {}): HallReport =>
  ({
    tickets: 0,
    services: [],
    clerks: [],
    opinions: { total: 0 },
    cases: { opened: 0, onTimeRate: null },
    ...over,
  }) as unknown as HallReport;

describe('the headline and the empty state', () => {
  it('weights the target share by called tickets and satisfaction by ratings', () => {
    const r = report({
      tickets: 6,
      services: [
        { called: 4, withinTargetShare: 0.75 },
        { called: 1, withinTargetShare: 1 },
      ] as HallReport['services'],
      clerks: [
        { served: 2, handleMeanSec: 210, rated: 1, satisfactionRate: 1 },
        { served: 2, handleMeanSec: 390, rated: 3, satisfactionRate: 0.3333 },
      ] as HallReport['clerks'],
    });
    // (3 + 1) / 5 within target; handling (420 + 780) / 4 = 300 s; (1 + 1) / 4 satisfied.
    expect(headline(r)).toMatchObject({
      tickets: 6,
      served: 4,
      withinTarget: 0.8,
      handleMeanSec: 300,
      satisfaction: 0.5,
    });
    expect(headline(report())).toMatchObject({
      withinTarget: null,
      handleMeanSec: null,
      satisfaction: null,
    });
  });

  it('calls a range empty only when it has no visits, opinions or cases', () => {
    expect(isEmptyReport(report())).toBe(true);
    expect(isEmptyReport(report({ tickets: 1 }))).toBe(false);
    expect(isEmptyReport(report({ opinions: { total: 1 } } as Partial<HallReport>))).toBe(false);
  });
});

describe('CSV of a table', () => {
  it('quotes commas, quotes and line breaks, with a BOM and CRLF', () => {
    expect(
      toCsv(
        ['业务', 'Note'],
        [
          ['缴费', 'a, "b"'],
          ['x', 'two\nlines'],
        ],
      ),
    ).toBe('\uFEFF业务,Note\r\n缴费,"a, ""b"""\r\nx,"two\nlines"\r\n');
  });
});

describe('the reports screen’s state', () => {
  const base = { loading: false, error: false, matches: false, online: true, empty: false };
  it.each([
    ['first asking', { loading: true }, 'loading'],
    ['asking again with the figures held', { loading: true, matches: true }, 'ready'],
    ['the last try refused', { error: true }, 'error'],
    ['refused, but asking again', { error: true, loading: true }, 'loading'],
    ['refused while the old figures are held', { error: true, matches: true }, 'error'],
    ['nothing yet, online', {}, 'loading'],
    ['nothing for this range, offline', { online: false }, 'offline'],
    ['figures held, offline', { online: false, matches: true }, 'ready'],
    ['an empty range', { matches: true, empty: true }, 'empty'],
    ['figures', { matches: true }, 'ready'],
  ] as const)('%s: %s', (_case, over, state) => {
    expect(reportState({ ...base, ...over })).toBe(state);
  });
});
