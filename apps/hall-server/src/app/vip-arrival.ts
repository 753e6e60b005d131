import { maskName, type AccountManagerGreeting, type Customer, type Ticket } from '@onestop/shared';
import { newAlert } from '../domain/alerts';
import { mayTakeVipTicket, routeVip, type VipRoute } from '../domain/vip-routing';
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

/** The route of a VIP's new ticket, from the hall's customer list, staff and counters now. */
export function vipRouteFor(tx: TxContext, customer: Customer): VipRoute {
  if (!customer.accountNo || !isVipArrival(tx, customer)) return NO_ROUTE;
  const record = tx.store.customers.byAccountNo(customer.accountNo);
  if (!record?.vip || record.accountManagerStaffId === null) return NO_ROUTE;
  const managerId = record.accountManagerStaffId;
  const desks = tx.store.devices
    .openSessions()
    .filter((s) => s.staffId === managerId)
    .map((s) => s.deviceId);
  return routeVip({
    customer: record,
    manager: tx.store.staff.byId(managerId),
    counters: tx.store.counters.all(),
    managerOnline: tx.store.presence.of(desks).some((d) => d.online),
  });
}

/** The counter a routed VIP's ticket waits for, if any. */
export function heldCounterOf(route: VipRoute): string | null {
  return route.route === 'manager_counter' ? route.counterId : null;
}

/**
 * After the ticket is issued: a VIP routed to the manager's counter is told who serves them
 * (masked name, counter number); one whose manager is away has VIP priority and the manager is
 * told on their desk (`vip_arrived`, addressed to them; the console sees it too). A manager no
 * longer active is nobody to tell: the alert goes to the console alone (no staff).
 */
export function afterVipIssued(
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
