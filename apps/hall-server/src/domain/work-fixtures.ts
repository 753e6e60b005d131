import type { Case, CaseType, Evaluation, FollowUp, Staff, SupportTask } from '@onestop/shared';
import { T0 } from './test-fixtures';

// Builders for the work post's domain tests: a valid record with the fields a test cares
// about overridden.

export const TZ = 'Asia/Shanghai';
export const DAY = 86_400_000;
/** The close of T0's local day (2026-11-24 in Shanghai). */
export const END_OF_T0_DAY = Date.UTC(2026, 10, 24, 16) - 1;

export function aStaff(over: Partial<Staff> = {}): Staff {
  return {
    id: 'clerk-1',
    staffNo: '1001',
    name: '李明',
    roles: ['clerk'],
    photoUrl: null,
    active: true,
    changeSeq: 0,
    ...over,
  };
}

export function aCaseType(over: Partial<CaseType> = {}): CaseType {
  return {
    id: 'ct-connection',
    nameZh: '业扩报装',
    nameEn: 'New connection',
    serviceId: 'svc-a',
    limitDays: 15,
    kind: 'case',
    promise: { amount: 15, unit: 'days', clock: 'calendar' },
    steps: [
      { nameZh: '受理', nameEn: 'Acceptance', limitDays: 0 },
      { nameZh: '勘查/方案答复', nameEn: 'Site survey', limitDays: 3 },
      { nameZh: '收费', nameEn: 'Fees', limitDays: 2 },
      { nameZh: '施工', nameEn: 'Construction', limitDays: 6 },
      { nameZh: '竣工验收', nameEn: 'Inspection', limitDays: 2 },
      { nameZh: '装表接电', nameEn: 'Connection', limitDays: 2 },
    ],
    active: true,
    sortOrder: 1,
    changeSeq: 0,
    ...over,
  };
}

export function aCase(over: Partial<Case> = {}): Case {
  return {
    id: 'case-1',
    number: '20261124-001',
    caseTypeId: 'ct-connection',
    ticketId: 't-1',
    ownerStaffId: 'clerk-1',
    customer: { phone: null, accountNo: null, name: null },
    summary: '新装 居民 8kW',
    state: 'open',
    steps: [
      {
        nameZh: '受理',
        nameEn: 'Acceptance',
        dueAt: END_OF_T0_DAY,
        doneAt: T0,
        doneBy: 'clerk-1',
        note: null,
      },
      {
        nameZh: '收费',
        nameEn: 'Fees',
        dueAt: END_OF_T0_DAY + DAY,
        doneAt: null,
        doneBy: null,
        note: null,
      },
    ],
    openedAt: T0,
    dueAt: END_OF_T0_DAY + 2 * DAY,
    promisedAt: END_OF_T0_DAY + 2 * DAY,
    promiseChanges: [],
    closedAt: null,
    outcome: null,
    result: null,
    updatedAt: T0,
    changeSeq: 0,
    ...over,
  };
}

export function aTask(over: Partial<SupportTask> = {}): SupportTask {
  return {
    id: 'task-1',
    ownerStaffId: 'clerk-1',
    caseId: null,
    ticketId: null,
    text: '请核实户号 3100000003 的欠费',
    state: 'open',
    assigneeStaffId: null,
    dueAt: T0 + 3_600_000,
    promisedAt: T0 + 3_600_000,
    promiseChanges: [],
    createdAt: T0,
    acceptedAt: null,
    closedAt: null,
    result: null,
    updatedAt: T0,
    changeSeq: 0,
    ...over,
  };
}

export function aFollowUp(over: Partial<FollowUp> = {}): FollowUp {
  return {
    id: 'fu-1',
    source: 'duty_leader',
    ticketId: null,
    alertId: null,
    assigneeStaffId: 'clerk-1',
    createdBy: 'leader-1',
    note: '回访客户',
    callbackPhone: null,
    state: 'open',
    dueAt: END_OF_T0_DAY + DAY,
    createdAt: T0,
    closedAt: null,
    closedBy: null,
    result: null,
    updatedAt: T0,
    changeSeq: 0,
    ...over,
  };
}

export function anEvaluation(over: Partial<Evaluation> = {}): Evaluation {
  return {
    id: 'ev-1',
    ticketId: 't-1',
    counterId: 'ctr-1',
    staffId: 'clerk-1',
    state: 'pending',
    score: null,
    reasons: [],
    createdAt: T0,
    deadlineAt: T0 + 30_000,
    answeredAt: null,
    changeSeq: 0,
    ...over,
  };
}
