import type { CaseType, Service, Staff } from '@onestop/shared';
import type { ReportFacts, ReportInput, TicketFacts } from './facts';
import { computeReport } from './report';

// Two fixture days whose every figure is computed by hand in the comments of the tests that
// read them (volume, staffing, estimates, follow-ups).

const MIN = 60_000;
export const day1 = Date.UTC(2026, 10, 22, 16); // 2026-11-23 00:00 in Shanghai (a Monday)
export const day2 = day1 + 86_400_000; // Tuesday
export const at = (dayStart: number, h: number, m: number) => dayStart + (h * 60 + m) * MIN;

export function ticket(
  dayStart: number,
  over: Partial<TicketFacts> & { issued: [number, number] },
): TicketFacts {
  const issuedAt = at(dayStart, ...over.issued);
  return {
    businessDay: dayStart === day1 ? '2026-11-23' : '2026-11-24',
    serviceId: 'svc-a',
    state: 'done',
    issuedAt,
    issuedSecOfDay: (issuedAt - dayStart) / 1000,
    firstCalledAt: null,
    startedAt: null,
    finishedAt: null,
    servingStaffId: null,
    ownerStaffId: null,
    counterId: null,
    transferCount: 0,
    stateReason: null,
    estimatedWaitSec: null,
    ...over,
  };
}

type Clock = [number, number];
/** Called, started and finished at these hours and minutes of the day. */
const visit = (dayStart: number, called: Clock, started: Clock, finished: Clock) => ({
  firstCalledAt: at(dayStart, ...called),
  startedAt: at(dayStart, ...started),
  finishedAt: at(dayStart, ...finished),
});
/** Served (and owned) by a clerk at a counter. */
const servedBy = (clerk: string, counterId: string) => ({
  servingStaffId: clerk,
  ownerStaffId: clerk,
  counterId,
});
/** The wait told at issue, the upper end of its range and the naive estimate kept beside it. */
const told = (estimatedWaitSec: number, estimatedWaitHighSec: number, naiveWaitSec: number) => ({
  estimatedWaitSec,
  estimatedWaitHighSec,
  naiveWaitSec,
});

const tickets: TicketFacts[] = [
  // A: wait 300 s, handle 180 s, clerk 1 at counter 1, estimated 240 (error −60) within its
  // range up to 360; naive 120 (error −180)
  ticket(day1, {
    issued: [9, 0],
    ...visit(day1, [9, 5], [9, 5.5], [9, 8.5]),
    ...servedBy('c1', 'ctr-1'),
    ...told(240, 360, 120),
  }),
  // A: wait 900 s (past the 600 s target), handle 240 s, estimated 600 (error −300), called
  // after the upper end 800; naive 300 (−600)
  ticket(day1, {
    issued: [9, 10],
    ...visit(day1, [9, 25], [9, 26], [9, 30]),
    ...servedBy('c1', 'ctr-1'),
    ...told(600, 800, 300),
  }),
  // A: wait 600 s (just within target), no-show, estimated 300 (error −300); naive 200 (−400)
  ticket(day1, {
    issued: [9, 20],
    state: 'no_show',
    firstCalledAt: at(day1, 9, 30),
    counterId: 'ctr-1',
    ...told(300, 700, 200),
  }),
  // B: wait 600 s, handle 600 s, clerk 2 at counter 2, transferred once, estimated 900 (+300);
  // naive 0 (−600)
  ticket(day1, {
    issued: [10, 0],
    serviceId: 'svc-b',
    ...visit(day1, [10, 10], [10, 10], [10, 20]),
    ...servedBy('c2', 'ctr-2'),
    transferCount: 1,
    ...told(900, 1200, 0),
  }),
  // B: cancelled before any call
  ticket(day1, {
    issued: [10, 30],
    serviceId: 'svc-b',
    state: 'cancelled',
    stateReason: 'customer left',
  }),
  // A, Tuesday: wait 120 s, handle 180 s, clerk 2 at counter 2, no estimate
  ticket(day2, {
    issued: [9, 0],
    ...visit(day2, [9, 2], [9, 2], [9, 5]),
    ...servedBy('c2', 'ctr-2'),
  }),
];

export const facts: ReportFacts = {
  tickets,
  evaluations: [
    { staffId: 'c1', score: 'very_satisfied', serviceId: 'svc-a' },
    { staffId: 'c1', score: null, serviceId: 'svc-a' },
    { staffId: 'c2', score: 'dissatisfied', serviceId: 'svc-b' },
  ],
  opinions: [
    {
      category: 'complaint',
      source: 'kiosk',
      state: 'closed',
      createdAt: at(day1, 11, 0),
      closedAt: at(day1, 13, 0),
      ownerStaffId: 'c1',
      repeated: false,
    },
    {
      category: 'suggestion',
      source: 'guide',
      state: 'open',
      createdAt: at(day2, 10, 0),
      closedAt: null,
      ownerStaffId: null,
      repeated: false,
    },
    // The same customer again: closed after 24 h.
    {
      category: 'complaint',
      source: 'kiosk',
      state: 'closed',
      createdAt: at(day1, 12, 0),
      closedAt: at(day2, 12, 0),
      ownerStaffId: null,
      repeated: true,
    },
    // Repeated and still open 87 h after it was raised when the report is judged (past 72 h).
    {
      category: 'correction',
      source: 'kiosk',
      state: 'open',
      createdAt: at(day1, 9, 0),
      closedAt: null,
      ownerStaffId: null,
      repeated: true,
    },
  ],
  cases: [
    {
      ownerStaffId: 'c1',
      caseTypeId: 'ct-new',
      openedInRange: true,
      closedOnTime: true,
      overdue: false,
    },
    {
      ownerStaffId: 'c1',
      caseTypeId: 'ct-new',
      openedInRange: true,
      closedOnTime: null,
      overdue: true,
    },
    {
      ownerStaffId: 'c2',
      caseTypeId: 'ct-fault',
      openedInRange: true,
      closedOnTime: false,
      overdue: false,
    },
    {
      ownerStaffId: 'c2',
      caseTypeId: 'ct-gone',
      openedInRange: true,
      closedOnTime: null,
      overdue: false,
    },
    // Opened before the range, closed in it on time: it counts for 工单按期率, not as opened.
    {
      ownerStaffId: 'c2',
      caseTypeId: 'ct-fault',
      openedInRange: false,
      closedOnTime: true,
      overdue: false,
    },
  ],
};

export const service = (id: string, targetWaitSec: number): Service => ({
  id,
  prefix: id === 'svc-a' ? 'A' : 'B',
  nameZh: id,
  nameEn: id,
  category: 'x',
  descriptionZh: '',
  descriptionEn: '',
  targetWaitSec,
  targetHandleSec: 300,
  dailyCap: null,
  active: true,
  sortOrder: 1,
  changeSeq: 0,
});
export const clerk = (id: string, staffNo: string): Staff => ({
  id,
  staffNo,
  name: id,
  roles: ['clerk'],
  photoUrl: null,
  active: true,
  changeSeq: 0,
});

const caseType = (id: string, nameZh: string, sortOrder: number): CaseType => ({
  id,
  nameZh,
  nameEn: id,
  serviceId: null,
  limitDays: 2,
  kind: 'case',
  promise: { amount: 2, unit: 'days', clock: 'calendar' },
  steps: [{ nameZh: '受理', nameEn: 'Accept', limitDays: 0 }],
  active: true,
  sortOrder,
  changeSeq: 0,
});

export const input: ReportInput = {
  from: '2026-11-23',
  to: '2026-11-24',
  services: [service('svc-a', 600), service('svc-b', 900)],
  staff: [clerk('c1', '1001'), clerk('c2', '1002'), clerk('c3', '1003')],
  caseTypes: [caseType('ct-fault', '故障报修', 1), caseType('ct-new', '业扩报装', 2)],
  serviceLevel: 0.8,
  now: day1 + 5 * 86_400_000,
  asOf: day1 + 4 * 86_400_000, // Friday 00:00, as if judged at the end of a longer range
};
export const report = computeReport(facts, input);
