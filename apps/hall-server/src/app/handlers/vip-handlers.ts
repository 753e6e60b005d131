import {
  maskPhone,
  type CustomerRecord,
  type FollowUp,
  type MyVip,
  type TicketState,
} from '@onestop/shared';
import { accept, reject } from '../../domain/result';
import { handler, type TxContext } from '../context';

// The account manager's own list (大客户经理, issue 18 item 4): their VIPs and what is open for
// each, what is due first on top. Only the signed-in clerk's own VIPs: the query takes no staff
// id, so nobody can ask for another manager's list.

const OPEN_TICKET: ReadonlySet<TicketState> = new Set(['waiting', 'called', 'serving', 'parked']);

function matters(
  tx: TxContext,
  customer: CustomerRecord,
  openFollowUps: readonly FollowUp[],
): MyVip {
  const key = { accountNo: customer.accountNo, phone: customer.phone };
  const visits = tx.store.tickets.ofCustomer(key, '');
  const visitIds = new Set(visits.map((t) => t.id));
  const tickets = visits.filter(
    (t) => t.businessDay === tx.hall.businessDay && OPEN_TICKET.has(t.state),
  );
  const cases = tx.store.cases
    .ofCustomer(key)
    .filter((c) => c.state === 'open')
    .sort((a, b) => a.dueAt - b.dueAt);
  const followUps = openFollowUps.filter((f) => f.ticketId !== null && visitIds.has(f.ticketId));
  const opinions = tx.store.opinions.ofCustomer(key).filter((o) => o.state !== 'closed');
  const dues = [...cases.map((c) => c.dueAt), ...followUps.map((f) => f.dueAt)];
  return {
    // The phone masked, as the customer list shows it (a visit's whole number: reveal-contact).
    customer: { ...customer, phone: customer.phone === null ? null : maskPhone(customer.phone) },
    tickets,
    cases,
    followUps,
    opinions,
    nextDueAt: dues.length ? Math.min(...dues) : null,
  };
}

export const vipHandlers = {
  'customer:my-vips': handler<'customer:my-vips'>({
    run(tx) {
      const staff = tx.actor.staff;
      if (!staff) return reject('not_signed_in');
      const openFollowUps = tx.store.followUps.current(Number.MAX_SAFE_INTEGER);
      const vips = tx.store.customers.ofManager(staff.id).map((c) => matters(tx, c, openFollowUps));
      vips.sort(
        (a, b) =>
          (a.nextDueAt ?? Infinity) - (b.nextDueAt ?? Infinity) ||
          b.tickets.length - a.tickets.length ||
          (a.customer.accountNo < b.customer.accountNo ? -1 : 1),
      );
      return accept({ vips });
    },
  }),
};
