import { pinProblem, pinProblemText, promiseOfLimitDays, type StaffRole } from '@onestop/shared';
import { accept, reject, type Result } from '../../domain/result';
import { handler, type TxContext } from '../context';
import { hashPin } from '../secrets';
import { leaveCounterOf } from './clerk';
import { mayLeave } from './handover-handlers';
import { checkManager } from '../../domain/vip-routing';

// The admin's settings: services, case types, counters, staff and their PINs, devices, the
// customer list and the hall's configuration.

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

export const adminHandlers = {
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
      // 承诺: a type saved without a rule keeps 限时办结's meaning (limitDays calendar days).
      const promise = caseType.promise ?? promiseOfLimitDays(caseType.limitDays);
      return accept({ caseType: tx.write.caseType({ ...caseType, promise, changeSeq: 0 }) });
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
        leaveCounterOf(tx, staff.id);
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
      const { accountManagerStaffId: managerId, vip } = fields;
      const manager = managerId === null ? undefined : tx.store.staff.byId(managerId);
      const fit = checkManager(managerId, vip, manager);
      if (!fit.ok) return fit;
      return accept({ customer: tx.write.customer({ ...fields, changeSeq: 0 }) });
    },
  }),

  'admin:customers': handler<'admin:customers'>({
    run(tx, { search, vipOnly, limit }) {
      const found = tx.store.customers.search(search, vipOnly, limit);
      return accept({ ...found, managers: tx.store.customers.managerCounts() });
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
