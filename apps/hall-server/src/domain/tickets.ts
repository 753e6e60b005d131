import type {
  Counter,
  HallConfig,
  HallEvent,
  Service,
  Ticket,
  TicketOutcome,
  TicketState,
  TicketTransition,
} from '@onestop/shared';
import { accept, reject, type Result } from './result';

// The ticket lifecycle (DESIGN.md §4). Each rule takes the ticket, who acts and `now`, and
// returns the ticket's next version with the transition to record, or a typed refusal.

export type NewTransition = Omit<TicketTransition, 'id'>;

export interface TicketChange {
  ticket: Ticket;
  transition: NewTransition;
  events: HallEvent[];
}

/** The clerk acting, at the counter they are signed in to. */
export interface ClerkAtCounter {
  staffId: string;
  counter: Counter;
  /** Tickets this clerk holds as called or serving (parked ones aside). */
  activeTickets: readonly Ticket[];
}

export const ticketActions = [
  'call',
  'recall',
  'noShow',
  'start',
  'finish',
  'park',
  'resume',
  'transfer',
  'return',
  'cancel',
  'reinstate',
] as const;
export type TicketAction = (typeof ticketActions)[number];

/** The lifecycle graph: which states each action leaves from. */
export const allowedFrom: Record<TicketAction, readonly TicketState[]> = {
  call: ['waiting'],
  recall: ['called'],
  noShow: ['called'],
  start: ['called'],
  finish: ['serving'],
  park: ['serving'],
  resume: ['parked'],
  transfer: ['serving'],
  return: ['called'],
  cancel: ['waiting', 'called'],
  reinstate: ['no_show', 'cancelled'],
};

export function isTerminal(state: TicketState): boolean {
  switch (state) {
    case 'done':
    case 'no_show':
    case 'cancelled':
      return true;
    case 'waiting':
    case 'called':
    case 'serving':
    case 'parked':
      return false;
  }
}

function guardState(ticket: Ticket, action: TicketAction): Result<void> {
  return allowedFrom[action].includes(ticket.state)
    ? accept(undefined)
    : reject('invalid_transition', `${ticket.number} is ${ticket.state}; cannot ${action}.`);
}

function change(
  before: Ticket,
  after: Ticket,
  now: number,
  extra: { staffId: string | null; reason?: string | null; events?: HallEvent[] },
): TicketChange {
  const ticket = { ...after, updatedAt: now };
  return {
    ticket,
    transition: {
      ticketId: ticket.id,
      fromState: before.state,
      toState: ticket.state,
      at: now,
      serviceId: ticket.serviceId,
      counterId: ticket.counterId ?? before.counterId,
      staffId: extra.staffId,
      reason: extra.reason ?? null,
    },
    events: [
      { type: 'ticket.transitioned', ticketId: ticket.id, from: before.state, to: ticket.state },
      ...(extra.events ?? []),
    ],
  };
}

function guardClerkFree(clerk: ClerkAtCounter): Result<void> {
  if (clerk.counter.state !== 'open') return reject('counter_not_open');
  if (clerk.activeTickets.length > 0) {
    return reject('clerk_busy', `Holding ${clerk.activeTickets.map((t) => t.number).join(', ')}.`);
  }
  return accept(undefined);
}

/** A walk-in: the customer is at the counter already, so the ticket starts in service. */
export function walkIn(issued: Ticket, clerk: ClerkAtCounter, now: number): Result<Ticket> {
  const free = guardClerkFree(clerk);
  if (!free.ok) return free;
  return accept({
    ...issued,
    state: 'serving',
    counterId: clerk.counter.id,
    servingStaffId: clerk.staffId,
    ownerStaffId: clerk.staffId,
    calledAt: now,
    firstCalledAt: now,
    startedAt: now,
    estimatedWaitSec: 0,
    updatedAt: now,
  });
}

export function callTicket(
  ticket: Ticket,
  clerk: ClerkAtCounter,
  now: number,
): Result<TicketChange> {
  const state = guardState(ticket, 'call');
  if (!state.ok) return state;
  const free = guardClerkFree(clerk);
  if (!free.ok) return free;
  if (ticket.targetCounterId !== null && ticket.targetCounterId !== clerk.counter.id) {
    return reject('targeted_elsewhere', ticket.number);
  }
  const after: Ticket = {
    ...ticket,
    state: 'called',
    counterId: clerk.counter.id,
    servingStaffId: clerk.staffId,
    calledAt: now,
    firstCalledAt: ticket.firstCalledAt ?? now,
    recallCount: 0,
  };
  return accept(
    change(ticket, after, now, {
      staffId: clerk.staffId,
      events: [
        { type: 'ticket.called', ticketId: ticket.id, counterId: clerk.counter.id, recall: 0 },
      ],
    }),
  );
}

function guardAtThisCounter(ticket: Ticket, clerk: ClerkAtCounter): Result<void> {
  return ticket.counterId === clerk.counter.id && ticket.servingStaffId === clerk.staffId
    ? accept(undefined)
    : reject('not_your_ticket', ticket.number);
}

function clerkStep(ticket: Ticket, clerk: ClerkAtCounter, action: TicketAction): Result<void> {
  const state = guardState(ticket, action);
  if (!state.ok) return state;
  return guardAtThisCounter(ticket, clerk);
}

export function recallTicket(
  ticket: Ticket,
  clerk: ClerkAtCounter,
  now: number,
): Result<TicketChange> {
  const ok = clerkStep(ticket, clerk, 'recall');
  if (!ok.ok) return ok;
  const recall = ticket.recallCount + 1;
  return accept(
    change(ticket, { ...ticket, recallCount: recall }, now, {
      staffId: clerk.staffId,
      reason: 'recall',
      events: [{ type: 'ticket.called', ticketId: ticket.id, counterId: clerk.counter.id, recall }],
    }),
  );
}

/** No-show is allowed once the customer was recalled enough times or waited for long enough. */
export function markNoShow(
  ticket: Ticket,
  clerk: ClerkAtCounter,
  config: Pick<HallConfig, 'recallsBeforeNoShow' | 'noShowAfterSec'>,
  now: number,
): Result<TicketChange> {
  const ok = clerkStep(ticket, clerk, 'noShow');
  if (!ok.ok) return ok;
  const recalledEnough = ticket.recallCount >= config.recallsBeforeNoShow;
  const waitedEnough =
    ticket.calledAt !== null && now - ticket.calledAt >= config.noShowAfterSec * 1000;
  if (!recalledEnough && !waitedEnough) {
    return reject(
      'no_show_too_early',
      `Recalled ${ticket.recallCount} of ${config.recallsBeforeNoShow} times.`,
    );
  }
  return accept(
    change(ticket, { ...ticket, state: 'no_show', stateReason: 'no_show' }, now, {
      staffId: clerk.staffId,
    }),
  );
}

/** Starting makes the clerk the first handler unless the visit has an owner already. */
export function startTicket(
  ticket: Ticket,
  clerk: ClerkAtCounter,
  now: number,
): Result<TicketChange> {
  const ok = clerkStep(ticket, clerk, 'start');
  if (!ok.ok) return ok;
  const after: Ticket = {
    ...ticket,
    state: 'serving',
    startedAt: now,
    ownerStaffId: ticket.ownerStaffId ?? clerk.staffId,
  };
  return accept(change(ticket, after, now, { staffId: clerk.staffId }));
}

export function finishTicket(
  ticket: Ticket,
  clerk: ClerkAtCounter,
  outcome: TicketOutcome,
  items: string[],
  now: number,
): Result<TicketChange> {
  const ok = clerkStep(ticket, clerk, 'finish');
  if (!ok.ok) return ok;
  const after: Ticket = { ...ticket, state: 'done', finishedAt: now, outcome, items };
  return accept(change(ticket, after, now, { staffId: clerk.staffId, reason: outcome }));
}

export function parkTicket(
  ticket: Ticket,
  clerk: ClerkAtCounter,
  reason: string,
  now: number,
): Result<TicketChange> {
  const ok = clerkStep(ticket, clerk, 'park');
  if (!ok.ok) return ok;
  const after: Ticket = { ...ticket, state: 'parked', stateReason: reason };
  return accept(change(ticket, after, now, { staffId: clerk.staffId, reason }));
}

/** The clerk who parked it, or its owner, takes it back at their counter. */
export function resumeTicket(
  ticket: Ticket,
  clerk: ClerkAtCounter,
  now: number,
): Result<TicketChange> {
  const state = guardState(ticket, 'resume');
  if (!state.ok) return state;
  if (ticket.servingStaffId !== clerk.staffId && ticket.ownerStaffId !== clerk.staffId) {
    return reject('not_your_ticket', ticket.number);
  }
  const free = guardClerkFree(clerk);
  if (!free.ok) return free;
  const after: Ticket = {
    ...ticket,
    state: 'serving',
    counterId: clerk.counter.id,
    servingStaffId: clerk.staffId,
    stateReason: null,
  };
  return accept(change(ticket, after, now, { staffId: clerk.staffId }));
}

export type TransferTarget = { service: Service } | { counter: Counter };

/** Back to a queue, keeping its place (original issue time), its number and its owner. */
export function transferTicket(
  ticket: Ticket,
  clerk: ClerkAtCounter,
  target: TransferTarget,
  note: string | null,
  now: number,
): Result<TicketChange> {
  const ok = clerkStep(ticket, clerk, 'transfer');
  if (!ok.ok) return ok;
  if ('service' in target && !target.service.active) {
    return reject('service_unavailable', target.service.nameEn);
  }
  const after: Ticket = {
    ...requeued(ticket),
    serviceId: 'service' in target ? target.service.id : ticket.serviceId,
    targetCounterId: 'counter' in target ? target.counter.id : null,
    transferCount: ticket.transferCount + 1,
    note: note ? (ticket.note ? `${ticket.note}\n${note}` : note) : ticket.note,
  };
  const to =
    'service' in target ? `service ${target.service.prefix}` : `counter ${target.counter.number}`;
  return accept(
    change(ticket, after, now, { staffId: clerk.staffId, reason: `transfer to ${to}` }),
  );
}

/** A waiting-again ticket: keeps issue time and owner, goes ahead of ordinary tickets. */
function requeued(ticket: Ticket): Ticket {
  return {
    ...ticket,
    state: 'waiting',
    returning: true,
    counterId: null,
    servingStaffId: null,
    calledAt: null,
    recallCount: 0,
    startedAt: null,
  };
}

/** Called → waiting: the clerk sends it back, or the server does when the counter dropped. */
export function returnTicket(
  ticket: Ticket,
  actor: { staffId: string | null; counterId: string | null },
  reason: string | null,
  now: number,
): Result<TicketChange> {
  const state = guardState(ticket, 'return');
  if (!state.ok) return state;
  if (actor.counterId !== null && ticket.counterId !== actor.counterId) {
    return reject('not_your_ticket', ticket.number);
  }
  return accept(change(ticket, requeued(ticket), now, { staffId: actor.staffId, reason }));
}

export function cancelTicket(
  ticket: Ticket,
  staffId: string | null,
  reason: string,
  now: number,
): Result<TicketChange> {
  const state = guardState(ticket, 'cancel');
  if (!state.ok) return state;
  const after: Ticket = {
    ...ticket,
    state: 'cancelled',
    stateReason: reason,
    counterId: null,
    servingStaffId: null,
  };
  return accept(change(ticket, after, now, { staffId, reason }));
}

export function reinstateTicket(
  ticket: Ticket,
  staffId: string,
  reason: string,
  now: number,
): Result<TicketChange> {
  const state = guardState(ticket, 'reinstate');
  if (!state.ok) return state;
  const after: Ticket = { ...requeued(ticket), stateReason: reason };
  return accept(change(ticket, after, now, { staffId, reason }));
}

/** Only the duty leader reassigns a first handler, and always with a reason. */
export function reassignOwner(
  ticket: Ticket,
  newOwnerStaffId: string,
  dutyLeaderId: string,
  reason: string,
  now: number,
): Result<TicketChange> {
  if (reason.trim().length < 2) return reject('reason_required');
  if (ticket.ownerStaffId === newOwnerStaffId) {
    return reject('invalid_transition', 'That staff member already owns this visit.');
  }
  const after: Ticket = { ...ticket, ownerStaffId: newOwnerStaffId };
  const result = change(ticket, after, now, { staffId: dutyLeaderId, reason: `owner: ${reason}` });
  return accept({ ...result, events: [] });
}
