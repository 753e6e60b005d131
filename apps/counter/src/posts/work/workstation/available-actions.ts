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
  const all: Record<WorkAction, boolean> = {
    callNext: free && state === 'open',
    callTicket: free && state === 'open',
    walkIn: free && state === 'open',
    recall: called,
    noShow: t !== null && noShowAllowed(t, s),
    start: called,
    returnToQueue: called,
    finish: serving,
    transfer: serving,
    park: serving,
    openCase: serving,
    createTask: s.counter !== null,
    lookup: true,
    resume: free && s.parked.length > 0,
    openCounter: s.counter !== null && state !== 'open',
    pauseCounter: state === 'open',
    closeCounter: s.counter !== null && state !== 'closed' && t === null,
  };
  if (s.online) return all;
  // Offline: the last known state stays on screen, but nothing new is sent; the customer
  // context lookup needs the server too.
  return Object.fromEntries(Object.keys(all).map((k) => [k, false])) as Record<WorkAction, boolean>;
}
