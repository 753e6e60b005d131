import type { Alert, Counter, CustomerRecord, Role, Staff, Ticket } from '@onestop/shared';
import { accept, reject, type Result } from './result';
import type { TicketChange } from './tickets';

// VIP account managers (大客户经理, issue 18 item 4; docs/vip-account-managers.md). A VIP on the
// hall's customer list may have a named account manager, a clerk. When the VIP takes a number
// (the kiosk, by account number; the guide desk) the ticket is routed:
//
// - `manager_counter`: the manager is signed in at an open counter. The ticket waits for that
//   counter (`targetCounterId`, like a transfer to a named counter): only that counter calls
//   it, and calls it first. Whatever the service: the manager is the VIP's one face in the
//   hall, and a ticket held for a counter is callable there whatever the counter's services.
// - `priority`: the manager is absent, paused, signed out or no longer active. The ticket has
//   VIP priority in its service's queue, and the manager is told (`vip_arrived`).
// - `none`: not a VIP, or a VIP without a manager: the ticket is what it was before (a VIP still
//   gets VIP priority by the calling rules; see `recognisedPriority`).
//
// One open VIP ticket per account (`mayTakeVipTicket`): a second, while the first is open, is an
// ordinary ticket, neither routed nor announced.
//
// A ticket held for the manager's counter must never be stranded: when that counter pauses,
// closes or its clerk leaves, the VIP tickets held for it since issue go back to their service's
// queue with VIP priority and their place (issue time) kept.

/** Why a VIP with a manager was not routed to the manager's counter. */
export type ManagerAway =
  | 'manager_inactive'
  | 'manager_not_at_counter'
  | 'counter_paused'
  | 'counter_closed'
  /** At an open counter, but its desk is off the network: nobody there would call them. */
  | 'desk_offline';

export type VipRoute =
  | { route: 'none' }
  | { route: 'manager_counter'; managerStaffId: string; counterId: string }
  | { route: 'priority'; managerStaffId: string; why: ManagerAway };

export interface VipRoutingInput {
  /** The hall's record of the account number the customer gave, if listed. */
  customer: Pick<CustomerRecord, 'vip' | 'accountManagerStaffId'> | undefined;
  /** The named manager's staff record (undefined: unknown id). */
  manager: Pick<Staff, 'id' | 'active' | 'roles'> | undefined;
  /** The hall's counters now. */
  counters: readonly Pick<Counter, 'id' | 'state' | 'staffId'>[];
  /** Whether the manager's desk is connected (false: it dropped off the network). */
  managerOnline: boolean;
}

/** Where a VIP's new ticket waits: see the file's comment. */
export function routeVip({
  customer,
  manager,
  counters,
  managerOnline,
}: VipRoutingInput): VipRoute {
  if (!customer?.vip || customer.accountManagerStaffId === null) return { route: 'none' };
  const managerStaffId = customer.accountManagerStaffId;
  if (!manager || manager.id !== managerStaffId || !isFitManager(manager)) {
    return { route: 'priority', managerStaffId, why: 'manager_inactive' };
  }
  const counter = counters.find((c) => c.staffId === managerStaffId);
  if (!counter) return { route: 'priority', managerStaffId, why: 'manager_not_at_counter' };
  switch (counter.state) {
    case 'open':
      return managerOnline
        ? { route: 'manager_counter', managerStaffId, counterId: counter.id }
        : { route: 'priority', managerStaffId, why: 'desk_offline' };
    case 'paused':
      return { route: 'priority', managerStaffId, why: 'counter_paused' };
    case 'closed':
      return { route: 'priority', managerStaffId, why: 'counter_closed' };
  }
}

/**
 * Whether a VIP's new ticket may be a VIP's (priority, routed, the manager told): one open VIP
 * ticket per account. The account number is typed at the kiosk by whoever knows it; a second
 * ticket while the first waits, is called, served or parked is an ordinary ticket (no route,
 * no alert, no greeting), so one account number cannot jump the queue or ring the manager
 * again and again. `ofAccount`: the account's tickets of the business day.
 */
export function mayTakeVipTicket(
  ofAccount: readonly Pick<Ticket, 'state' | 'priority'>[],
): boolean {
  return !ofAccount.some((t) => t.priority === 'vip' && OPEN_STATES.includes(t.state));
}

const OPEN_STATES: readonly Ticket['state'][] = ['waiting', 'called', 'serving', 'parked'];

/** An account manager serves at a counter: an active staff member with the clerk's role. */
export function isFitManager(staff: Pick<Staff, 'active' | 'roles'>): boolean {
  return staff.active && staff.roles.includes('clerk');
}

/** The admin names a manager: none, or an active clerk; a manager for a non-VIP is refused. */
export function checkManager(
  managerStaffId: string | null,
  vip: boolean,
  staff: Pick<Staff, 'id' | 'active' | 'roles'> | undefined,
): Result<void> {
  if (managerStaffId === null) return accept(undefined);
  if (!vip) return reject('manager_unfit', 'Only a VIP has an account manager.');
  if (!staff) return reject('manager_unfit', `No staff member ${managerStaffId}.`);
  if (!isFitManager(staff)) {
    return reject('manager_unfit', `${staff.id} is not an active clerk.`);
  }
  return accept(undefined);
}

/**
 * Who acknowledges an alert: the duty leader any; a clerk only a VIP's arrival addressed to
 * them (their desk's notice). A clerk never clears an alert about their own work (a 不满意
 * rating names them too).
 */
export function mayAcknowledge(
  alert: Pick<Alert, 'kind' | 'staffId'>,
  staffId: string,
  roles: readonly Role[],
): Result<void> {
  if (roles.includes('duty_leader')) return accept(undefined);
  if (alert.kind === 'vip_arrived' && alert.staffId === staffId) return accept(undefined);
  return reject('forbidden', 'Only the duty leader acknowledges this alert.');
}

/** The reason recorded on a VIP ticket sent back to its queue from its manager's counter. */
export const MANAGER_AWAY = 'account_manager_away';

/**
 * Whether a waiting ticket is a VIP's held since issue for `counter` (never transferred there
 * by a clerk or the duty leader, whose transfers keep their own rules).
 */
export function isHeldVipTicket(ticket: Ticket, counterId: string): boolean {
  return (
    ticket.state === 'waiting' &&
    ticket.priority === 'vip' &&
    ticket.targetCounterId === counterId &&
    ticket.transferCount === 0
  );
}

/** Whether a counter can call the VIP tickets held for it: open, with its clerk. */
export function canServeHeld(counter: Pick<Counter, 'state' | 'staffId'>): boolean {
  return counter.state === 'open' && counter.staffId !== null;
}

/**
 * The VIP tickets held for `counter` that go back to their service's queue now that it stopped
 * calling them (it was open with its clerk, and is paused, closed or left): VIP priority and
 * issue time kept. A counter that was not calling before (a clerk signing in at a closed one)
 * releases nothing: a ticket the guide named it for waits until it opens, as a transfer does.
 */
export function releaseHeldVipTickets(
  waiting: readonly Ticket[],
  before: Pick<Counter, 'state' | 'staffId'> | undefined,
  counter: Pick<Counter, 'id' | 'state' | 'staffId'>,
  by: string | null,
  now: number,
): TicketChange[] {
  if (!before || !canServeHeld(before) || canServeHeld(counter)) return [];
  return releaseHeldFor(waiting, counter.id, by, now);
}

/** The VIP tickets held since issue for `counterId`, sent back to their service's queue. */
export function releaseHeldFor(
  waiting: readonly Ticket[],
  counterId: string,
  by: string | null,
  now: number,
): TicketChange[] {
  return waiting
    .filter((t) => isHeldVipTicket(t, counterId))
    .map((before) => {
      const ticket: Ticket = { ...before, targetCounterId: null, updatedAt: now };
      return {
        ticket,
        transition: {
          ticketId: ticket.id,
          fromState: before.state,
          toState: ticket.state,
          at: now,
          serviceId: ticket.serviceId,
          counterId: null,
          staffId: by,
          reason: MANAGER_AWAY,
        },
        events: [],
      };
    });
}
