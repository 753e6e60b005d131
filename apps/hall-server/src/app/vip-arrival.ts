import { maskName, type AccountManagerGreeting, type Customer, type Ticket } from '@onestop/shared';
import { newAlert } from '../domain/alerts';
import {
  caseOwnerFor,
  HELD_FOR_CASE_OWNER,
  mayRouteToCaseOwner,
  mayTakeVipTicket,
  routeCaseOwner,
  routeVip,
  type CaseOwnerRoute,
  type OpenCaseOf,
  type VipRoute,
} from '../domain/vip-routing';
import type { TxContext } from './context';

// A VIP takes a number (kiosk by account number, guide desk): where the ticket waits, and who
// is told (domain/vip-routing.ts; docs/vip-account-managers.md).

const NO_ROUTE: VipRoute = { route: 'none' };

/**
 * Whether a new ticket for `customer` is a VIP's: a VIP on the hall's list whose account holds
 * no open VIP ticket today (domain/vip-routing.ts `mayTakeVipTicket`). The account number is
 * typed at the kiosk by whoever knows it; staff at the guide desk see the customer and may
 * deliberately issue a further one (signed in, audited).
 */
export function isVipArrival(tx: TxContext, customer: Customer): boolean {
  if (!customer.accountNo) return false;
  if (!tx.store.customers.byAccountNo(customer.accountNo)?.vip) return false;
  if (tx.actor.staff) return true;
  return mayTakeVipTicket(tx.store.tickets.openOfAccount(customer.accountNo, tx.hall.businessDay));
}

/** Whether any desk `staffId` is signed in on is connected. */
function deskOnline(tx: TxContext, staffId: string): boolean {
  const desks = tx.store.devices
    .openSessions()
    .filter((s) => s.staffId === staffId)
    .map((s) => s.deviceId);
  return tx.store.presence.of(desks).some((d) => d.online);
}

const NO_CASE_ROUTE: CaseOwnerRoute = { route: 'none' };

/**
 * The route of a returning customer's new ticket to the first handler of their open case for
 * the service (domain/vip-routing.ts `routeCaseOwner`; docs/vip-account-managers.md,
 * "First-handler routing"). Staff (the guide desk) route by the account number or phone they
 * typed: they see the customer. A kiosk routes only a customer it identified (bill or ID card,
 * `identified`): a typed account number or phone is anyone's to type, and a routed ticket jumps
 * the queue at the owner's counter and names the owner on the screen. There, one routed ticket
 * per account and service at a time (`mayRouteToCaseOwner`).
 */
function caseOwnerRouteFor(
  tx: TxContext,
  customer: Customer,
  serviceId: string,
  identified: boolean,
): CaseOwnerRoute {
  const byStaff = tx.actor.staff !== null;
  if (!byStaff && (!identified || !customer.accountNo)) return NO_CASE_ROUTE;
  const key = { accountNo: customer.accountNo, phone: byStaff ? customer.phone : null };
  if (key.accountNo === null && key.phone === null) return NO_CASE_ROUTE;
  if (!byStaff) {
    const open = tx.store.tickets.openOfAccount(customer.accountNo!, tx.hall.businessDay);
    if (!mayRouteToCaseOwner(open, serviceId)) return NO_CASE_ROUTE;
  }
  const cases: OpenCaseOf[] = tx.store.cases
    .ofCustomer(key)
    .filter((c) => c.state === 'open')
    .map((c) => ({
      ownerStaffId: c.ownerStaffId,
      dueAt: c.dueAt,
      promisedAt: c.promisedAt,
      serviceIds: [
        tx.store.caseTypes.byId(c.caseTypeId)?.serviceId ?? null,
        c.ticketId === null ? null : (tx.store.tickets.byId(c.ticketId)?.serviceId ?? null),
      ],
    }));
  const ownerId = caseOwnerFor(cases, serviceId);
  if (ownerId === null) return NO_CASE_ROUTE;
  return routeCaseOwner({
    cases,
    serviceId,
    owner: tx.store.staff.byId(ownerId),
    counters: tx.store.counters.all(),
    ownerOnline: deskOnline(tx, ownerId),
  });
}

/** The ticket's hold for its case owner's counter: the counter and the mark, or none. */
function caseOwnerHold(
  route: CaseOwnerRoute,
): { targetCounterId: string; stateReason: string } | null {
  return route.route === 'owner_counter'
    ? { targetCounterId: route.counterId, stateReason: HELD_FOR_CASE_OWNER }
    : null;
}

/**
 * After a ticket is issued for a customer with an open case: the greeting when it waits for the
 * owner's counter; when the owner cannot serve now, the owner is told on their desk
 * (`case_customer_arrived`, addressed to them, whatever their roles; the console sees it too;
 * addressed to nobody when the owner is no longer active).
 */
function caseOwnerGreeting(
  tx: TxContext,
  route: CaseOwnerRoute,
  ticket: Ticket,
): AccountManagerGreeting | undefined {
  if (route.route === 'owner_away') {
    tx.write.alert(
      newAlert(tx.newId(), tx.now, {
        kind: 'case_customer_arrived',
        subjectId: ticket.id,
        ticketId: ticket.id,
        staffId: tx.store.staff.byId(route.ownerStaffId)?.active ? route.ownerStaffId : null,
      }),
    );
    return undefined;
  }
  if (route.route !== 'owner_counter') return undefined;
  const counter = tx.store.counters.byId(route.counterId);
  const owner = tx.store.staff.byId(route.ownerStaffId);
  if (!counter || !owner) return undefined;
  return { name: maskName(owner.name), counterNumber: counter.number, role: 'case_owner' };
}

/** The route of a VIP's new ticket, from the hall's customer list, staff and counters now. */
function vipRouteFor(tx: TxContext, customer: Customer): VipRoute {
  if (!customer.accountNo || !isVipArrival(tx, customer)) return NO_ROUTE;
  const record = tx.store.customers.byAccountNo(customer.accountNo);
  if (!record?.vip || record.accountManagerStaffId === null) return NO_ROUTE;
  const managerId = record.accountManagerStaffId;
  return routeVip({
    customer: record,
    manager: tx.store.staff.byId(managerId),
    counters: tx.store.counters.all(),
    managerOnline: deskOnline(tx, managerId),
  });
}

/** The counter a routed VIP's ticket waits for, if any. */
function heldCounterOf(route: VipRoute): string | null {
  return route.route === 'manager_counter' ? route.counterId : null;
}

/**
 * After the ticket is issued: a VIP routed to the manager's counter is told who serves them
 * (masked name, counter number); one whose manager is away has VIP priority and the manager is
 * told on their desk (`vip_arrived`, addressed to them; the console sees it too). A manager no
 * longer active is nobody to tell: the alert goes to the console alone (no staff).
 */
function afterVipIssued(
  tx: TxContext,
  ticket: Ticket,
  route: VipRoute,
): AccountManagerGreeting | undefined {
  switch (route.route) {
    case 'none':
      return undefined;
    case 'manager_counter': {
      const counter = tx.store.counters.byId(route.counterId);
      const manager = tx.store.staff.byId(route.managerStaffId);
      if (!counter || !manager) return undefined;
      return { name: maskName(manager.name), counterNumber: counter.number };
    }
    case 'priority': {
      const addressed = route.why === 'manager_inactive' ? null : route.managerStaffId;
      tx.write.alert(
        newAlert(tx.newId(), tx.now, {
          kind: 'vip_arrived',
          subjectId: ticket.id,
          ticketId: ticket.id,
          staffId: addressed,
        }),
      );
      return undefined;
    }
  }
}

/** Where a new ticket is routed on arrival (`arrivalRoute`), and what follows its issue. */
export interface ArrivalRoute {
  caseOwner: CaseOwnerRoute;
  vip: VipRoute;
  /** The counter it waits for (the case owner's, else the VIP's manager's), or null. */
  targetCounterId: string | null;
  /** The hold's mark (`HELD_FOR_CASE_OWNER`), or null. */
  stateReason: string | null;
}

/**
 * The routing of a ticket:issue or appointment:check-in: the first handler of the customer's
 * open case for the service first (`caseOwner`: whether it may be routed to one at all;
 * `identified`: a kiosk's customer identified by their own bill, card or booking code), then
 * a VIP's account manager (`vip`: whether the ticket is a VIP's); none when the owner holds it.
 */
export function arrivalRoute(
  tx: TxContext,
  customer: Customer,
  serviceId: string,
  may: { caseOwner: boolean; identified: boolean; vip: boolean },
): ArrivalRoute {
  const caseOwner = may.caseOwner
    ? caseOwnerRouteFor(tx, customer, serviceId, may.identified)
    : NO_CASE_ROUTE;
  const hold = caseOwnerHold(caseOwner);
  const vip = may.vip && hold === null ? vipRouteFor(tx, customer) : NO_ROUTE;
  return {
    caseOwner,
    vip,
    targetCounterId: hold?.targetCounterId ?? heldCounterOf(vip),
    stateReason: hold?.stateReason ?? null,
  };
}

/** After the routed ticket is issued: the greeting, or the owner or manager told. */
export function afterArrival(
  tx: TxContext,
  route: ArrivalRoute,
  ticket: Ticket,
): AccountManagerGreeting | undefined {
  const greeting = caseOwnerGreeting(tx, route.caseOwner, ticket);
  // The owner away is also the VIP's manager: told once (by the case's alert), not twice.
  const { caseOwner, vip } = route;
  const told =
    caseOwner.route === 'owner_away' &&
    vip.route === 'priority' &&
    vip.managerStaffId === caseOwner.ownerStaffId;
  return greeting ?? (told ? undefined : afterVipIssued(tx, ticket, vip));
}
