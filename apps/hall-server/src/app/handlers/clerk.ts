import type { Counter, Staff, Ticket } from '@onestop/shared';
import { accept, reject, type Result } from '../../domain/result';
import type { ClerkAtCounter } from '../../domain/tickets';
import type { TxContext } from '../context';

/** The staff member signed in on the asking desk. */
export function signedInStaff(tx: TxContext): Result<Staff> {
  return tx.actor.staff ? accept(tx.actor.staff) : reject('not_signed_in');
}

/** The signed-in clerk and the counter they work at. */
export function clerkAt(tx: TxContext): Result<ClerkAtCounter> {
  const staff = tx.actor.staff;
  if (!staff) return reject('not_signed_in');
  const counter = tx.store.counters.byStaff(staff.id);
  if (!counter) return reject('not_at_counter');
  return accept({
    staffId: staff.id,
    counter,
    activeTickets: tx.store.tickets.activeOfStaff(staff.id),
  });
}

export function ticketById(tx: TxContext, ticketId: string): Result<Ticket> {
  const ticket = tx.store.tickets.byId(ticketId);
  return ticket ? accept(ticket) : reject('not_found', `Ticket ${ticketId}.`);
}

/** Frees the counter a staff member sits at, if any (they sign out or leave): closed, empty. */
export function leaveCounterOf(tx: TxContext, staffId: string): Counter | undefined {
  const counter = tx.store.counters.byStaff(staffId);
  if (!counter) return undefined;
  return tx.write.counter({
    ...counter,
    staffId: null,
    state: 'closed',
    pauseReason: null,
    updatedAt: tx.now,
  });
}
