import type { Counter, PauseReason } from '@onestop/shared';
import { accept, reject, type Result } from './result';

// Counter rules: a clerk signs in at a counter, opens it, pauses it with a reason, closes it.
// A counter that has a ticket called or in service cannot pause, close or be left.

export interface CounterActor {
  staffId: string;
  /** Tickets called or in service at this counter. */
  activeTicketCount: number;
}

function guardOwnCounter(counter: Counter, actor: CounterActor): Result<void> {
  return counter.staffId === actor.staffId ? accept(undefined) : reject('not_at_counter');
}

function guardNoActive(actor: CounterActor): Result<void> {
  return actor.activeTicketCount === 0 ? accept(undefined) : reject('counter_has_ticket');
}

export function signInAtCounter(counter: Counter, staffId: string, now: number): Result<Counter> {
  if (counter.staffId !== null && counter.staffId !== staffId)
    return reject('counter_taken', `Counter ${counter.number}.`);
  if (counter.staffId === staffId)
    return reject('invalid_transition', 'Already signed in at this counter.');
  return accept({ ...counter, staffId, state: 'closed', pauseReason: null, updatedAt: now });
}

export function signOutOfCounter(
  counter: Counter,
  actor: CounterActor,
  now: number,
): Result<Counter> {
  const own = guardOwnCounter(counter, actor);
  if (!own.ok) return own;
  const idle = guardNoActive(actor);
  if (!idle.ok) return idle;
  return accept({ ...counter, staffId: null, state: 'closed', pauseReason: null, updatedAt: now });
}

export function openCounter(counter: Counter, actor: CounterActor, now: number): Result<Counter> {
  const own = guardOwnCounter(counter, actor);
  if (!own.ok) return own;
  if (counter.state === 'open') return reject('invalid_transition', 'The counter is open already.');
  return accept({ ...counter, state: 'open', pauseReason: null, updatedAt: now });
}

export function pauseCounter(
  counter: Counter,
  actor: CounterActor,
  reason: PauseReason,
  now: number,
): Result<Counter> {
  const own = guardOwnCounter(counter, actor);
  if (!own.ok) return own;
  if (counter.state !== 'open')
    return reject('invalid_transition', 'Only an open counter can pause.');
  const idle = guardNoActive(actor);
  if (!idle.ok) return idle;
  return accept({ ...counter, state: 'paused', pauseReason: reason, updatedAt: now });
}

export function closeCounter(counter: Counter, actor: CounterActor, now: number): Result<Counter> {
  const own = guardOwnCounter(counter, actor);
  if (!own.ok) return own;
  if (counter.state === 'closed')
    return reject('invalid_transition', 'The counter is closed already.');
  const idle = guardNoActive(actor);
  if (!idle.ok) return idle;
  return accept({ ...counter, state: 'closed', pauseReason: null, updatedAt: now });
}
