import type { CallWeights, Counter, Service, Ticket } from '@onestop/shared';
import { defaultConfig } from '../app/seed';
import { waitingTicket } from './ticket-issue';

// Builders for domain tests: a valid record with the fields a test cares about overridden.

export const T0 = Date.UTC(2026, 10, 24, 1, 0, 0); // 09:00 in Asia/Shanghai

/** A new hall's call weights without the pass-over window: the furthest past target first. */
export const weights: CallWeights = { ...defaultConfig().callWeights, passOverTargets: undefined };

export function aService(over: Partial<Service> = {}): Service {
  return {
    id: 'svc-a',
    prefix: 'A',
    nameZh: '电费缴纳',
    nameEn: 'Bill payment',
    category: 'billing',
    descriptionZh: '',
    descriptionEn: '',
    targetWaitSec: 600,
    targetHandleSec: 300,
    dailyCap: null,
    active: true,
    sortOrder: 1,
    changeSeq: 0,
    ...over,
  };
}

export function aCounter(over: Partial<Counter> = {}): Counter {
  return {
    id: 'ctr-1',
    number: 1,
    name: '1号窗口',
    serviceIds: ['svc-a'],
    state: 'open',
    pauseReason: null,
    staffId: 'clerk-1',
    updatedAt: T0,
    changeSeq: 0,
    ...over,
  };
}

export function aTicket(over: Partial<Ticket> = {}): Ticket {
  return {
    ...waitingTicket(
      { id: 't-1', businessDay: '2026-11-24', serviceId: 'svc-a', number: 'A001', dailySeq: 1 },
      T0,
    ),
    ...over,
  };
}
