import type {
  Appointment,
  Service,
  ServiceQueue,
  StatusCase,
  Ticket,
  TicketStatus,
} from '@onestop/shared';
import { maskName, Phone } from '@onestop/shared';
import { newAlert } from '../../domain/alerts';
import { cancelAppointment, checkIn, checkedIn, pickAppointment } from '../../domain/appointments';
import { businessDayOf } from '../../domain/business-day';
import { accept, reject, type Result } from '../../domain/result';
import { waitingTicket } from '../../domain/ticket-issue';
import { handler, type TxContext } from '../context';
import { publicPosition, queuePosition, type QueuePosition } from '../queue-estimate';
import { isStatusToken, newAppointmentCode, statusToken } from '../secrets';
import { afterArrival, arrivalRoute, isVipArrival } from '../vip-arrival';
import { issueFor } from './ticket-handlers';

// The hall-facing posts: customer list, appointments, the supervision box, the display's
// notice line, queue lengths, finding a ticket, and the customer's phone page.

/** Where a ticket stands now: people ahead and estimated wait while waiting, else zero. */
function positionOf(tx: TxContext, ticket: Ticket, waiting: readonly Ticket[]): QueuePosition {
  const service = tx.store.services.byId(ticket.serviceId);
  if (ticket.state !== 'waiting' || !service) {
    return {
      peopleAhead: 0,
      estimatedWaitSec: 0,
      estimatedWaitLowSec: 0,
      estimatedWaitHighSec: 0,
      noCounterOpen: false,
      hallOpensAt: null,
    };
  }
  return publicPosition(queuePosition(tx.store, tx.hall, ticket, service, waiting, tx.now));
}

/** A ticket that would be issued now, to estimate a new customer's wait for a service. */
function hypotheticalTicket(tx: TxContext, service: Service): Ticket {
  return waitingTicket(
    {
      id: '(new)',
      businessDay: tx.hall.businessDay,
      serviceId: service.id,
      number: '',
      // After everyone issued before it, also within the same millisecond.
      dailySeq: tx.store.tickets.lastDailySeq(tx.hall.businessDay, service.id) + 1,
    },
    tx.now,
  );
}

function appointmentToCheckIn(
  tx: TxContext,
  args: { code: string } | { phone: string },
): Appointment | undefined {
  if ('code' in args) return tx.store.appointments.bookedByCode(args.code);
  return pickAppointment(
    tx.store.appointments.bookedByPhone(args.phone, tx.hall.businessDay),
    tx.now,
  );
}

/** A second opinion from the same customer within this window is flagged (重复诉求预警). */
export const REPEAT_WINDOW_MS = 30 * 86_400_000;

export const frontHandlers = {
  'customer:lookup': handler<'customer:lookup'>({
    run(tx, { accountNo }) {
      const customer = tx.store.customers.byAccountNo(accountNo);
      const notFound = { found: false, vip: false, name: null };
      if (!customer) return accept(notFound);
      if (tx.actor.staff) return accept({ found: true, vip: customer.vip, name: customer.name });
      // A kiosk greets a VIP and learns nothing else: a listed customer who is not a VIP answers
      // like an unknown account, so typing account numbers does not page through the list.
      if (!customer.vip) return accept(notFound);
      // Nor does it greet an account already holding an open VIP ticket: its next ticket is an
      // ordinary one (one VIP ticket per account, vip-arrival.ts), told nothing about the VIP.
      if (!isVipArrival(tx, { accountNo, phone: null, name: null })) return accept(notFound);
      return accept({ found: true, vip: true, name: maskName(customer.name) });
    },
  }),

  'appointment:create': handler<'appointment:create'>({
    run(tx, args) {
      const service = tx.store.services.byId(args.serviceId);
      if (!service || !service.active) return reject('service_unavailable', args.serviceId);
      if (!args.customer.phone && !args.customer.accountNo) {
        return reject('invalid_payload', 'customer: a phone or an account number is needed');
      }
      const day = businessDayOf(args.windowStart, tx.hall.config.timeZone);
      if (day < tx.hall.businessDay || args.windowEnd <= tx.now) {
        return reject('invalid_payload', 'windowEnd: the window is already over');
      }
      if (businessDayOf(args.windowEnd - 1, tx.hall.config.timeZone) !== day) {
        return reject('invalid_payload', 'windowEnd: a window lies within one business day');
      }
      let code = newAppointmentCode();
      while (tx.store.appointments.isCodeTaken(code)) code = newAppointmentCode();
      const appointment = tx.write.appointment(
        {
          id: tx.newId(),
          code,
          serviceId: service.id,
          customer: args.customer,
          windowStart: args.windowStart,
          windowEnd: args.windowEnd,
          state: 'booked',
          ticketId: null,
          createdAt: tx.now,
          changeSeq: 0,
        },
        day,
      );
      return accept({ appointment });
    },
  }),

  'appointment:cancel': handler<'appointment:cancel'>({
    run(tx, { appointmentId }) {
      const appointment = tx.store.appointments.byId(appointmentId);
      if (!appointment) return reject('not_found', `Appointment ${appointmentId}.`);
      const cancelled = cancelAppointment(appointment);
      if (!cancelled.ok) return cancelled;
      const day = businessDayOf(appointment.windowStart, tx.hall.config.timeZone);
      return accept({ appointment: tx.write.appointment(cancelled.value, day) });
    },
  }),

  'appointment:check-in': handler<'appointment:check-in'>({
    run(tx, args) {
      const appointment = appointmentToCheckIn(tx, args);
      if (!appointment) return reject('appointment_not_found');
      const day = businessDayOf(appointment.windowStart, tx.hall.config.timeZone);
      const verdict = checkIn(appointment, day, tx.hall.businessDay, tx.now);
      if (!verdict.ok) return verdict;
      // Routed as at the kiosk (vip-arrival.ts): the first handler of the customer's open case
      // for the service first (at the kiosk only by the booking's code, given only to whoever
      // booked; a typed phone is anyone's), then a VIP's manager (else the manager is told);
      // late, a VIP keeps VIP priority, not an ordinary one.
      const { customer, serviceId } = appointment;
      const route = arrivalRoute(tx, customer, serviceId, {
        caseOwner: true,
        identified: 'code' in args,
        vip: true,
      });
      const late = isVipArrival(tx, customer) ? 'vip' : 'normal';
      const issued = issueFor(tx, {
        serviceId,
        customer,
        priority: verdict.value.onTime ? 'appointment' : late,
        source: 'appointment',
        note: null,
        targetCounterId: route.targetCounterId,
        stateReason: route.stateReason,
      });
      if (!issued.ok) return issued;
      const accountManager = afterArrival(tx, route, issued.value.ticket);
      const updated = tx.write.appointment(checkedIn(appointment, issued.value.ticket.id), day);
      return accept({
        ...issued.value,
        ...(accountManager ? { accountManager } : {}),
        appointment: updated,
        onTime: verdict.value.onTime,
      });
    },
  }),

  'opinion:submit': handler<'opinion:submit'>({
    run(tx, args) {
      const ticket = args.ticketId === undefined ? null : tx.store.tickets.byId(args.ticketId);
      if (ticket === undefined) return reject('not_found', `Ticket ${args.ticketId}.`);
      if (args.staffId !== undefined && !tx.store.staff.byId(args.staffId)) {
        return reject('not_found', `Staff ${args.staffId}.`);
      }
      const phone = args.contact && Phone.safeParse(args.contact).success ? args.contact : null;
      const customerKey =
        args.accountNo ?? phone ?? ticket?.customer.accountNo ?? ticket?.customer.phone ?? null;
      const kind = tx.actor.device?.kind;
      const source =
        kind === 'kiosk' ? 'kiosk' : tx.actor.roles.includes('guide') ? 'guide' : 'duty_leader';
      const opinion = tx.write.opinion({
        id: tx.newId(),
        category: args.category,
        text: args.text,
        contact: args.contact ?? null,
        ticketId: args.ticketId ?? null,
        source,
        staffId: args.staffId ?? ticket?.ownerStaffId ?? null,
        handlerStaffId: null,
        customerKey,
        repeated:
          customerKey !== null &&
          tx.store.opinions.hasEarlier(customerKey, tx.now - REPEAT_WINDOW_MS, tx.now + 1),
        state: 'open',
        createdAt: tx.now,
        closedAt: null,
        resolution: null,
        changeSeq: 0,
      });
      if (opinion.repeated) {
        // 重复诉求预警: the duty leader hears of a customer coming back with a complaint.
        tx.write.alert(
          newAlert(tx.newId(), tx.now, {
            kind: 'repeated_opinion',
            subjectId: opinion.id,
            ticketId: opinion.ticketId,
            staffId: opinion.staffId,
          }),
        );
      }
      return accept({ opinion });
    },
  }),

  'hall:set-notice': handler<'hall:set-notice'>({
    run(tx, { text }) {
      const config = tx.write.config({ ...tx.hall.config, notice: text === '' ? null : text });
      return accept({ config });
    },
  }),

  'hall:queues': handler<'hall:queues'>({
    run(tx) {
      const waiting = tx.store.tickets.waiting();
      const counters = tx.store.counters.all();
      const queues: ServiceQueue[] = tx.store.services
        .all()
        .filter((s) => s.active)
        .map((service) => {
          const mine = waiting.filter((t) => t.serviceId === service.id);
          const oldest = Math.min(...mine.map((t) => t.queuedAt));
          const estimate = queuePosition(
            tx.store,
            tx.hall,
            hypotheticalTicket(tx, service),
            service,
            waiting,
            tx.now,
          );
          return {
            serviceId: service.id,
            waiting: mine.length,
            longestWaitSec: mine.length ? Math.max(0, Math.round((tx.now - oldest) / 1000)) : 0,
            estimatedWaitSec: estimate.estimatedWaitSec,
            estimatedWaitLowSec: estimate.estimatedWaitLowSec,
            estimatedWaitHighSec: estimate.estimatedWaitHighSec,
            noCounterOpen: estimate.noCounterOpen,
            hallOpensAt: estimate.hallOpensAt,
            targetWaitSec: service.targetWaitSec,
            openCounters: counters.filter(
              (c) => c.state === 'open' && c.serviceIds.includes(service.id),
            ).length,
          };
        });
      return accept({ queues });
    },
  }),

  'ticket:find': handler<'ticket:find'>({
    run(tx, { number, phone }) {
      const today = tx.store.tickets.visible(tx.hall.businessDay);
      const found = today.filter(
        (t) =>
          (number === undefined || t.number === number) &&
          (phone === undefined || t.customer.phone === phone),
      );
      const waiting = tx.store.tickets.waiting();
      const key = tx.store.keys.statusKey();
      return accept({
        results: found.map((ticket) => ({
          ticket,
          statusToken: statusToken(key, ticket.id),
          ...positionOf(tx, ticket, waiting),
        })),
      });
    },
  }),

  'ticket:status': handler<'ticket:status'>({
    run(tx, { ticketId, token }): Result<TicketStatus> {
      const ticket = tx.store.tickets.byId(ticketId);
      // A wrong token and an unknown ticket look the same: nothing to learn by guessing.
      if (!ticket || !isStatusToken(tx.store.keys.statusKey(), ticketId, token)) {
        return reject('not_found');
      }
      const service = tx.store.services.byId(ticket.serviceId);
      const counter = ticket.counterId ? tx.store.counters.byId(ticket.counterId) : undefined;
      const position = positionOf(tx, ticket, tx.store.tickets.waiting());
      return accept({
        number: ticket.number,
        serviceId: ticket.serviceId,
        serviceNameZh: service?.nameZh ?? '',
        serviceNameEn: service?.nameEn ?? '',
        state: ticket.state,
        ...position,
        counter:
          counter && (ticket.state === 'called' || ticket.state === 'serving')
            ? { number: counter.number, name: counter.name }
            : null,
        issuedAt: ticket.issuedAt,
        calledAt: ticket.calledAt,
        hallNameZh: tx.hall.config.nameZh,
        hallNameEn: tx.hall.config.nameEn,
        businessDay: ticket.businessDay,
        cases: statusCases(tx, ticket.id),
        timeZone: tx.hall.config.timeZone,
      });
    },
  }),
};

/** 承诺 on the phone page: the cases opened from this visit only, with their promises. */
function statusCases(tx: TxContext, ticketId: string): StatusCase[] {
  return tx.store.cases.ofTicket(ticketId).map((c) => {
    const type = tx.store.caseTypes.byId(c.caseTypeId);
    return {
      number: c.number,
      typeNameZh: type?.nameZh ?? '',
      typeNameEn: type?.nameEn ?? '',
      kind: type?.kind ?? 'case',
      state: c.state,
      promisedAt: c.promisedAt,
      dueAt: c.dueAt,
      closedAt: c.closedAt,
      changes: c.promiseChanges.map((x) => ({ at: x.at, toDueAt: x.toDueAt, reason: x.reason })),
    };
  });
}
