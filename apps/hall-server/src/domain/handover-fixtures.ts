import type { Holdings } from './handovers';
import { createHandover } from './handovers';
import { aTicket, T0 } from './test-fixtures';
import { aCase, aStaff, DAY, END_OF_T0_DAY, TZ } from './work-fixtures';

// The people and items the handover tests (handovers.test.ts, handover-acknowledge.test.ts)
// hand over between them.

export const AT = { now: T0, timeZone: TZ };
/** A case due by tomorrow's close: it must be handed over. */
export const dueTomorrow = aCase({
  id: 'c-tomorrow',
  number: '20261124-002',
  dueAt: END_OF_T0_DAY + DAY,
});

export const nothing: Holdings = {
  tickets: [],
  cases: [],
  requestedTasks: [],
  acceptedTasks: [],
  followUps: [],
};
export const parked = aTicket({
  id: 't-9',
  number: 'B009',
  state: 'parked',
  servingStaffId: 'clerk-1',
});
export const serving = aTicket({
  id: 't-8',
  number: 'B008',
  state: 'serving',
  servingStaffId: 'clerk-1',
});
export const giver = aStaff();
export const colleague = aStaff({ id: 'clerk-2', staffNo: '1002', name: '张丽' });
export const leader = aStaff({
  id: 'leader-1',
  staffNo: '8001',
  name: '王值班',
  roles: ['duty_leader'],
});
export const backOffice = aStaff({
  id: 'back-1',
  staffNo: '6001',
  name: '孙后台',
  roles: ['backoffice'],
});
export const guide = aStaff({ id: 'guide-1', staffNo: '7001', name: '赵引导', roles: ['guide'] });

export const make = (over: Partial<Parameters<typeof createHandover>[0]> = {}) =>
  createHandover(
    {
      id: 'ho-1',
      from: giver,
      to: colleague,
      note: '明早请回访',
      holdings: { ...nothing, cases: [dueTomorrow] },
      pending: undefined,
      timeZone: TZ,
      includeKept: false,
      ...over,
    },
    T0,
  );
