import { describe, expect, it } from 'vitest';
import { callOrder, PASS_OVER_BAND_MIN, pickNext, targetWaitTerm, waitBand } from './calling';
import { aCounter, aService, aTicket, T0, weights } from './test-fixtures';

const services = new Map([
  ['svc-a', aService({ id: 'svc-a', targetWaitSec: 600 })],
  ['svc-b', aService({ id: 'svc-b', prefix: 'B', targetWaitSec: 1200 })],
]);
const counter = aCounter({ serviceIds: ['svc-a', 'svc-b'] });
const now = T0 + 30 * 60_000;
const min = 60_000;

const cases = [
  {
    name: 'first issued first within one class and service',
    tickets: [
      aTicket({ id: 'late', queuedAt: T0 + 5 * min }),
      aTicket({ id: 'early', queuedAt: T0 }),
    ],
    order: ['early', 'late'],
  },
  {
    name: 'a ticket transferred to this counter goes before everything',
    tickets: [
      aTicket({ id: 'vip', priority: 'vip' }),
      aTicket({
        id: 'targeted',
        queuedAt: T0 + 20 * min,
        targetCounterId: 'ctr-1',
        serviceId: 'svc-x',
      }),
      aTicket({ id: 'returning', returning: true }),
    ],
    order: ['targeted', 'returning', 'vip'],
  },
  {
    name: 'priority classes: returning, appointment, priority, vip, normal',
    tickets: [
      aTicket({ id: 'normal', queuedAt: T0 }),
      aTicket({ id: 'vip', priority: 'vip', queuedAt: T0 + 4 * min }),
      aTicket({ id: 'priority', priority: 'priority', queuedAt: T0 + 3 * min }),
      aTicket({ id: 'appointment', priority: 'appointment', queuedAt: T0 + 2 * min }),
      aTicket({ id: 'returning', returning: true, queuedAt: T0 + 1 * min }),
    ],
    order: ['returning', 'appointment', 'priority', 'vip', 'normal'],
  },
  {
    name: 'across services, the one further past its target wait goes first',
    tickets: [
      // A: 25 min waited vs 10 target → 15 past. B: 28 min waited vs 20 target → 8 past.
      aTicket({ id: 'b-older', serviceId: 'svc-b', queuedAt: now - 28 * min }),
      aTicket({ id: 'a-newer', serviceId: 'svc-a', queuedAt: now - 25 * min }),
    ],
    order: ['a-newer', 'b-older'],
  },
  {
    name: 'tickets of services the counter does not serve, or targeted elsewhere, are not called',
    tickets: [
      aTicket({ id: 'other-service', serviceId: 'svc-z' }),
      aTicket({ id: 'elsewhere', targetCounterId: 'ctr-9' }),
      aTicket({ id: 'called-already', state: 'called' }),
      aTicket({ id: 'mine' }),
    ],
    order: ['mine'],
  },
  {
    name: 'a very overdue normal ticket overtakes a fresh VIP once past the class gap',
    tickets: [
      aTicket({ id: 'vip', priority: 'vip', queuedAt: now }),
      aTicket({ id: 'forgotten', queuedAt: now - 430 * min }),
    ],
    order: ['forgotten', 'vip'],
  },
];

describe('calling order', () => {
  it.each(cases)('$name', ({ tickets, order }) => {
    expect(callOrder(tickets, counter, services, weights, now).map((t) => t.id)).toEqual(order);
  });

  it('the weights come from the hall configuration', () => {
    const tickets = [
      aTicket({ id: 'vip', priority: 'vip', queuedAt: now }),
      aTicket({ id: 'normal', queuedAt: now - 20 * min }),
    ];
    expect(pickNext(tickets, counter, services, weights, now)?.id).toBe('vip');
    const flat = { ...weights, vip: 0 };
    expect(pickNext(tickets, counter, services, flat, now)?.id).toBe('normal');
  });

  it('returns null for an empty queue', () => {
    expect(pickNext([], counter, services, weights, now)).toBeNull();
  });
});

describe('the target-wait term with passOverTargets (a missed ticket may be passed over a while)', () => {
  // svc-a: target 10 min; svc-b: target 20 min.
  const passing = { ...weights, passOverTargets: 1 };
  const cases = [
    {
      name: 'without it, the ticket furthest past target goes first (the rule before)',
      weights,
      tickets: [
        aTicket({ id: 'about-to-miss', queuedAt: now - 9 * min }),
        aTicket({ id: 'missed', queuedAt: now - 12 * min }),
      ],
      order: ['missed', 'about-to-miss'],
    },
    {
      name: 'a ticket that can still make its target goes before one that just missed it',
      weights: passing,
      tickets: [
        aTicket({ id: 'missed', queuedAt: now - 12 * min }),
        aTicket({ id: 'about-to-miss', queuedAt: now - 9 * min }),
        aTicket({ id: 'fresh', queuedAt: now - 1 * min }),
      ],
      order: ['about-to-miss', 'fresh', 'missed'],
    },
    {
      name: 'past one target wait beyond its target, the missed ticket is overdue and goes first',
      weights: passing,
      tickets: [
        aTicket({ id: 'about-to-miss', queuedAt: now - 9 * min }),
        aTicket({ id: 'overdue', queuedAt: now - 21 * min }),
        aTicket({ id: 'missed', queuedAt: now - 12 * min }),
      ],
      order: ['overdue', 'about-to-miss', 'missed'],
    },
    {
      name: 'a short-target ticket about to miss goes before a long-target one with time left',
      weights: passing,
      tickets: [
        aTicket({ id: 'b-older', serviceId: 'svc-b', queuedAt: now - 12 * min }),
        aTicket({ id: 'a-about-to-miss', serviceId: 'svc-a', queuedAt: now - 9 * min }),
      ],
      order: ['a-about-to-miss', 'b-older'],
    },
    {
      name: 'the window scales with the service: 12 min past a 20-min target is still passed over',
      weights: passing,
      tickets: [
        aTicket({ id: 'b-missed', serviceId: 'svc-b', queuedAt: now - 32 * min }),
        aTicket({ id: 'a-within', serviceId: 'svc-a', queuedAt: now - 2 * min }),
      ],
      order: ['a-within', 'b-missed'],
    },
    {
      name: 'priority classes still come first: a missed priority ticket before a normal one',
      weights: passing,
      tickets: [
        aTicket({ id: 'normal-about-to-miss', queuedAt: now - 9 * min }),
        aTicket({ id: 'priority-missed', priority: 'priority', queuedAt: now - 12 * min }),
      ],
      order: ['priority-missed', 'normal-about-to-miss'],
    },
    {
      name: 'a ticket transferred to this counter still goes before everything',
      weights: passing,
      tickets: [
        aTicket({ id: 'overdue', queuedAt: now - 25 * min }),
        aTicket({ id: 'targeted', queuedAt: now, targetCounterId: 'ctr-1' }),
      ],
      order: ['targeted', 'overdue'],
    },
  ];
  it.each(cases)('$name', ({ tickets, order, weights: w }) => {
    expect(callOrder(tickets, counter, services, w, now).map((t) => t.id)).toEqual(order);
  });

  it.each([
    { waited: 5, target: 10, k: 1, term: -5 },
    { waited: 12, target: 10, k: 0, term: 2 },
    { waited: 12, target: 10, k: 1, term: 2 - PASS_OVER_BAND_MIN },
    { waited: 20, target: 10, k: 1, term: 10 - PASS_OVER_BAND_MIN },
    { waited: 21, target: 10, k: 1, term: 11 + PASS_OVER_BAND_MIN },
    { waited: 21, target: 10, k: 1.5, term: 11 - PASS_OVER_BAND_MIN },
  ])('term: waited $waited of $target min, passOverTargets $k → $term', (c) => {
    expect(targetWaitTerm(c.waited, c.target, c.k)).toBeCloseTo(c.term);
  });

  // The console words a ticket's place by its band (issue 15 item 11a): the same thresholds.
  it.each([
    { waited: 10, target: 10, k: 1, band: 'within' },
    { waited: 12, target: 10, k: 0, band: 'past' },
    { waited: 20, target: 10, k: 1, band: 'passedOver' },
    { waited: 21, target: 10, k: 1, band: 'overdue' },
    { waited: 21, target: 10, k: 1.5, band: 'passedOver' },
  ] as const)('band: waited $waited of $target min, passOverTargets $k → $band', (c) => {
    expect(waitBand(c.waited, c.target, c.k)).toBe(c.band);
  });
});
