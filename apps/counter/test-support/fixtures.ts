import type { Alert, Counter, Ticket } from '@onestop/shared';
import { waitingTicket } from '@onestop/hall-server';

// Small records for the pure modules' tests.

export function ticket(over: Partial<Ticket> = {}): Ticket {
  const fields = { id: 't1', businessDay: '2026-11-24', serviceId: 'svc-billing', number: 'A001' };
  return { ...waitingTicket({ ...fields, dailySeq: 1 }, 0), changeSeq: 1, ...over };
}

export function counter(over: Partial<Counter> = {}): Counter {
  return {
    id: 'ctr-1',
    number: 1,
    name: '1号窗口',
    serviceIds: ['svc-billing'],
    state: 'open',
    pauseReason: null,
    staffId: 'stf-clerk-1',
    updatedAt: 0,
    changeSeq: 1,
    ...over,
  };
}

export function alert(over: Partial<Alert> = {}): Alert {
  return {
    id: 'alt-1',
    kind: 'wait_over_target',
    subjectId: null,
    ticketId: null,
    counterId: null,
    staffId: null,
    createdAt: 100,
    acknowledgedAt: null,
    acknowledgedBy: null,
    note: null,
    changeSeq: 1,
    ...over,
  };
}
