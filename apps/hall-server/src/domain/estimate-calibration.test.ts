import { describe, expect, it } from 'vitest';
import { calibrateRanges, type ToldWait } from './estimate-calibration';

// The range told at issue, learned from what earlier customers were told and how long they
// really waited: the centre stays the played-forward estimate; the ends are the quantiles of
// the misses of the customers told about the same centre.

/** `n` customers of `serviceId` told `centreSec`, whose misses (wait − centre) are spread
 *  evenly from `fromSec` to `toSec`. */
function told(n: number, centreSec: number, fromSec: number, toSec: number, serviceId = 'svc-a') {
  return Array.from({ length: n }, (_, i): ToldWait => ({
    serviceId,
    centreSec,
    waitSec: Math.max(0, centreSec + fromSec + ((toSec - fromSec) * i) / (n - 1)),
  }));
}

describe('the range learned from the waits told on recent days', () => {
  it.each<{
    name: string;
    history: ToldWait[];
    serviceId?: string;
    centreSec: number;
    /** Expected [low, high], or null: no history to learn from (the caller's fallback). */
    range: [number, number] | null;
  }>([
    { name: 'no history at all: nothing learned', history: [], centreSec: 600, range: null },
    {
      name: 'too few customers to learn from: nothing learned',
      history: told(59, 600, -60, 600),
      centreSec: 600,
      range: null,
    },
    {
      // Misses spread evenly over −60…+900 s: 5 % at −12 s, 90 % at +804 s.
      name: 'an estimate short on average: the range leans above the centre',
      history: told(101, 600, -60, 900),
      centreSec: 600,
      range: [588, 1404],
    },
    {
      name: 'an estimate that is right: a narrow range',
      history: told(101, 600, 0, 0),
      centreSec: 600,
      range: [600, 660], // at least a minute above the centre
    },
    {
      // Misses of −300…+300 s at a 600 s centre are ±¼ of (centre + 600 s): a 1800 s centre,
      // beyond what was seen, gets them scaled to (1800 + 600) s (5 % at −0.225, 90 % at 0.2).
      name: 'a longer wait than any seen: the misses grow with the wait',
      history: told(101, 600, -300, 300),
      centreSec: 1800,
      range: [1800 - 0.225 * 2400, 1800 + 0.2 * 2400],
    },
    {
      name: 'the low end never passes the centre, nor goes under zero',
      history: told(101, 0, 120, 600),
      centreSec: 0,
      range: [0, 552],
    },
  ])('$name', ({ history, serviceId = 'svc-a', centreSec, range }) => {
    const learned = calibrateRanges(history).range(serviceId, centreSec);
    if (range === null) {
      expect(learned).toBeNull();
      return;
    }
    expect(learned?.lowSec).toBeCloseTo(range[0], 0);
    expect(learned?.highSec).toBeCloseTo(range[1], 0);
  });

  it('learns each service from its own customers once it has enough', () => {
    const history = [...told(100, 600, 0, 0, 'svc-a'), ...told(100, 600, 0, 1200, 'svc-b')];
    const calibration = calibrateRanges(history);
    expect(calibration.range('svc-a', 600)?.highSec).toBe(660);
    expect(calibration.range('svc-b', 600)?.highSec).toBeGreaterThan(1600);
  });

  it('a service with too few customers of its own borrows from the whole hall', () => {
    const history = [...told(150, 600, 0, 1200, 'svc-a'), ...told(10, 600, 0, 0, 'svc-new')];
    const calibration = calibrateRanges(history);
    expect(calibration.range('svc-new', 600)).not.toBeNull();
    expect(calibration.range('svc-new', 600)?.highSec).toBeGreaterThan(1500);
    expect(calibration.range('svc-unknown', 600)?.highSec).toBeGreaterThan(1500);
  });

  it('listens to the customers told about the same wait, not to those told far shorter', () => {
    // Short waits were told right; long ones were short by 20 minutes.
    const history = [...told(200, 60, 0, 0), ...told(200, 2400, 1200, 1200)];
    const calibration = calibrateRanges(history);
    expect(calibration.range('svc-a', 60)?.highSec).toBe(120);
    expect(calibration.range('svc-a', 2400)?.highSec).toBeCloseTo(3600, 0);
  });
});
