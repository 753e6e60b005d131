import type { Alert, HallEvent, Staff, Ticket } from '@onestop/shared';
import {
  assignToCounter,
  prioritise,
  setCounterServices,
  setCounterState,
} from '../../domain/overrides';
import { accept, reject, type Result } from '../../domain/result';
import { returnTicket } from '../../domain/tickets';
import { handler, type TxContext } from '../context';
import { leaveCounterOf, signedInStaff, ticketById } from './clerk';
import { shiftLog } from '../shift-log';
import { cachedCallOrder, consoleCallOrder } from '../call-order';

// The duty-leader console: overrides (reason required, audited by the pipeline, announced to
// the affected clerk), the opinions desk, alerts, presence, the call order and the shift log.
// The admin's settings are in admin-handlers.ts.

function announce(
  tx: TxContext,
  action: string,
  reason: string,
  on: { staffId?: string | null; counterId?: string | null; ticketId?: string | null },
): void {
  const event: HallEvent = {
    type: 'override.applied',
    action,
    reason,
    byStaffId: tx.actor.staff!.id,
    staffId: on.staffId ?? null,
    counterId: on.counterId ?? null,
    ticketId: on.ticketId ?? null,
  };
  tx.write.event(event);
}

/** The signed-in duty leader and the ticket they override. */
function leaderAndTicket(
  tx: TxContext,
  ticketId: string,
): Result<{ leader: Staff; ticket: Ticket }> {
  const leader = signedInStaff(tx);
  if (!leader.ok) return leader;
  const ticket = ticketById(tx, ticketId);
  return ticket.ok ? accept({ leader: leader.value, ticket: ticket.value }) : ticket;
}

export const consoleHandlers = {
  'override:ticket-priority': handler<'override:ticket-priority'>({
    run(tx, { ticketId, to, reason }) {
      const asked = leaderAndTicket(tx, ticketId);
      if (!asked.ok) return asked;
      const { leader, ticket } = asked.value;
      const changed = prioritise(ticket, to, leader.id, reason, tx.now);
      if (!changed.ok) return changed;
      announce(tx, `ticket-priority:${to}`, reason, { ticketId });
      return accept({ ticket: tx.write.ticket(changed.value) });
    },
  }),

  'override:ticket-counter': handler<'override:ticket-counter'>({
    run(tx, { ticketId, counterId, reason }) {
      const asked = leaderAndTicket(tx, ticketId);
      if (!asked.ok) return asked;
      const { leader, ticket } = asked.value;
      const counter = tx.store.counters.byId(counterId);
      if (!counter) return reject('not_found', `Counter ${counterId}.`);
      const changed = assignToCounter(ticket, counter, leader.id, reason, tx.now);
      if (!changed.ok) return changed;
      announce(tx, 'ticket-counter', reason, { ticketId, counterId, staffId: counter.staffId });
      return accept({ ticket: tx.write.ticket(changed.value) });
    },
  }),

  'override:counter-state': handler<'override:counter-state'>({
    run(tx, { counterId, state, pauseReason, reason }) {
      const counter = tx.store.counters.byId(counterId);
      if (!counter) return reject('not_found', `Counter ${counterId}.`);
      const active = tx.store.tickets.activeAtCounter(counterId).length;
      const changed = setCounterState(counter, state, pauseReason, active, tx.now);
      if (!changed.ok) return changed;
      announce(tx, `counter-state:${state}`, reason, { counterId, staffId: counter.staffId });
      return accept({ counter: tx.write.counter(changed.value) });
    },
  }),

  'override:counter-services': handler<'override:counter-services'>({
    run(tx, { counterId, serviceIds, reason }) {
      const counter = tx.store.counters.byId(counterId);
      if (!counter) return reject('not_found', `Counter ${counterId}.`);
      const known = new Set(tx.store.services.all().map((s) => s.id));
      const changed = setCounterServices(counter, serviceIds, known, tx.now);
      if (!changed.ok) return changed;
      announce(tx, 'counter-services', reason, { counterId, staffId: counter.staffId });
      return accept({ counter: tx.write.counter(changed.value) });
    },
  }),

  'override:sign-out': handler<'override:sign-out'>({
    run(tx, { staffId, reason }) {
      const leader = signedInStaff(tx);
      if (!leader.ok) return leader;
      const staff = tx.store.staff.byId(staffId);
      if (!staff) return reject('not_found', `Staff ${staffId}.`);
      if (staff.id === leader.value.id) {
        return reject('invalid_transition', 'Sign yourself out from your own desk.');
      }
      let returned = 0;
      let held = 0;
      for (const ticket of tx.store.tickets.heldByStaff(staffId)) {
        if (ticket.state === 'called') {
          const back = returnTicket(
            ticket,
            { staffId: leader.value.id, counterId: null },
            reason,
            tx.now,
          );
          if (back.ok) {
            tx.write.ticket(back.value);
            returned++;
          }
          continue;
        }
        // In service or parked: the visit passes to the duty leader; its first handler stays.
        tx.write.ticket({
          ticket: { ...ticket, servingStaffId: leader.value.id, updatedAt: tx.now },
          transition: {
            ticketId: ticket.id,
            fromState: ticket.state,
            toState: ticket.state,
            at: tx.now,
            serviceId: ticket.serviceId,
            counterId: ticket.counterId,
            staffId: leader.value.id,
            reason: `handed to the duty leader: ${reason}`,
          },
          events: [],
        });
        held++;
      }
      // Cases, support tasks and follow-ups pass to the duty leader, as a handover would.
      for (const c of tx.store.cases.openOwnedBy(staffId)) {
        tx.write.case({ ...c, ownerStaffId: leader.value.id, updatedAt: tx.now });
        held++;
      }
      for (const task of tx.store.tasks.openOwnedBy(staffId)) {
        tx.write.task({ ...task, ownerStaffId: leader.value.id, updatedAt: tx.now });
        held++;
      }
      for (const f of tx.store.followUps.openAssignedTo(staffId)) {
        tx.write.followUp({ ...f, assigneeStaffId: leader.value.id, updatedAt: tx.now });
        held++;
      }
      const counter = leaveCounterOf(tx, staffId);
      for (const session of tx.store.devices.openSessionsOfStaff(staffId)) {
        tx.write.session({ ...session, endedAt: tx.now, counterId: null });
      }
      announce(tx, 'sign-out', reason, { staffId, counterId: counter?.id ?? null });
      return accept({ staff, returnedTickets: returned, heldTickets: held });
    },
  }),

  'opinion:assign': handler<'opinion:assign'>({
    run(tx, { opinionId, handlerStaffId }) {
      const opinion = tx.store.opinions.byId(opinionId);
      if (!opinion) return reject('not_found', `Opinion ${opinionId}.`);
      if (opinion.state === 'closed') return reject('invalid_transition', 'The opinion is closed.');
      const handlerStaff = tx.store.staff.byId(handlerStaffId);
      if (!handlerStaff || !handlerStaff.active)
        return reject('not_found', `Staff ${handlerStaffId}.`);
      return accept({
        opinion: tx.write.opinion({ ...opinion, handlerStaffId, state: 'in_progress' }),
      });
    },
  }),

  'opinion:resolve': handler<'opinion:resolve'>({
    run(tx, { opinionId, resolution }) {
      const opinion = tx.store.opinions.byId(opinionId);
      if (!opinion) return reject('not_found', `Opinion ${opinionId}.`);
      if (opinion.state === 'closed') return reject('invalid_transition', 'The opinion is closed.');
      const me = tx.actor.staff!;
      if (!tx.actor.roles.includes('duty_leader') && opinion.handlerStaffId !== me.id) {
        return reject('forbidden', 'Only its handler or the duty leader closes an opinion.');
      }
      return accept({
        opinion: tx.write.opinion({ ...opinion, state: 'closed', closedAt: tx.now, resolution }),
      });
    },
  }),

  'alert:acknowledge-many': handler<'alert:acknowledge-many'>({
    run(tx, { alertIds, note }) {
      const ids = [...new Set(alertIds)];
      const found = ids.map((id) => tx.store.alerts.byId(id));
      const missing = ids.filter((_, i) => !found[i]);
      if (missing.length > 0) return reject('not_found', `Alerts ${missing.join(', ')}.`);
      // Acknowledged meanwhile (another console, the alert's own row): left as they are.
      const alerts = found
        .filter((a): a is Alert => a !== undefined && a.acknowledgedAt === null)
        .map((a) =>
          tx.write.alert({
            ...a,
            acknowledgedAt: tx.now,
            acknowledgedBy: tx.actor.staff!.id,
            note: note || null,
          }),
        );
      return accept({ alerts });
    },
  }),

  'hall:presence': handler<'hall:presence'>({
    run(tx) {
      const ids = tx.store.devices
        .all()
        .filter((d) => d.revokedAt === null)
        .map((d) => d.id);
      return accept({ devices: tx.store.presence.of(ids) });
    },
  }),

  'console:call-order': handler<'console:call-order'>({
    run(tx) {
      return accept(
        cachedCallOrder(tx.store, tx.hall.seq, tx.now, () =>
          consoleCallOrder(
            tx.store.tickets.waiting(),
            tx.store.services.all(),
            tx.store.counters.all(),
            tx.hall.config,
            tx.now,
          ),
        ),
      );
    },
  }),

  'console:shift-log': handler<'console:shift-log'>({
    run(tx, { since }) {
      return accept({ entries: shiftLog(tx.store, since) });
    },
  }),
};
