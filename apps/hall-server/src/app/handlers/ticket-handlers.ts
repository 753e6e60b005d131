import {
  isOpenAt,
  type Customer,
  type IssuedTicket,
  type Service,
  type Ticket,
  type TicketPriority,
  type TicketSource,
} from '@onestop/shared';
import { pickNext } from '../../domain/calling';
import { accept, reject, type Result } from '../../domain/result';
import {
  callTicket,
  cancelTicket,
  finishTicket,
  markNoShow,
  parkTicket,
  reassignOwner,
  recallTicket,
  reinstateTicket,
  resumeTicket,
  returnTicket,
  startTicket,
  transferTicket,
  walkIn,
  type ClerkAtCounter,
  type TicketChange,
  type TransferTarget,
} from '../../domain/tickets';
import { issuedTransition, issueTicket, type IssueInput } from '../../domain/ticket-issue';
import { handler, type TxContext } from '../context';
import { publicPosition, queuePosition } from '../queue-estimate';
import { statusToken } from '../secrets';
import { clerkAt, ticketById } from './clerk';
import { requestEvaluationFor } from './evaluation-handlers';
import { recordKioskConsent } from './notification-handlers';
import { afterArrival, arrivalRoute, isVipArrival } from '../vip-arrival';
import { customerWithIdentity } from './identify-handlers';
import { retrainingBlock } from './knowledge-handlers';

const noCustomer: Customer = { phone: null, accountNo: null, name: null };

function saved(tx: TxContext, change: Result<TicketChange>): Result<{ ticket: Ticket }> {
  return change.ok ? accept({ ticket: tx.write.ticket(change.value) }) : change;
}

/** A clerk action on one ticket: resolve the clerk and the ticket, apply the rule, write. */
function clerkAction(
  tx: TxContext,
  ticketId: string,
  rule: (ticket: Ticket, clerk: ClerkAtCounter) => Result<TicketChange>,
): Result<{ ticket: Ticket }> {
  const clerk = clerkAt(tx);
  if (!clerk.ok) return clerk;
  const ticket = ticketById(tx, ticketId);
  if (!ticket.ok) return ticket;
  return saved(tx, rule(ticket.value, clerk.value));
}

function staffAction(
  tx: TxContext,
  ticketId: string,
  rule: (ticket: Ticket, staffId: string) => Result<TicketChange>,
): Result<{ ticket: Ticket }> {
  const staff = tx.actor.staff;
  if (!staff) return reject('not_signed_in');
  const ticket = ticketById(tx, ticketId);
  if (!ticket.ok) return ticket;
  return saved(tx, rule(ticket.value, staff.id));
}

/** A VIP is recognised from the hall's customer list by account number. */
export function recognisedPriority(tx: TxContext, customer: Customer): TicketPriority {
  // One open VIP ticket per account: a second is an ordinary one (vip-arrival.ts).
  return isVipArrival(tx, customer) ? 'vip' : 'normal';
}

/** The next number of `service` today, as a ticket not yet saved (see `takeNumber`). */
function issueNext(
  tx: TxContext,
  service: Service,
  fields: Omit<IssueInput, 'id' | 'service' | 'businessDay' | 'lastDailySeq'>,
): Result<Ticket> {
  const day = tx.hall.businessDay;
  const lastDailySeq = tx.store.tickets.lastDailySeq(day, service.id);
  return issueTicket(
    { id: tx.newId(), service, businessDay: day, lastDailySeq, ...fields },
    tx.now,
  );
}

/** The number `issueNext` gave is used: counted for today. */
function takeNumber(tx: TxContext, service: Service): void {
  tx.store.tickets.takeDailySeq(tx.hall.businessDay, service.id);
}

/** Issues a ticket into the queue: number, estimated wait, and the token for its phone page. */
export function issueFor(
  tx: TxContext,
  input: {
    serviceId: string;
    customer: Customer;
    priority: TicketPriority;
    source: TicketSource;
    note: string | null;
    targetCounterId: string | null;
    /** Why it waits for `targetCounterId` (a case owner's hold), else null. */
    stateReason?: string | null;
  },
): Result<IssuedTicket> {
  const service = tx.store.services.byId(input.serviceId);
  if (!service) return reject('not_found', `Service ${input.serviceId}.`);
  const { timeZone, businessHours } = tx.hall.config;
  // Staff may still issue after hours (a customer already inside); the kiosk may not.
  if (tx.actor.device?.kind === 'kiosk' && !isOpenAt(tx.now, timeZone, businessHours)) {
    return reject('hall_closed', `Open ${businessHours!.open}–${businessHours!.close}.`);
  }
  if (input.targetCounterId !== null && !tx.store.counters.byId(input.targetCounterId)) {
    return reject('not_found', `Counter ${input.targetCounterId}.`);
  }
  const issued = issueNext(tx, service, {
    customer: input.customer,
    priority: input.priority,
    source: input.source,
    note: input.note,
    targetCounterId: input.targetCounterId,
    estimatedWaitSec: null,
  });
  if (!issued.ok) return issued;
  takeNumber(tx, service);
  const waiting = tx.store.tickets.waiting();
  const position = queuePosition(tx.store, tx.hall, issued.value, service, waiting, tx.now);
  // No counter serving it: no figure was told, so none is kept for the accuracy report.
  const told = position.noCounterOpen ? null : position.estimatedWaitSec;
  const ticket = {
    ...issued.value,
    estimatedWaitSec: told,
    stateReason: input.stateReason ?? null,
  };
  const stored = tx.write.newTicket(ticket, issuedTransition(ticket, tx.actor.staff?.id ?? null));
  tx.store.tickets.recordWaitRange(stored.id, {
    lowSec: position.estimatedWaitLowSec,
    highSec: position.estimatedWaitHighSec,
    naiveSec: position.naiveWaitSec,
    noCounterOpen: position.noCounterOpen,
  });
  return accept({
    ticket: stored,
    ...publicPosition(position),
    statusToken: statusToken(tx.store.keys.statusKey(), stored.id),
  });
}

export const ticketHandlers = {
  'ticket:issue': handler<'ticket:issue'>({
    run(tx, args) {
      const fromKiosk = tx.actor.device?.kind === 'kiosk';
      if (fromKiosk && (args.note !== undefined || args.targetCounterId !== undefined)) {
        return reject('forbidden', 'A note or a target counter is set by guide staff.');
      }
      // A customer identified by their bill or ID card (customer:identify) is routed as typed.
      const identified = customerWithIdentity(tx, args.customer ?? noCustomer, args.identityToken);
      if (!identified.ok) return identified;
      const customer = identified.value;
      const priority = args.priority === 'priority' ? 'priority' : recognisedPriority(tx, customer);
      // Routing (vip-arrival.ts): the first handler of the customer's open case for the service
      // first, then a VIP's account manager; a counter the guide names, or the green channel,
      // comes before both.
      const named = args.targetCounterId !== undefined;
      const route = arrivalRoute(tx, customer, args.serviceId, {
        caseOwner: !named && args.priority !== 'priority',
        identified: args.identityToken !== undefined,
        vip: !named && priority === 'vip',
      });
      const issued = issueFor(tx, {
        serviceId: args.serviceId,
        customer,
        priority,
        source: fromKiosk ? 'kiosk' : 'guide',
        note: args.note || null,
        targetCounterId: args.targetCounterId ?? route.targetCounterId,
        stateReason: route.stateReason,
      });
      if (!issued.ok) return issued;
      // "Text me when my turn is near": for this visit's phone, this visit only.
      if (args.notifyConsent) recordKioskConsent(tx, customer, issued.value.ticket.id, args.lang);
      const accountManager = afterArrival(tx, route, issued.value.ticket);
      return accept(accountManager ? { ...issued.value, accountManager } : issued.value);
    },
  }),

  'ticket:walk-in': handler<'ticket:walk-in'>({
    run(tx, args) {
      const clerk = clerkAt(tx);
      if (!clerk.ok) return clerk;
      const service = tx.store.services.byId(args.serviceId);
      if (!service) return reject('not_found', `Service ${args.serviceId}.`);
      // 再培训: a walk-in is served at once, so neither of a service the clerk is on the list
      // for (whatever counter they hold) nor at a counter they may not call at.
      const servable = [service.id, ...clerk.value.counter.serviceIds];
      const listed = retrainingBlock(tx, clerk.value.staffId, servable);
      if (!listed.ok) return listed;
      const issued = issueNext(tx, service, {
        customer: args.customer ?? noCustomer,
        priority: 'normal',
        source: 'walk_in',
        note: args.note || null,
        targetCounterId: null,
        estimatedWaitSec: 0,
      });
      if (!issued.ok) return issued;
      const serving = walkIn(issued.value, clerk.value, tx.now);
      if (!serving.ok) return serving;
      takeNumber(tx, service);
      const ticket = tx.write.newTicket(
        serving.value,
        issuedTransition(serving.value, clerk.value.staffId),
      );
      return accept({ ticket });
    },
  }),

  'ticket:call-next': handler<'ticket:call-next'>({
    run(tx) {
      const clerk = clerkAt(tx);
      if (!clerk.ok) return clerk;
      // 再培训: on the list for one of the counter's services (a quiz failed while at it), the
      // clerk calls no one more here (hall's choice); the customer with them is served to the end.
      const listed = retrainingBlock(tx, clerk.value.staffId, clerk.value.counter.serviceIds);
      if (!listed.ok) return listed;
      const services = new Map(tx.store.services.all().map((s) => [s.id, s]));
      const next = pickNext(
        tx.store.tickets.waiting(),
        clerk.value.counter,
        services,
        tx.hall.config.callWeights,
        tx.now,
      );
      if (!next) {
        // Refuse for the reason the clerk can act on: a paused counter before an empty queue.
        if (clerk.value.counter.state !== 'open') return reject('counter_not_open');
        return reject('queue_empty');
      }
      return saved(tx, callTicket(next, clerk.value, tx.now));
    },
  }),

  'ticket:call': handler<'ticket:call'>({
    run: (tx, { ticketId }) =>
      clerkAction(tx, ticketId, (t, clerk) => {
        const listed = retrainingBlock(tx, clerk.staffId, clerk.counter.serviceIds);
        return listed.ok ? callTicket(t, clerk, tx.now) : listed;
      }),
  }),
  'ticket:recall': handler<'ticket:recall'>({
    run: (tx, { ticketId }) =>
      clerkAction(tx, ticketId, (t, clerk) => recallTicket(t, clerk, tx.now)),
  }),
  'ticket:no-show': handler<'ticket:no-show'>({
    run: (tx, { ticketId }) =>
      clerkAction(tx, ticketId, (t, clerk) => markNoShow(t, clerk, tx.hall.config, tx.now)),
  }),
  'ticket:start': handler<'ticket:start'>({
    run: (tx, { ticketId }) =>
      clerkAction(tx, ticketId, (t, clerk) => startTicket(t, clerk, tx.now)),
  }),
  'ticket:finish': handler<'ticket:finish'>({
    run(tx, { ticketId, outcome, items }) {
      const done = clerkAction(tx, ticketId, (t, clerk) =>
        finishTicket(t, clerk, outcome, items, tx.now),
      );
      if (done.ok) requestEvaluationFor(tx, done.value.ticket); // the pad asks for a rating
      return done;
    },
  }),
  'ticket:park': handler<'ticket:park'>({
    run: (tx, { ticketId, reason }) =>
      clerkAction(tx, ticketId, (t, clerk) => parkTicket(t, clerk, reason, tx.now)),
  }),
  'ticket:resume': handler<'ticket:resume'>({
    run: (tx, { ticketId }) =>
      clerkAction(tx, ticketId, (t, clerk) => resumeTicket(t, clerk, tx.now)),
  }),

  'ticket:transfer': handler<'ticket:transfer'>({
    run(tx, { ticketId, to, note }) {
      let target: TransferTarget;
      if ('serviceId' in to) {
        const service = tx.store.services.byId(to.serviceId);
        if (!service) return reject('not_found', `Service ${to.serviceId}.`);
        target = { service };
      } else {
        const counter = tx.store.counters.byId(to.counterId);
        if (!counter) return reject('not_found', `Counter ${to.counterId}.`);
        target = { counter };
      }
      return clerkAction(tx, ticketId, (t, clerk) =>
        transferTicket(t, clerk, target, note || null, tx.now),
      );
    },
  }),

  'ticket:return': handler<'ticket:return'>({
    run: (tx, { ticketId, reason }) =>
      clerkAction(tx, ticketId, (t, clerk) =>
        returnTicket(
          t,
          { staffId: clerk.staffId, counterId: clerk.counter.id },
          reason ?? null,
          tx.now,
        ),
      ),
  }),

  'ticket:cancel': handler<'ticket:cancel'>({
    run: (tx, { ticketId, reason }) =>
      staffAction(tx, ticketId, (t, staffId) => cancelTicket(t, staffId, reason, tx.now)),
  }),
  'ticket:reinstate': handler<'ticket:reinstate'>({
    run: (tx, { ticketId, reason }) =>
      staffAction(tx, ticketId, (t, staffId) => reinstateTicket(t, staffId, reason, tx.now)),
  }),

  'ticket:reassign-owner': handler<'ticket:reassign-owner'>({
    run(tx, { ticketId, staffId, reason }) {
      const owner = tx.store.staff.byId(staffId);
      if (!owner || !owner.active) return reject('not_found', `Staff ${staffId}.`);
      return staffAction(tx, ticketId, (t, leaderId) =>
        reassignOwner(t, owner.id, leaderId, reason, tx.now),
      );
    },
  }),
};
