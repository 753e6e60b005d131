import type { Counter, IssuedTicket, Ticket } from '@onestop/shared';
import { waitingTicket } from '@onestop/hall-server';

// Small records for the screens' unit tests: a waiting kiosk ticket, an open counter, and a
// ticket as the kiosk gets it back when issued; `over` changes what a test is about.

export function ticket(over: Partial<Ticket> = {}): Ticket {
  const fields = { id: 't1', businessDay: '2026-11-24', serviceId: 'svc-billing', number: 'A001' };
  return { ...waitingTicket({ ...fields, dailySeq: 1 }, 0), ...over };
}

export function counter(over: Partial<Counter> = {}): Counter {
  return {
    id: 'ctr-1',
    number: 1,
    name: '1号窗口',
    serviceIds: [],
    state: 'open',
    pauseReason: null,
    staffId: null,
    updatedAt: 0,
    changeSeq: 0,
    ...over,
  };
}

export function issuedTicket(over: Partial<Ticket> = {}): IssuedTicket {
  return {
    ticket: ticket(over),
    peopleAhead: 2,
    estimatedWaitSec: 300,
    estimatedWaitLowSec: 180,
    estimatedWaitHighSec: 480,
    noCounterOpen: false,
    hallOpensAt: null,
    statusToken: 'status-token',
  };
}
