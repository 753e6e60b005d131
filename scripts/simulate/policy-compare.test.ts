import { describe, expect, it } from 'vitest';
import { defaultConfig } from '@onestop/hall-server';
import { compare, compareWeek, DEFAULT_WEEK } from './policy-compare';
import {
  demoHall,
  fcfsPolicy,
  generateWeek,
  replay,
  WEEK_START,
  type SimCustomer,
  type SimHall,
} from './policy-replay';

// One counter serving a long-target service (15 min) and a short-target one (5 min), open
// 08:00–08:14 so that hour is busy; no walking, no gaps, so every wait is known.
const tiny: SimHall = {
  services: new Map([
    ['svc-long', { targetWaitSec: 900 }],
    ['svc-short', { targetWaitSec: 300 }],
  ]),
  counters: [{ id: 'ctr-1', number: 1, serviceIds: ['svc-long', 'svc-short'], breaks: [] }],
  opensAtSec: 8 * 3600,
  closesAtSec: 8 * 3600 + 14 * 60,
};
const at = (minute: number) => WEEK_START + (8 * 3600 + minute * 60) * 1000;
const customer = (id: string, serviceId: string, minute: number, handleMin: number) =>
  ({
    id,
    day: 0,
    serviceId,
    priority: 'normal',
    issuedAt: at(minute),
    noShow: false,
    walkSec: 0,
    handleSec: handleMin * 60,
    gapSec: 0,
    transferTo: null,
  }) satisfies SimCustomer;

const weights = defaultConfig().callWeights;
// At 10, S1 has missed (9.5 min waited); S2 waited 4.5 min.
const oneMissedOneAboutToMiss = [
  customer('L0', 'svc-long', 0, 10),
  customer('S1', 'svc-short', 0.5, 1),
  customer('S2', 'svc-short', 5.5, 1),
];
const scenarios = [
  {
    // FCFS: L1 0, L2 6, L3 12, S 18 (17 min: missed). Hall: S at 6 (5 min: made it), L2 7, L3 13.
    name: 'a short-target customer behind long-target ones is starved under FCFS',
    customers: [
      customer('L1', 'svc-long', 0, 6),
      customer('L2', 'svc-long', 0, 6),
      customer('L3', 'svc-long', 0, 6),
      customer('S', 'svc-short', 1, 1),
    ],
    weights,
    fcfs: 3 / 4,
    hall: 4 / 4,
  },
  {
    // FCFS and furthest-past-first call S1 first and S2 misses too; passing S1 over calls S2
    // within target.
    name: 'passing over a customer who already missed saves the one about to miss',
    customers: oneMissedOneAboutToMiss,
    weights,
    fcfs: 1 / 3,
    hall: 2 / 3,
  },
  {
    name: 'the same with passOverTargets 0: no better than FCFS',
    customers: oneMissedOneAboutToMiss,
    weights: { ...weights, passOverTargets: 0 },
    fcfs: 1 / 3,
    hall: 1 / 3,
  },
];

describe('the calling-policy comparison', () => {
  it.each(scenarios)('$name', ({ customers, weights: w, fcfs, hall }) => {
    const c = compare(customers, tiny, w);
    expect(c.busy).toEqual([8]);
    expect(c.fcfs.overall.withinTarget).toBeCloseTo(fcfs);
    expect(c.hall.overall.withinTarget).toBeCloseTo(hall);
    expect(c.hall.overall.customers).toBe(customers.length);
  });

  it('replays every customer of the week once under each policy, the same customers', () => {
    const week = generateWeek(DEFAULT_WEEK.seed, 2, DEFAULT_WEEK.visits);
    expect(generateWeek(DEFAULT_WEEK.seed, 2, DEFAULT_WEEK.visits)).toEqual(week);
    const c = compare(week, { ...tiny, counters: [] }, weights); // no counter: nobody called
    expect(c.hall.overall.customers).toBe(0);
    const called = replay(week, demoHall(), fcfsPolicy());
    expect(new Set(called.map((o) => o.customer.id)).size).toBe(week.length);
  });

  it('on the simulated week the hall policy beats FCFS by 10 points or more in busy hours', () => {
    const c = compareWeek();
    expect(c.busy.length).toBeGreaterThanOrEqual(3);
    expect(c.hall.busy.customers).toBe(c.fcfs.busy.customers);
    expect(c.gapBusyPoints).toBeGreaterThanOrEqual(10);
    // With the rule before (the ticket furthest past target first) it did not.
    const before = compareWeek(DEFAULT_WEEK, { ...weights, passOverTargets: 0 });
    expect(before.gapBusyPoints).toBeLessThan(10);
  });
});
