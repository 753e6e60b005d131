import { describe, expect, it } from 'vitest';
import { effectiveCounters, estimateWaitSec, peopleAhead, recentHandleSec } from './estimate';
import { aCounter, aService, aTicket, T0, weights } from './test-fixtures';

describe('estimated wait', () => {
  it.each([
    { peopleAhead: 0, counters: 2, handleSec: 300, allBusy: false, expected: 0 },
    { peopleAhead: 0, counters: 1, handleSec: 300, allBusy: true, expected: 150 },
    { peopleAhead: 4, counters: 2, handleSec: 300, allBusy: false, expected: 600 },
    { peopleAhead: 4, counters: 0, handleSec: 300, allBusy: false, expected: 1200 },
    { peopleAhead: 3, counters: 0.5, handleSec: 200, allBusy: false, expected: 600 },
  ])('$peopleAhead ahead, $counters counters, $handleSec s each → $expected s', (c) => {
    expect(estimateWaitSec(c)).toBe(c.expected);
  });

  it.each([
    { samples: [], expected: 300 },
    { samples: [100, 100, 100, 100, 100], expected: 100 },
    { samples: [100], expected: 0.2 * 100 + 0.8 * 300 },
  ])('recent handling time from $samples', ({ samples, expected }) => {
    expect(recentHandleSec(aService({ targetHandleSec: 300 }), samples)).toBeCloseTo(expected);
  });

  it('counts open counters, each shared among the services it has people waiting for', () => {
    const counters = [
      aCounter({ id: '1', serviceIds: ['a'] }),
      aCounter({ id: '2', serviceIds: ['a', 'b'] }),
      aCounter({ id: '3', serviceIds: ['a'], state: 'paused' }),
      aCounter({ id: '4', serviceIds: ['b'] }),
    ];
    expect(effectiveCounters('a', counters, new Set(['a', 'b']))).toBe(1.5);
    expect(effectiveCounters('a', counters, new Set(['a']))).toBe(2);
    expect(effectiveCounters('c', counters, new Set(['a']))).toBe(0);
  });

  it('people ahead follow the calling order of the ticket’s service', () => {
    const service = aService();
    const mine = aTicket({ id: 'mine', queuedAt: T0 + 10_000 });
    const waiting = [
      aTicket({ id: 'older', queuedAt: T0 }),
      aTicket({ id: 'newer-priority', priority: 'priority', queuedAt: T0 + 20_000 }),
      aTicket({ id: 'newer', queuedAt: T0 + 30_000 }),
      aTicket({ id: 'other-service', serviceId: 'svc-b', queuedAt: T0 }),
      mine,
    ];
    expect(peopleAhead(mine, waiting, service, weights, T0 + 40_000)).toBe(2);
  });
});
