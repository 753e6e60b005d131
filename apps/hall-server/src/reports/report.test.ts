import type { CaseType, Service, Staff } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { computeReport, type ReportFacts, type TicketFacts } from './report';

// Two fixture days whose every figure is computed by hand in the comments.

const MIN = 60_000;
const day1 = Date.UTC(2026, 10, 22, 16); // 2026-11-23 00:00 in Shanghai (a Monday)
const day2 = day1 + 86_400_000; // Tuesday
const at = (dayStart: number, h: number, m: number) => dayStart + (h * 60 + m) * MIN;

function ticket(
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

const tickets: TicketFacts[] = [
  // A: wait 300 s, handle 180 s, clerk 1 at counter 1, estimated 240 (error −60)
  ticket(day1, {
    issued: [9, 0],
    firstCalledAt: at(day1, 9, 5),
    startedAt: at(day1, 9, 5) + 30_000,
    finishedAt: at(day1, 9, 8) + 30_000,
    servingStaffId: 'c1',
    ownerStaffId: 'c1',
    counterId: 'ctr-1',
    estimatedWaitSec: 240,
    estimatedWaitHighSec: 360, // within its range
    naiveWaitSec: 120, // naive error −180
  }),
  // A: wait 900 s (past the 600 s target), handle 240 s, estimated 600 (error −300)
  ticket(day1, {
    issued: [9, 10],
    firstCalledAt: at(day1, 9, 25),
    startedAt: at(day1, 9, 26),
    finishedAt: at(day1, 9, 30),
    servingStaffId: 'c1',
    ownerStaffId: 'c1',
    counterId: 'ctr-1',
    estimatedWaitSec: 600,
    estimatedWaitHighSec: 800, // called after the upper end
    naiveWaitSec: 300, // −600
  }),
  // A: wait 600 s (just within target), no-show, estimated 300 (error −300)
  ticket(day1, {
    issued: [9, 20],
    state: 'no_show',
    firstCalledAt: at(day1, 9, 30),
    counterId: 'ctr-1',
    estimatedWaitSec: 300,
    estimatedWaitHighSec: 700,
    naiveWaitSec: 200, // −400
  }),
  // B: wait 600 s, handle 600 s, clerk 2 at counter 2, transferred once, estimated 900 (+300)
  ticket(day1, {
    issued: [10, 0],
    serviceId: 'svc-b',
    firstCalledAt: at(day1, 10, 10),
    startedAt: at(day1, 10, 10),
    finishedAt: at(day1, 10, 20),
    servingStaffId: 'c2',
    ownerStaffId: 'c2',
    counterId: 'ctr-2',
    transferCount: 1,
    estimatedWaitSec: 900,
    estimatedWaitHighSec: 1200,
    naiveWaitSec: 0, // −600
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
    firstCalledAt: at(day2, 9, 2),
    startedAt: at(day2, 9, 2),
    finishedAt: at(day2, 9, 5),
    servingStaffId: 'c2',
    ownerStaffId: 'c2',
    counterId: 'ctr-2',
  }),
];

const facts: ReportFacts = {
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

const service = (id: string, targetWaitSec: number): Service => ({
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
const clerk = (id: string, staffNo: string): Staff => ({
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
  steps: [{ nameZh: '受理', nameEn: 'Accept', limitDays: 0 }],
  active: true,
  sortOrder,
  changeSeq: 0,
});

const input = {
  from: '2026-11-23',
  to: '2026-11-24',
  services: [service('svc-a', 600), service('svc-b', 900)],
  staff: [clerk('c1', '1001'), clerk('c2', '1002'), clerk('c3', '1003')],
  caseTypes: [caseType('ct-fault', '故障报修', 1), caseType('ct-new', '业扩报装', 2)],
  serviceLevel: 0.8,
  now: day1 + 5 * 86_400_000,
  asOf: day1 + 4 * 86_400_000, // Friday 00:00, as if judged at the end of a longer range
};
const report = computeReport(facts, input);

describe('a report over two fixture days', () => {
  it('counts per service: waits, target share, handling, no-shows, transfers, cancellations, satisfaction', () => {
    // A waits [120, 300, 600, 900]: p50 300, p90 900, 3 of 4 within 600 s; handles [180, 180, 240].
    expect(report.services[0]).toEqual({
      serviceId: 'svc-a',
      tickets: 4,
      called: 4,
      waitP50Sec: 300,
      waitP90Sec: 900,
      withinTargetShare: 0.75,
      handleMeanSec: 200,
      handleP90Sec: 240,
      noShowRate: 0.25,
      transfers: 0,
      cancellations: 0,
      rated: 1, // the second evaluation was not rated
      satisfactionRate: 1,
    });
    expect(report.services[1]).toEqual({
      serviceId: 'svc-b',
      tickets: 2,
      called: 1,
      waitP50Sec: 600,
      waitP90Sec: 600,
      withinTargetShare: 1,
      handleMeanSec: 600,
      handleP90Sec: 600,
      noShowRate: 0,
      transfers: 1,
      cancellations: 1,
      rated: 1,
      satisfactionRate: 0,
    });
    expect([report.days, report.tickets]).toEqual([2, 6]);
  });

  it('appraises each clerk: volume, handling, rating coverage and satisfaction, opinions', () => {
    expect(report.clerks).toEqual([
      {
        staffId: 'c1',
        name: 'c1',
        staffNo: '1001',
        served: 2,
        handleMeanSec: 210,
        owned: 2,
        rated: 1,
        ratingCoverage: 0.5,
        satisfactionRate: 1,
        dissatisfied: 0,
        opinions: 1,
        casesOwned: 2,
        casesOnTime: 1,
        overdue: 1,
      },
      {
        staffId: 'c2',
        name: 'c2',
        staffNo: '1002',
        served: 2,
        handleMeanSec: 390,
        owned: 2,
        rated: 1,
        ratingCoverage: 0.5,
        satisfactionRate: 0,
        dissatisfied: 1,
        opinions: 0,
        casesOwned: 2,
        casesOnTime: 0,
        overdue: 0,
      },
    ]); // c3 did nothing and is left out
  });

  it('shows each hour: arrivals per day, waits, counters serving and the Erlang C recommendation', () => {
    expect(report.hours).toEqual([
      // 4 arrivals over 2 days; handles 180, 240, 180; waits p50 300; ctr-1 on Monday, ctr-2
      // on Tuesday; 2/h × 200 s against a 600 s target needs one counter.
      {
        hour: 9,
        arrivalsPerHour: 2,
        handleMeanSec: 200,
        waitP50Sec: 300,
        waitP90Sec: 900,
        withinTargetShare: 0.75, // 120, 300, 600 within svc-a's 600 s; 900 not
        countersServing: 1,
        countersRecommended: 1,
      },
      {
        hour: 10,
        arrivalsPerHour: 1,
        handleMeanSec: 600,
        waitP50Sec: 600,
        waitP90Sec: 600,
        withinTargetShare: 1, // 600 within svc-b's 900 s
        countersServing: 0.5,
        countersRecommended: 1,
      },
    ]);
    expect(report.arrivalsByWeekdayHour[0]![9]).toBe(3);
    expect(report.arrivalsByWeekdayHour[0]![10]).toBe(2);
    expect(report.arrivalsByWeekdayHour[1]![9]).toBe(1);
    expect(report.staffing).toEqual({ serviceLevel: 0.8, targetWaitSec: 600 });
  });

  it('staffs each service by the hour against its own target wait', () => {
    // svc-a at 09: the hall's 09:00 is all svc-a. svc-b at 10: one arrival a day on average
    // (two over the range's two days; one cancelled), handled in 600 s; with one counter the
    // load is 1/6 erlang, P(wait) = 1/6 and P(wait > 900 s) = e^(−(1/600 − 1/3600)·900) / 6
    // = 0.0477, so 95 % within its 900 s target: one counter.
    expect(report.staffingByService).toEqual([
      {
        serviceId: 'svc-a',
        targetWaitSec: 600,
        hours: [report.hours[0]],
      },
      {
        serviceId: 'svc-b',
        targetWaitSec: 900,
        hours: [
          {
            hour: 10,
            arrivalsPerHour: 1,
            handleMeanSec: 600,
            waitP50Sec: 600,
            waitP90Sec: 600,
            withinTargetShare: 1,
            countersServing: 0.5,
            countersRecommended: 1,
          },
        ],
      },
    ]);
  });

  it('sums up opinions and judges the wait estimate per service and per hour', () => {
    // Closed after 2 h and 24 h: mean 13, p90 (nearest rank 2 of 2) 24. Open: the suggestion
    // (62 h old on Friday 00:00) and the correction (87 h: past 72 h).
    expect(report.opinions).toEqual({
      total: 4,
      byCategory: { complaint: 2, suggestion: 1, praise: 0, correction: 1 },
      bySource: { kiosk: 3, guide: 1 },
      closed: 2,
      meanHoursToClose: 13,
      p90HoursToClose: 24,
      open: 2,
      openPastDue: 1,
      dueHours: 72,
      repeated: 2,
    });
    // A: errors −60, −300, −300 → MAE 220, bias −220 (estimates too short); B: +300.
    // Naive errors: A −180, −600, −400 → 393.3; B −600. Over the upper end: A's second only.
    const a = { n: 3, maeSec: 220, biasSec: -220, naiveMaeSec: 393.3, overHighShare: 0.3333 };
    const b = { n: 1, maeSec: 300, biasSec: 300, naiveMaeSec: 600, overHighShare: 0 };
    expect(report.estimates.byService).toEqual([
      { key: 'svc-a', ...a },
      { key: 'svc-b', ...b },
    ]);
    expect(report.estimates.byHour).toEqual([
      { key: '09:00', ...a },
      { key: '10:00', ...b },
    ]);
    // All four: MAE 240 against the naive 445, one of four past the upper end.
    expect(report.estimates.overall).toEqual({
      key: 'all',
      n: 4,
      maeSec: 240,
      biasSec: -90,
      naiveMaeSec: 445,
      overHighShare: 0.25,
    });
    expect(report.estimates.toldNoCounter).toBe(0);
  });

  it('leaves out the tickets told no counter served them, and counts them', () => {
    const told = ticket(day2, {
      issued: [8, 0],
      state: 'waiting',
      firstCalledAt: at(day2, 9, 0),
      estimatedWaitSec: null,
      noCounterOpen: true,
    });
    const old = ticket(day2, {
      issued: [9, 0],
      firstCalledAt: at(day2, 9, 10),
      estimatedWaitSec: 300, // before issue 15: no range, no naive figure kept
    });
    const r = computeReport({ ...facts, tickets: [told, old] }, input);
    expect(r.estimates.toldNoCounter).toBe(1);
    expect(r.estimates.overall).toEqual({
      key: 'all',
      n: 1,
      maeSec: 300,
      biasSec: -300,
      naiveMaeSec: null,
      overHighShare: null,
    });
  });

  it('counts cases by type: on-time completion, open and overdue', () => {
    // Four cases opened in the range: ct-new closed on time + open overdue, ct-fault closed
    // late, one of a type the hall no longer lists (named by its id, after the listed types);
    // and a ct-fault from before the range closed on time in it. 工单按期率 = on time / (closed
    // + still open past due): an overdue case is a late one.
    expect(report.cases).toEqual({
      opened: 4,
      closed: 3,
      onTime: 2,
      onTimeRate: 0.5,
      open: 2,
      overdue: 1,
      byType: [
        {
          caseTypeId: 'ct-fault',
          nameZh: '故障报修',
          nameEn: 'ct-fault',
          opened: 1,
          closed: 2,
          onTime: 1,
          onTimeRate: 0.5,
          open: 0,
          overdue: 0,
        },
        {
          caseTypeId: 'ct-new',
          nameZh: '业扩报装',
          nameEn: 'ct-new',
          opened: 2,
          closed: 1,
          onTime: 1,
          onTimeRate: 0.5,
          open: 1,
          overdue: 1,
        },
        {
          caseTypeId: 'ct-gone',
          nameZh: 'ct-gone',
          nameEn: 'ct-gone',
          opened: 1,
          closed: 0,
          onTime: 0,
          onTimeRate: null,
          open: 1,
          overdue: 0,
        },
      ],
    });
  });

  it('gives an empty report, not an error, for a range with no data', () => {
    const empty = computeReport(
      { tickets: [], opinions: [], evaluations: [], cases: [] },
      {
        from: '2020-01-01',
        to: '2020-01-31',
        services: [service('svc-a', 600)],
        staff: [clerk('c1', '1001')],
        serviceLevel: 0.8,
        now: 0,
      },
    );
    expect(empty).toMatchObject({
      days: 0,
      tickets: 0,
      clerks: [],
      hours: [],
      staffingByService: [],
    });
    expect(empty.services[0]).toMatchObject({ tickets: 0, waitP50Sec: 0, withinTargetShare: 0 });
    expect(empty.opinions.meanHoursToClose).toBeNull();
    expect(empty.cases).toEqual({
      opened: 0,
      closed: 0,
      onTime: 0,
      onTimeRate: null,
      open: 0,
      overdue: 0,
      byType: [],
    });
  });
});
