import type { Customer, Ticket } from '@onestop/shared';
import { accept, reject } from '../../domain/result';
import { handler } from '../context';

// One-stop context for the counter: the visit's note and path, and the customer's history by
// account number or phone (earlier visits, cases, opinions).

export const contextHandlers = {
  'customer:context': handler<'customer:context'>({
    run(tx, args) {
      let ticket: Ticket | null = null;
      if (args.ticketId !== undefined) {
        ticket = tx.store.tickets.byId(args.ticketId) ?? null;
        if (!ticket) return reject('not_found', `Ticket ${args.ticketId}.`);
      }
      const customer: Customer = {
        accountNo: args.accountNo ?? ticket?.customer.accountNo ?? null,
        phone: args.phone ?? ticket?.customer.phone ?? null,
        name:
          ticket?.customer.name ??
          (args.accountNo ? (tx.store.customers.byAccountNo(args.accountNo)?.name ?? null) : null),
      };
      const key = { accountNo: customer.accountNo, phone: customer.phone };
      const known = key.accountNo !== null || key.phone !== null;
      return accept({
        ticket,
        path: ticket ? tx.store.tickets.path(ticket.id) : [],
        customer,
        visits: known ? tx.store.tickets.ofCustomer(key, ticket?.id ?? '') : [],
        cases: known ? tx.store.cases.ofCustomer(key) : [],
        opinions: known ? tx.store.opinions.ofCustomer(key) : [],
      });
    },
  }),

  'ticket:path': handler<'ticket:path'>({
    run(tx, { ticketId }) {
      const ticket = tx.store.tickets.byId(ticketId);
      if (!ticket) return reject('not_found', `Ticket ${ticketId}.`);
      return accept({ ticket, path: tx.store.tickets.path(ticketId) });
    },
  }),
};
