import type { Ticket } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import {
  estimateWait,
  naiveWaitSec,
  peopleAhead,
  rangeOf,
  type HeldTicket,
  type WaitInput,
} from './estimate';
import { handlingProfile, trimmed, type HandlingTime } from './handling-times';
import { aCounter, aService, aTicket, T0, weights } from './test-fixtures';

const services = new Map([
  ['svc-a', aService({ id: 'svc-a', targetWaitSec: 600, targetHandleSec: 300 })],
  ['svc-b', aService({ id: 'svc-b', targetWaitSec: 600, targetHandleSec: 300 })],
]);
/** Every visit takes exactly 300 s: the figures below are exact. */
const exact: HandlingTime = { meanSec: 300, sdSec: 0, n: 50 };
const TURN = 20; // TURNAROUND_SEC

const mine = aTicket({ id: 'mine', queuedAt: T0, issuedAt: T0 });
const older = (id: string, over: Partial<Ticket> = {}) =>
  aTicket({ id, queuedAt: T0 - 60_000, issuedAt: T0 - 60_000, ...over });

function input(over: Partial<WaitInput>): WaitInput {
  return {
    ticket: mine,
    waiting: [mine],
    counters: [aCounter()],
    held: new Map(),
    services,
    handling: () => exact,
    weights,
    now: T0,
    ...over,
  };
}

const holding = (counterId: string, elapsedSec: number): [string, HeldTicket] => [
  counterId,
  { serviceId: 'svc-a', sinceMs: T0 - elapsedSec * 1000 },
];

describe('the wait, played forward over the counters open now', () => {
  it.each<{ name: string; over: Partial<WaitInput>; centre: number; noCounter?: boolean }>([
    {
      name: 'no counter at all: nobody will call it',
      over: { counters: [] },
      centre: 0,
      noCounter: true,
    },
    {
      name: 'counters open but none serves the service',
      over: { counters: [aCounter({ serviceIds: ['svc-b'] })] },
      centre: 0,
      noCounter: true,
    },
    {
      name: 'a closed counter serving it counts for nothing',
      over: { counters: [aCounter({ state: 'closed', staffId: null })] },
      centre: 0,
      noCounter: true,
    },
    { name: 'one idle counter, nobody ahead: called at once', over: {}, centre: 0 },
    {
      name: 'one counter 200 s into a 300 s visit: free in 100 s (+ turnaround)',
      over: { held: new Map([holding('ctr-1', 200)]) },
      centre: 100 + TURN,
    },
    {
      name: 'one counter just started: the whole visit',
      over: { held: new Map([holding('ctr-1', 0)]) },
      centre: 300 + TURN,
    },
    {
      name: 'a visit overrunning its mean still takes a quarter of it',
      over: { held: new Map([holding('ctr-1', 900)]) },
      centre: 75 + TURN,
    },
    {
      name: 'two ahead at one idle counter',
      over: { waiting: [older('x'), older('y'), mine] },
      centre: 2 * (300 + TURN),
    },
    {
      name: 'two ahead at two idle counters: each takes one',
      over: {
        waiting: [older('x'), older('y'), mine],
        counters: [aCounter({ id: 'c1' }), aCounter({ id: 'c2' })],
      },
      centre: 300 + TURN,
    },
    {
      name: 'a priority customer issued after me is still called before me',
      over: {
        waiting: [
          aTicket({ id: 'p', priority: 'priority', queuedAt: T0 + 1, issuedAt: T0 + 1 }),
          mine,
        ],
        held: new Map([holding('ctr-1', 0)]),
      },
      centre: 2 * (300 + TURN),
    },
    {
      name: 'a returning (transferred) ticket goes first',
      over: {
        waiting: [aTicket({ id: 'r', returning: true, queuedAt: T0 + 1 }), mine],
      },
      centre: 300 + TURN,
    },
    {
      name: 'a shared counter also serves the other service’s older tickets',
      over: {
        counters: [aCounter({ serviceIds: ['svc-a', 'svc-b'] })],
        waiting: [older('b1', { serviceId: 'svc-b' }), older('b2', { serviceId: 'svc-b' }), mine],
      },
      centre: 2 * (300 + TURN),
    },
    {
      name: 'the other service’s tickets go to its own counter when it has one',
      over: {
        counters: [
          aCounter({ id: 'shared', serviceIds: ['svc-a', 'svc-b'] }),
          aCounter({ id: 'b-only', serviceIds: ['svc-b'] }),
        ],
        waiting: [older('b1', { serviceId: 'svc-b' }), older('b2', { serviceId: 'svc-b' }), mine],
      },
      centre: 300 + TURN,
    },
    {
      name: 'a counter paused for a break comes back after the break',
      over: { counters: [aCounter({ state: 'paused', pauseReason: 'break', updatedAt: T0 })] },
      centre: 15 * 60,
    },
  ])('$name', ({ over, centre, noCounter = false }) => {
    const range = estimateWait(input(over));
    expect(range.noCounterOpen).toBe(noCounter);
    expect(range.estimatedWaitSec).toBe(centre);
    expect(range.lowSec).toBeLessThanOrEqual(range.estimatedWaitSec);
    expect(range.highSec).toBeGreaterThanOrEqual(range.estimatedWaitSec);
  });

  it('widens the range with the spread of the handling times waited through', () => {
    const steady = estimateWait(input({ waiting: [older('x'), older('y'), mine] }));
    const spread = estimateWait(
      input({
        waiting: [older('x'), older('y'), mine],
        handling: () => ({ meanSec: 300, sdSec: 150, n: 50 }),
      }),
    );
    expect(spread.estimatedWaitSec).toBe(steady.estimatedWaitSec);
    expect(spread.highSec - spread.lowSec).toBeGreaterThan(steady.highSec - steady.lowSec);
    expect(steady.highSec).toBeGreaterThan(steady.estimatedWaitSec); // never a bare point
  });

  it('five ahead at one counter: all five before it', () => {
    const five = ['1', '2', '3', '4', '5'].map((id) => older(id));
    expect(estimateWait(input({ waiting: [...five, mine] })).estimatedWaitSec).toBe(
      5 * (300 + TURN),
    );
  });

  it('customers still to come with priority are called before it', () => {
    const waiting = [older('x'), older('y'), mine];
    const without = estimateWait(input({ waiting }));
    // 12 an hour (one every 300 s), all with priority: they go first once they arrive.
    const withPriority = estimateWait(
      input({ waiting, arrivals: () => ({ perHour: 12, priorityShare: 1 }) }),
    );
    const plain = estimateWait(
      input({ waiting, arrivals: () => ({ perHour: 12, priorityShare: 0 }) }),
    );
    expect(withPriority.estimatedWaitSec).toBeGreaterThan(without.estimatedWaitSec);
    expect(plain.estimatedWaitSec).toBe(without.estimatedWaitSec); // ordinary ones queue behind
  });

  it('a ticket sent to one counter waits for that counter only', () => {
    const targeted = aTicket({ id: 'mine', targetCounterId: 'c2' });
    const range = estimateWait(
      input({
        ticket: targeted,
        waiting: [targeted],
        counters: [aCounter({ id: 'c1' }), aCounter({ id: 'c2' })],
        held: new Map([holding('c2', 100)]),
      }),
    );
    expect(range.estimatedWaitSec).toBe(200 + TURN);
  });
});

describe('the range while the hall has no record of waits told (a new hall)', () => {
  // Handling times are the targets and no arrivals are expected yet, so the range is wide:
  // above the centre 3.5 spreads and 140 % of the centre (at least 525 s); below it one spread
  // and 40 % of the centre (at least 150 s). The hall's record replaces it from the next day.
  it.each([
    { centre: 0, variance: 0, low: 0, high: 525 },
    { centre: 600, variance: 0, low: 360, high: 600 + 840 },
    { centre: 600, variance: 100 ** 2, low: 260, high: 600 + 350 + 840 },
    { centre: 100, variance: 0, low: 0, high: 625 },
  ])('centre $centre s, spread² $variance: $low–$high s', ({ centre, variance, low, high }) => {
    expect(rangeOf(centre, variance)).toEqual({
      estimatedWaitSec: centre,
      lowSec: low,
      highSec: high,
      noCounterOpen: false,
    });
  });
});

describe('handling times learned from recent days', () => {
  const sample = (sec: number, hour = 10) => ({ serviceId: 'svc-a', hour, sec });
  it.each([
    { name: 'no history: the target', samples: [], mean: 300, n: 0 },
    {
      name: 'a few: the day’s trimmed mean',
      samples: [200, 200, 200, 200, 200].map((s) => sample(s, 15)),
      mean: 200,
      n: 5,
    },
    {
      name: 'outliers (a parked visit, a forgotten finish) are trimmed away',
      samples: [...Array.from({ length: 18 }, () => sample(240)), sample(5), sample(20_000)],
      mean: 240,
      n: 20,
    },
    {
      name: 'the hour’s own figure once it has enough',
      samples: [
        ...Array.from({ length: 20 }, () => sample(400, 10)),
        ...Array.from({ length: 40 }, () => sample(100, 15)),
      ],
      mean: 400,
      n: 20,
    },
  ])('$name', ({ samples, mean, n }) => {
    const time = handlingProfile(samples).at('svc-a', 10, 300);
    expect(time.meanSec).toBeCloseTo(mean);
    expect(time.n).toBe(n);
  });

  it('the spread of the trimmed samples', () => {
    expect(trimmed([100, 300]).sdSec).toBe(100);
    expect(trimmed([]).n).toBe(0);
  });
});

describe('people ahead and the naive estimate', () => {
  it('people ahead follow the calling order of the ticket’s service', () => {
    const service = aService();
    const me = aTicket({ id: 'mine', queuedAt: T0 + 10_000 });
    const waiting = [
      aTicket({ id: 'older', queuedAt: T0 }),
      aTicket({ id: 'newer-priority', priority: 'priority', queuedAt: T0 + 20_000 }),
      aTicket({ id: 'newer', queuedAt: T0 + 30_000 }),
      aTicket({ id: 'other-service', serviceId: 'svc-b', queuedAt: T0 }),
      me,
    ];
    expect(peopleAhead(me, waiting, service, weights, T0 + 40_000)).toBe(2);
  });

  it.each([
    { ahead: 4, mean: 300, open: 2, expected: 600 },
    { ahead: 4, mean: 300, open: 0, expected: 1200 },
    { ahead: 0, mean: 300, open: 1, expected: 0 },
  ])('$ahead ahead × $mean s ÷ $open counters = $expected s', ({ ahead, mean, open, expected }) => {
    expect(naiveWaitSec(ahead, mean, open)).toBe(expected);
  });
});
