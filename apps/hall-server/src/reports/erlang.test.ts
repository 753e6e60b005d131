import { describe, expect, it } from 'vitest';
import { countersNeeded, erlangC, meanWaitSec, serviceLevel } from './erlang';

// Checked against the widely published worked example (Call Centre Helper, "Erlang C
// formula – made simple"): 100 calls in 30 minutes (200 an hour), 180 s average handling =
// 10 erlangs; P(wait) with 11/12/13/14 agents = 0.6821/0.4494/0.2853/0.1741, and the share
// answered within 20 s = 39.0/64.0/79.6/88.8 %; so 14 agents for 80/20.

describe('Erlang C', () => {
  it.each([
    // [c, a, P(wait)] from published tables
    [1, 0.5, 0.5],
    [2, 1, 1 / 3],
    [11, 10, 0.6821],
    [12, 10, 0.4494],
    [13, 10, 0.2853],
    [14, 10, 0.1741],
  ])('C(%i, %f) ≈ %f', (c, a, expected) => {
    expect(erlangC(c, a)).toBeCloseTo(expected, 3);
  });

  it('is 1 when the load reaches the number of counters, 0 with no load', () => {
    expect(erlangC(3, 3)).toBe(1);
    expect(erlangC(3, 0)).toBe(0);
  });

  it('gives the textbook service level and staffing', () => {
    const load = { arrivalsPerHour: 200, meanHandleSec: 180 };
    expect(serviceLevel(11, load, 20)).toBeCloseTo(0.39, 2);
    expect(serviceLevel(12, load, 20)).toBeCloseTo(0.64, 2);
    expect(serviceLevel(13, load, 20)).toBeCloseTo(0.796, 3);
    expect(serviceLevel(14, load, 20)).toBeCloseTo(0.888, 3);
    expect(countersNeeded(load, 20, 0.8)).toBe(14);
    // Average speed of answer with 14 agents: C / (cμ − λ) = 0.1741 × 180 / 4 ≈ 7.8 s.
    expect(meanWaitSec(14, load)).toBeCloseTo(7.8, 1);
  });

  it.each([
    { label: 'nobody comes', arrivals: 0, expected: 0 },
    { label: 'a quiet hour of bill payments', arrivals: 6, expected: 1 },
    { label: 'a busy hour of bill payments', arrivals: 60, expected: 4 },
  ])('a hall: $label → $expected counters', ({ arrivals, expected }) => {
    expect(countersNeeded({ arrivalsPerHour: arrivals, meanHandleSec: 180 }, 600, 0.8)).toBe(
      expected,
    );
  });
});
