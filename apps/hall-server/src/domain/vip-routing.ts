import {
  ARRIVAL_ALERT_KINDS,
  type Alert,
  type Counter,
  type CustomerRecord,
  type Role,
  type Staff,
  type Ticket,
} from '@onestop/shared';
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
  | 'desk_offline'
  /** A case owner at an open counter that does not serve the ticket's service. */
  | 'counter_other_service';

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
  counters: readonly Pick<Counter, 'id' | 'state' | 'staffId' | 'serviceIds'>[];
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
  const at = ownerAt({ staffId: managerStaffId, staff: manager, counters, online: managerOnline });
  return 'counterId' in at
    ? { route: 'manager_counter', managerStaffId, counterId: at.counterId }
    : { route: 'priority', managerStaffId, why: at.why };
}

/**
 * Where the one named owner of a customer (their account manager, or the first handler of their
 * open case) can serve them now: at their open, connected counter (`serviceId` given: only one
 * that serves it), or why not. One rule for both kinds of owner.
 */
export function ownerAt({
  staffId,
  staff,
  counters,
  online,
  serviceId = null,
}: {
  staffId: string;
  staff: Pick<Staff, 'id' | 'active' | 'roles'> | undefined;
  counters: readonly Pick<Counter, 'id' | 'state' | 'staffId' | 'serviceIds'>[];
  online: boolean;
  /** The ticket's service, when the owner's counter must serve it (a case owner); null: none needed. */
  serviceId?: string | null;
}): { counterId: string } | { why: ManagerAway } {
  if (!staff || staff.id !== staffId || !isFitManager(staff)) return { why: 'manager_inactive' };
  const counter = counters.find((c) => c.staffId === staffId);
  if (!counter) return { why: 'manager_not_at_counter' };
  switch (counter.state) {
    case 'open':
      if (serviceId !== null && !counter.serviceIds.includes(serviceId)) {
        return { why: 'counter_other_service' };
      }
      return online ? { counterId: counter.id } : { why: 'desk_offline' };
    case 'paused':
      return { why: 'counter_paused' };
    case 'closed':
      return { why: 'counter_closed' };
  }
}

// First-handler routing (首办责任人, DESIGN.md §1-§2; docs/vip-account-managers.md, "First-handler
// routing"). A returning customer with an open case for the ticket's service is the case
// owner's: if the owner is at an open counter serving that service, the ticket waits for it, as a
// VIP's waits for their manager's (same hold, same release). It comes before the VIP's manager.

/** An open case as the routing sees it: its owner, its promise and the services it is about. */
export interface OpenCaseOf {
  ownerStaffId: string;
  /** The current promise (改约 moves it). */
  dueAt: number;
  /** The first promise. */
  promisedAt: number;
  /** The case type's service and the service of the visit it was opened from (either matches). */
  serviceIds: readonly (string | null)[];
}

/**
 * The owner of the customer's open case for `serviceId`: several cases (different owners), the
 * one promised soonest (current promise, then the first one, then the owner's id: one answer).
 */
export function caseOwnerFor(cases: readonly OpenCaseOf[], serviceId: string): string | null {
  const matching = cases
    .filter((c) => c.serviceIds.includes(serviceId))
    .sort(
      (a, b) =>
        a.dueAt - b.dueAt ||
        a.promisedAt - b.promisedAt ||
        (a.ownerStaffId < b.ownerStaffId ? -1 : a.ownerStaffId > b.ownerStaffId ? 1 : 0),
    );
  return matching[0]?.ownerStaffId ?? null;
}

/** Where a customer with an open case waits: see "First-handler routing" above. */
export type CaseOwnerRoute =
  | { route: 'none' }
  | { route: 'owner_counter'; ownerStaffId: string; counterId: string }
  | { route: 'owner_away'; ownerStaffId: string; why: ManagerAway };

export function routeCaseOwner(input: {
  cases: readonly OpenCaseOf[];
  serviceId: string;
  owner: Pick<Staff, 'id' | 'active' | 'roles'> | undefined;
  counters: readonly Pick<Counter, 'id' | 'state' | 'staffId' | 'serviceIds'>[];
  ownerOnline: boolean;
}): CaseOwnerRoute {
  const ownerStaffId = caseOwnerFor(input.cases, input.serviceId);
  if (ownerStaffId === null) return { route: 'none' };
  const at = ownerAt({
    staffId: ownerStaffId,
    staff: input.owner,
    counters: input.counters,
    online: input.ownerOnline,
    serviceId: input.serviceId,
  });
  return 'counterId' in at
    ? { route: 'owner_counter', ownerStaffId, counterId: at.counterId }
    : { route: 'owner_away', ownerStaffId, why: at.why };
}

/**
 * Whether a kiosk ticket may be routed to the customer's case owner: one routed ticket per
 * account and service open at a time (`ofAccount`: the account's open tickets today). A bill
 * scanned again, while the first ticket waits or is served, is an ordinary ticket: it neither
 * jumps the queue again nor rings the owner again.
 */
export function mayRouteToCaseOwner(
  ofAccount: readonly Pick<Ticket, 'state' | 'serviceId'>[],
  serviceId: string,
): boolean {
  return !ofAccount.some((t) => t.serviceId === serviceId && OPEN_STATES.includes(t.state));
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
 * Who acknowledges an alert: the duty leader any; a clerk only an arrival addressed to them
 * (their desk's notice). A clerk never clears an alert about their own work (a 不满意 rating
 * names them too).
 */
export function mayAcknowledge(
  alert: Pick<Alert, 'kind' | 'staffId'>,
  staffId: string,
  roles: readonly Role[],
): Result<void> {
  if (roles.includes('duty_leader')) return accept(undefined);
  if (ARRIVAL_ALERT_KINDS.includes(alert.kind) && alert.staffId === staffId)
    return accept(undefined);
  return reject('forbidden', 'Only the duty leader acknowledges this alert.');
}

/** The reason recorded on a VIP ticket sent back to its queue from its manager's counter. */
export const MANAGER_AWAY = 'account_manager_away';
/** The reason recorded on a ticket sent back to its queue from its case owner's counter. */
export const CASE_OWNER_AWAY = 'case_owner_away';
/**
 * The mark (`stateReason`) of a ticket held since issue for its case owner's counter: what
 * tells it from one the guide named a counter for (which waits for that counter).
 */
export const HELD_FOR_CASE_OWNER = 'case_owner';

/**
 * Whether a waiting ticket is held since issue for `counter` for its owner: a VIP's (for their
 * manager) or one marked for its case owner — never one transferred there by a clerk or the
 * duty leader, whose transfers keep their own rules.
 */
export function isHeldVipTicket(ticket: Ticket, counterId: string): boolean {
  return (
    ticket.state === 'waiting' &&
    (ticket.priority === 'vip' || ticket.stateReason === HELD_FOR_CASE_OWNER) &&
    ticket.targetCounterId === counterId &&
    ticket.transferCount === 0
  );
}

/** Whether a counter can call the VIP tickets held for it: open, with its clerk. */
export function canServeHeld(counter: Pick<Counter, 'state' | 'staffId'>): boolean {
  return counter.state === 'open' && counter.staffId !== null;
}

/**
 * The tickets held for `counter` for their owner (a VIP's manager, a case owner) that go back to
 * their service's queue now that it stopped calling them (it was open with its clerk, and is
 * paused, closed or left): priority and issue time kept. A counter that was not calling before
 * (a clerk signing in at a closed one) releases nothing: a ticket the guide named it for waits
 * until it opens, as a transfer does.
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

/** The tickets held since issue for `counterId` for their owner, sent back to their queue. */
export function releaseHeldFor(
  waiting: readonly Ticket[],
  counterId: string,
  by: string | null,
  now: number,
): TicketChange[] {
  return waiting
    .filter((t) => isHeldVipTicket(t, counterId))
    .map((before) => {
      const forCaseOwner = before.stateReason === HELD_FOR_CASE_OWNER;
      const ticket: Ticket = {
        ...before,
        targetCounterId: null,
        stateReason: forCaseOwner ? null : before.stateReason,
        updatedAt: now,
      };
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
          reason: forCaseOwner ? CASE_OWNER_AWAY : MANAGER_AWAY,
        },
        events: [],
      };
    });
}
