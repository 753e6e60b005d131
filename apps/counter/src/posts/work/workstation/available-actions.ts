import type { Counter, Ticket } from '@onestop/shared';
import type { WorkAction } from './shortcuts';

// Which buttons are live. This is display only: the server decides and refuses with a code;
// the screen just does not offer what cannot apply to the ticket in front of the clerk.

export interface WorkState {
  online: boolean;
  counter: Counter | null;
  /** The ticket called to or in service at this counter. */
  current: Ticket | null;
  /** Tickets this clerk parked. */
  parked: readonly Ticket[];
  recallsBeforeNoShow: number;
  noShowAfterSec: number;
  now: number;
}

/** No-show is offered after the configured recalls, or once the call has waited long enough. */
export function noShowAllowed(ticket: Ticket, s: WorkState): boolean {
  if (ticket.state !== 'called') return false;
  if (ticket.recallCount >= s.recallsBeforeNoShow) return true;
  return ticket.calledAt !== null && s.now - ticket.calledAt >= s.noShowAfterSec * 1000;
}

export function availableActions(s: WorkState): Record<WorkAction, boolean> {
  const state = s.counter?.state ?? null;
  const t = s.current;
  const called = t?.state === 'called';
  const serving = t?.state === 'serving';
  const free = s.counter !== null && t === null;
  // Offline: the last known state stays on screen, but nothing new is sent; the customer
  // context lookup needs the server too.
  const live = (applies: boolean) => s.online && applies;
  return {
    callNext: live(free && state === 'open'),
    callTicket: live(free && state === 'open'),
    walkIn: live(free && state === 'open'),
    recall: live(called),
    noShow: live(t !== null && noShowAllowed(t, s)),
    start: live(called),
    returnToQueue: live(called),
    finish: live(serving),
    transfer: live(serving),
    park: live(serving),
    openCase: live(serving),
    createTask: live(s.counter !== null),
    lookup: live(true),
    resume: live(free && s.parked.length > 0),
    openCounter: live(s.counter !== null && state !== 'open'),
    pauseCounter: live(state === 'open'),
    closeCounter: live(s.counter !== null && state !== 'closed' && t === null),
  };
}
