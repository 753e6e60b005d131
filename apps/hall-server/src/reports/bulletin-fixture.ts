import type { HallReport } from '@onestop/shared';
import { exportContextOf, type ExportLang } from './readable';

// A week of a busy demo hall as a report, made by hand: the bulletin's tests and its A4
// screenshot print this without simulating a week. Figures are plausible, not computed.

const hourShape = [0.4, 0.9, 1.3, 1.1, 0.6, 0.7, 1.2, 1.0, 0.8, 0.3];

function hourRow(i: number) {
  const load = hourShape[i]!;
  return {
    hour: 8 + i,
    arrivalsPerHour: Math.round(30 * load * 10) / 10,
    handleMeanSec: 420 + i * 9,
    waitP50Sec: Math.round(240 * load * load),
    waitP90Sec: Math.round(620 * load * load),
    withinTargetShare: Math.max(0.55, Math.min(0.98, 1.08 - load * 0.3)),
    countersServing: Math.round((2 + load * 2.4) * 10) / 10,
    countersRecommended: Math.max(1, Math.round(1 + load * 3.6)),
  };
}

const service = (
  serviceId: string,
  tickets: number,
  within: number,
  waitMin: number,
  satisfactionRate: number,
) => ({
  serviceId,
  tickets,
  called: tickets - 3,
  waitP50Sec: waitMin * 60,
  waitP90Sec: waitMin * 150,
  withinTargetShare: within,
  handleMeanSec: 380 + tickets,
  handleP90Sec: 760 + tickets * 2,
  noShowRate: 0.021,
  transfers: Math.round(tickets / 40),
  cancellations: 3,
  rated: Math.round(tickets * 0.6),
  satisfactionRate,
});

const clerk = (staffNo: string, name: string, served: number, satisfaction: number | null) => ({
  staffId: `stf-${staffNo}`,
  name,
  staffNo,
  served,
  handleMeanSec: 360 + served,
  owned: served - 4,
  rated: satisfaction === null ? 0 : Math.round(served * 0.62),
  ratingCoverage: satisfaction === null ? 0 : 0.62,
  satisfactionRate: satisfaction,
  dissatisfied: satisfaction === null ? 0 : Math.round(served * 0.62 * (1 - satisfaction)),
  opinions: 1,
  casesOwned: 6,
  casesOnTime: 5,
  overdue: served > 300 ? 1 : 0,
});

const accuracy = (key: string, n: number, maeSec: number, biasSec: number) => ({
  key,
  n,
  maeSec,
  biasSec,
  naiveMaeSec: maeSec * 1.8,
  overHighShare: 0.07,
});

export const weekReport: HallReport = {
  from: '2026-11-23',
  to: '2026-11-29',
  days: 6,
  tickets: 1342,
  services: [
    service('svc-billing', 612, 0.912, 4, 0.962),
    service('svc-connection', 188, 0.734, 12, 0.881),
    service('svc-account', 141, 0.806, 9, 0.924),
    service('svc-fault', 287, 0.688, 14, 0.853),
    service('svc-invoice', 114, 0.957, 2, 0.991),
  ],
  clerks: [
    clerk('1001', '李明', 322, 0.962),
    clerk('1002', '王芳', 298, 0.941),
    clerk('1003', '张伟', 251, 0.873),
    clerk('1004', '刘洋', 236, 0.915),
    clerk('1005', '陈静', 204, 0.978),
    clerk('2001', '赵磊', 31, null),
  ],
  hours: hourShape.map((_, i) => hourRow(i)),
  arrivalsByWeekdayHour: [],
  // 23 opinions: 19 closed in 26.4 h on average, 4 open, one of them past the 72 h due.
  opinions: {
    total: 23,
    closed: 19,
    open: 4,
    openPastDue: 1,
    repeated: 2,
    dueHours: 72,
    meanHoursToClose: 26.4,
    p90HoursToClose: 61,
    byCategory: { complaint: 5, suggestion: 9, praise: 7, correction: 2 },
    bySource: { kiosk: 14, phone: 9 },
  },
  cases: {
    opened: 38,
    closed: 31,
    onTime: 28,
    onTimeRate: 0.903,
    open: 7,
    overdue: 2,
    byType: [
      {
        caseTypeId: 'ct-fault',
        nameZh: '故障报修',
        nameEn: 'Fault repair',
        opened: 21,
        closed: 18,
        onTime: 16,
        onTimeRate: 0.889,
        open: 3,
        overdue: 1,
      },
      {
        caseTypeId: 'ct-connection',
        nameZh: '新装增容',
        nameEn: 'New connection',
        opened: 11,
        closed: 8,
        onTime: 7,
        onTimeRate: 0.875,
        open: 3,
        overdue: 1,
      },
      {
        caseTypeId: 'ct-refund',
        nameZh: '电费退补',
        nameEn: 'Bill refund',
        opened: 6,
        closed: 5,
        onTime: 5,
        onTimeRate: 1,
        open: 1,
        overdue: 0,
      },
    ],
  },
  staffing: { serviceLevel: 0.8, targetWaitSec: 600 },
  staffingByService: [{ serviceId: 'svc-billing', targetWaitSec: 600, hours: [hourRow(2)] }],
  estimates: {
    overall: accuracy('all', 1210, 230, -40),
    toldNoCounter: 12,
    byService: [accuracy('svc-billing', 580, 210, -35)],
    byHour: [accuracy('10:00', 160, 260, -60)],
  },
  generatedAt: Date.UTC(2026, 10, 30, 1, 5),
  elapsedMs: 41,
};

const demoServices = [
  { id: 'svc-billing', nameZh: '电费缴纳', nameEn: 'Bill payment' },
  { id: 'svc-connection', nameZh: '业扩报装', nameEn: 'New connection' },
  { id: 'svc-account', nameZh: '更名过户', nameEn: 'Account change' },
  { id: 'svc-fault', nameZh: '故障报修与咨询', nameEn: 'Faults and enquiries' },
  { id: 'svc-invoice', nameZh: '发票打印', nameEn: 'Invoices' },
];

export const demoContext = (lang: ExportLang) =>
  exportContextOf(
    lang,
    { nameZh: '城东供电营业厅', nameEn: 'Chengdong service hall', timeZone: 'Asia/Shanghai' },
    demoServices,
  );
