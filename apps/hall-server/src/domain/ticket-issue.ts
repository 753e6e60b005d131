import type { Customer, Service, Ticket, TicketPriority, TicketSource } from '@onestop/shared';
import { formatTicketNumber } from './numbering';
import { accept, reject, type Result } from './result';
import type { NewTransition } from './tickets';

// Issuing a ticket (DESIGN.md §4): the daily number, the service's cap, and the one shape of a
// fresh waiting ticket that issuing, the kiosk's wait estimates, replays and tests all build.

export interface IssueInput {
  id: string;
  service: Service;
  businessDay: string;
  /** The last number issued for this service today (0 before the first). */
  lastDailySeq: number;
  customer: Customer;
  priority: TicketPriority;
  source: TicketSource;
  note: string | null;
  targetCounterId: string | null;
  estimatedWaitSec: number | null;
}

export function issueTicket(input: IssueInput, now: number): Result<Ticket> {
  const { service } = input;
  if (!service.active) return reject('service_unavailable', service.nameEn);
  if (service.dailyCap !== null && input.lastDailySeq >= service.dailyCap) {
    return reject('daily_cap_reached', service.nameEn);
  }
  const dailySeq = input.lastDailySeq + 1;
  return accept(
    waitingTicket(
      {
        id: input.id,
        businessDay: input.businessDay,
        serviceId: service.id,
        number: formatTicketNumber(service.prefix, dailySeq),
        dailySeq,
        priority: input.priority,
        source: input.source,
        customer: input.customer,
        note: input.note,
        targetCounterId: input.targetCounterId,
        estimatedWaitSec: input.estimatedWaitSec,
      },
      now,
    ),
  );
}

/** What a newly issued ticket must be told; everything else starts empty. */
export type NewTicket = Pick<Ticket, 'id' | 'businessDay' | 'serviceId' | 'number' | 'dailySeq'> &
  Partial<
    Pick<
      Ticket,
      'priority' | 'source' | 'customer' | 'note' | 'targetCounterId' | 'estimatedWaitSec'
    >
  >;

/** A ticket waiting since `at`, never called: the one shape of a fresh ticket (issue, estimates, replays, tests). */
export function waitingTicket(t: NewTicket, at: number): Ticket {
  return {
    priority: 'normal',
    source: 'kiosk',
    customer: { phone: null, accountNo: null, name: null },
    note: null,
    targetCounterId: null,
    estimatedWaitSec: null,
    ...t,
    state: 'waiting',
    returning: false,
    issuedAt: at,
    queuedAt: at,
    counterId: null,
    servingStaffId: null,
    ownerStaffId: null,
    calledAt: null,
    firstCalledAt: null,
    recallCount: 0,
    startedAt: null,
    finishedAt: null,
    outcome: null,
    items: [],
    stateReason: null,
    transferCount: 0,
    updatedAt: at,
    changeSeq: 0,
  };
}

export function issuedTransition(ticket: Ticket, staffId: string | null): NewTransition {
  return {
    ticketId: ticket.id,
    fromState: null,
    toState: ticket.state,
    at: ticket.issuedAt,
    serviceId: ticket.serviceId,
    counterId: ticket.counterId,
    staffId,
    reason: null,
  };
}
