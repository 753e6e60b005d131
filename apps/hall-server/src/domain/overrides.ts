import type { Counter, PauseReason, Ticket } from '@onestop/shared';
import { accept, reject, type Result } from './result';
import type { NewTransition, TicketChange } from './tickets';

// A duty leader's overrides (干预): they bend the normal rules, so each takes a reason, is
// audited, and reaches the affected clerk. Pure: the caller writes and publishes.

function waitingOnly(ticket: Ticket): Result<void> {
  return ticket.state === 'waiting'
    ? accept(undefined)
    : reject('invalid_transition', `${ticket.number} is ${ticket.state}; only a waiting ticket.`);
}

function overridden(
  ticket: Ticket,
  after: Ticket,
  by: string,
  reason: string,
  now: number,
): TicketChange {
  const transition: NewTransition = {
    ticketId: ticket.id,
    fromState: ticket.state,
    toState: after.state,
    at: now,
    serviceId: after.serviceId,
    counterId: after.counterId,
    staffId: by,
    reason,
  };
  return { ticket: { ...after, updatedAt: now }, transition, events: [] };
}

/** The duty leader's `next` version of a waiting ticket, or why not. */
function overrideWaiting(
  ticket: Ticket,
  next: Result<Ticket>,
  by: string,
  reason: string,
  now: number,
): Result<TicketChange> {
  const ok = waitingOnly(ticket);
  if (!ok.ok) return ok;
  return next.ok ? accept(overridden(ticket, next.value, by, reason, now)) : next;
}

/** `priority`: into the priority class; `front`: ahead of everyone in its service's queue. */
export function prioritise(
  ticket: Ticket,
  to: 'priority' | 'front',
  by: string,
  reason: string,
  now: number,
): Result<TicketChange> {
  const already = to === 'priority' && ticket.priority === 'priority' && !ticket.returning;
  const next: Result<Ticket> = already
    ? reject('invalid_transition', `${ticket.number} has priority already.`)
    : accept(
        to === 'priority' ? { ...ticket, priority: 'priority' } : { ...ticket, returning: true },
      );
  return overrideWaiting(ticket, next, by, reason, now);
}

/** Only `counterId` calls it, and calls it first. */
export function assignToCounter(
  ticket: Ticket,
  counter: Counter,
  by: string,
  reason: string,
  now: number,
): Result<TicketChange> {
  // Any counter, even one not serving the ticket's service: the duty leader decides.
  const next = accept({ ...ticket, targetCounterId: counter.id });
  return overrideWaiting(ticket, next, by, reason, now);
}

/**
 * Sets a counter's state from the console. Closing or pausing needs it free of called or
 * served tickets (they would be stranded); opening needs a clerk at it.
 */
export function setCounterState(
  counter: Counter,
  state: 'open' | 'paused' | 'closed',
  pauseReason: PauseReason | undefined,
  activeTicketCount: number,
  now: number,
): Result<Counter> {
  if (counter.state === state)
    return reject('invalid_transition', `Counter ${counter.number} is ${state} already.`);
  if (state !== 'open' && activeTicketCount > 0) return reject('counter_has_ticket');
  if (state === 'open' && counter.staffId === null) {
    return reject('not_at_counter', `Nobody is signed in at counter ${counter.number}.`);
  }
  if (state === 'paused' && counter.state !== 'open') {
    return reject('invalid_transition', 'Only an open counter can pause.');
  }
  return accept({
    ...counter,
    state,
    pauseReason: state === 'paused' ? (pauseReason ?? 'other') : null,
    updatedAt: now,
  });
}

export function setCounterServices(
  counter: Counter,
  serviceIds: readonly string[],
  knownServiceIds: ReadonlySet<string>,
  now: number,
): Result<Counter> {
  const unknown = serviceIds.filter((id) => !knownServiceIds.has(id));
  if (unknown.length > 0) return reject('not_found', `Services ${unknown.join(', ')}.`);
  if (new Set(serviceIds).size !== serviceIds.length) {
    return reject('invalid_payload', 'serviceIds: a service is listed twice');
  }
  return accept({ ...counter, serviceIds: [...serviceIds], updatedAt: now });
}
