import { describe, expect, it } from 'vitest';
import { callOrder, pickNext } from './calling';
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
