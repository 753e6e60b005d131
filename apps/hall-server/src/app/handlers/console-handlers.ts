import {
  pinProblem,
  pinProblemText,
  type Alert,
  type HallEvent,
  type Staff,
  type StaffRole,
  type Ticket,
} from '@onestop/shared';
import {
  assignToCounter,
  prioritise,
  setCounterServices,
  setCounterState,
} from '../../domain/overrides';
import { accept, reject, type Result } from '../../domain/result';
import { returnTicket } from '../../domain/tickets';
import { handler, type TxContext } from '../context';
import { mayLeave } from './handover-handlers';
import { hashPin } from '../secrets';
import { shiftLog } from '../shift-log';
import { cachedCallOrder, consoleCallOrder } from '../call-order';

// The duty-leader console: overrides (reason required, audited by the pipeline, announced to
// the affected clerk), the opinions desk, the shift log; and the admin's settings.

/** Hashes a PIN the staff member may have (see `pinProblem`), or says why not. */
async function acceptablePin(
  pin: string,
  staff: { staffNo: string; roles: readonly StaffRole[] },
): Promise<Result<string>> {
  const problem = pinProblem(pin, staff);
  if (problem) return reject('pin_too_weak', `pin: ${pinProblemText[problem].en}.`);
  return accept(await hashPin(pin));
}

/**
 * Ends a staff member's sessions on every desk (a new PIN, deactivation), except the one
 * giving the command: the old PIN's holder must not stay signed in somewhere.
 */
function endSessionsOf(tx: TxContext, staffId: string): void {
  for (const s of tx.store.devices.openSessionsOfStaff(staffId)) {
    if (s.id !== tx.actor.session?.id) tx.write.session({ ...s, endedAt: tx.now });
  }
}

function leaderOf(tx: TxContext): Result<Staff> {
  return tx.actor.staff ? accept(tx.actor.staff) : reject('not_signed_in');
}

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

function waitingTicket(tx: TxContext, ticketId: string): Result<Ticket> {
  const ticket = tx.store.tickets.byId(ticketId);
  return ticket ? accept(ticket) : reject('not_found', `Ticket ${ticketId}.`);
}

export const consoleHandlers = {
  'override:ticket-priority': handler<'override:ticket-priority'>({
    run(tx, { ticketId, to, reason }) {
      const leader = leaderOf(tx);
      if (!leader.ok) return leader;
      const ticket = waitingTicket(tx, ticketId);
      if (!ticket.ok) return ticket;
      const changed = prioritise(ticket.value, to, leader.value.id, reason, tx.now);
      if (!changed.ok) return changed;
      announce(tx, `ticket-priority:${to}`, reason, { ticketId });
      return accept({ ticket: tx.write.ticket(changed.value) });
    },
  }),

  'override:ticket-counter': handler<'override:ticket-counter'>({
    run(tx, { ticketId, counterId, reason }) {
      const leader = leaderOf(tx);
      if (!leader.ok) return leader;
      const ticket = waitingTicket(tx, ticketId);
      if (!ticket.ok) return ticket;
      const counter = tx.store.counters.byId(counterId);
      if (!counter) return reject('not_found', `Counter ${counterId}.`);
      const changed = assignToCounter(ticket.value, counter, leader.value.id, reason, tx.now);
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
      const leader = leaderOf(tx);
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
      const counter = tx.store.counters.byStaff(staffId);
      if (counter) {
        tx.write.counter({
          ...counter,
          staffId: null,
          state: 'closed',
          pauseReason: null,
          updatedAt: tx.now,
        });
      }
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

  'admin:save-service': handler<'admin:save-service'>({
    run(tx, { service }) {
      const clash = tx.store.services
        .all()
        .find((s) => s.prefix === service.prefix && s.id !== service.id);
      if (clash)
        return reject('invalid_payload', `prefix: ${service.prefix} is used by ${clash.nameEn}`);
      return accept({ service: tx.write.service({ ...service, changeSeq: 0 }) });
    },
  }),

  'admin:save-case-type': handler<'admin:save-case-type'>({
    run(tx, { caseType }) {
      if (caseType.serviceId !== null && !tx.store.services.byId(caseType.serviceId))
        return reject('not_found', `Service ${caseType.serviceId}.`);
      const stepDays = caseType.steps.reduce((sum, step) => sum + step.limitDays, 0);
      if (stepDays > caseType.limitDays)
        return reject(
          'invalid_payload',
          `steps: their limits add up to ${stepDays} days, more than the ${caseType.limitDays}-day limit`,
        );
      return accept({ caseType: tx.write.caseType({ ...caseType, changeSeq: 0 }) });
    },
  }),

  'admin:save-counter': handler<'admin:save-counter'>({
    run(tx, { counter }) {
      const known = new Set(tx.store.services.all().map((s) => s.id));
      const unknown = counter.serviceIds.filter((id) => !known.has(id));
      if (unknown.length > 0) return reject('not_found', `Services ${unknown.join(', ')}.`);
      const clash = tx.store.counters
        .all()
        .find((c) => c.number === counter.number && c.id !== counter.id);
      if (clash) return reject('invalid_payload', `number: counter ${counter.number} exists`);
      const existing = tx.store.counters.byId(counter.id);
      return accept({
        counter: tx.write.counter({
          ...(existing ?? { state: 'closed', pauseReason: null, staffId: null, changeSeq: 0 }),
          ...counter,
          updatedAt: tx.now,
        }),
      });
    },
  }),

  'admin:save-staff': handler<'admin:save-staff', string | undefined>({
    async prepare(_ctx, { pin, staff }) {
      return pin === undefined ? accept(undefined) : acceptablePin(pin, staff);
    },
    run(tx, { staff }, pinHash) {
      const existing = tx.store.staff.byId(staff.id);
      if (!existing && pinHash === undefined)
        return reject('invalid_payload', 'pin: a new staff member needs a PIN');
      // Gaining admin or duty leader needs a new PIN meeting their rule (checked in prepare).
      const leads = (roles: readonly string[]) =>
        roles.some((r) => r === 'admin' || r === 'duty_leader');
      if (existing && pinHash === undefined && leads(staff.roles) && !leads(existing.roles))
        return reject(
          'pin_too_weak',
          'pin: gaining admin or duty leader needs a new PIN that meets their rule',
        );
      const clash = tx.store.staff
        .all()
        .find((s) => s.staffNo === staff.staffNo && s.id !== staff.id);
      if (clash) return reject('invalid_payload', `staffNo: ${staff.staffNo} is taken`);
      if (existing?.active && !staff.active) {
        // Nobody's business is orphaned: their tickets, cases, tasks and follow-ups go to a
        // colleague first (a handover, or the duty leader's override:sign-out).
        const free = mayLeave(tx, staff.id, { keepCases: false });
        if (!free.ok) return reject(free.code, `Hand their items over first: ${free.detail ?? ''}`);
        const counter = tx.store.counters.byStaff(staff.id);
        if (counter)
          tx.write.counter({
            ...counter,
            staffId: null,
            state: 'closed',
            pauseReason: null,
            updatedAt: tx.now,
          });
      }
      if (existing && (!staff.active || pinHash !== undefined)) endSessionsOf(tx, staff.id);
      return accept({ staff: tx.write.staff({ ...staff, changeSeq: 0 }, pinHash) });
    },
  }),

  'admin:reset-pin': handler<'admin:reset-pin', string>({
    async prepare(ctx, { staffId, pin }) {
      const staff = ctx.store.staff.byId(staffId);
      if (!staff) return reject('not_found', `Staff ${staffId}.`);
      return acceptablePin(pin, staff);
    },
    run(tx, { staffId }, pinHash) {
      const staff = tx.store.staff.byId(staffId);
      if (!staff) return reject('not_found', `Staff ${staffId}.`);
      endSessionsOf(tx, staffId);
      return accept({ staff: tx.write.staff(staff, pinHash) });
    },
  }),

  'admin:rename-device': handler<'admin:rename-device'>({
    run(tx, { deviceId, name }) {
      const device = tx.store.devices.byId(deviceId);
      if (!device) return reject('not_found', `Device ${deviceId}.`);
      return accept({ device: tx.write.device({ ...device, name }) });
    },
  }),

  'admin:save-customer': handler<'admin:save-customer'>({
    run(tx, customer) {
      const { commandId: _commandId, ...fields } = customer;
      return accept({ customer: tx.write.customer({ ...fields, changeSeq: 0 }) });
    },
  }),

  'admin:customers': handler<'admin:customers'>({
    run(tx, { search, vipOnly, limit }) {
      return accept(tx.store.customers.search(search, vipOnly, limit));
    },
  }),

  'admin:configure': handler<'admin:configure'>({
    run(tx, { settings }) {
      if (Object.keys(settings).length === 0)
        return reject('invalid_payload', 'settings: nothing to change');
      return accept({ config: tx.write.config({ ...tx.hall.config, ...settings }) });
    },
  }),
};
