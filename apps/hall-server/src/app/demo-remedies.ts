import type { RemedyKind, RemedyLimits } from '@onestop/shared';

// The demo hall's remedy catalogue (授权, issue 18). A real hall starts with none: its admin
// keeps the catalogue (docs/remedies.md). Money in fen: 200 yuan = 20_000.

const YUAN = 100;
const limits = (perGrant: number, perCustomerPerDay: number, perStaffPerMonth: number) =>
  ({ perGrant, perCustomerPerDay, perStaffPerMonth }) satisfies RemedyLimits;

export const demoRemedyKinds: Omit<RemedyKind, 'changeSeq'>[] = [
  {
    id: 'waive-penalty',
    code: 'waive-penalty',
    nameZh: '减免违约金',
    nameEn: 'Waive late-payment penalty',
    unit: 'yuan',
    complaintClass: 'billing',
    limits: {
      clerk: limits(200 * YUAN, 200 * YUAN, 2000 * YUAN),
      backoffice: limits(200 * YUAN, 200 * YUAN, 2000 * YUAN),
      guide: null,
      duty_leader: limits(1000 * YUAN, 1000 * YUAN, 10_000 * YUAN),
    },
    approvalTimeoutMin: 30,
    active: true,
    sortOrder: 1,
  },
  {
    id: 'refund-overcharge',
    code: 'refund-overcharge',
    nameZh: '退还多收电费',
    nameEn: 'Refund an overcharge',
    unit: 'yuan',
    complaintClass: 'meter',
    limits: {
      clerk: limits(500 * YUAN, 500 * YUAN, 5000 * YUAN),
      backoffice: limits(500 * YUAN, 500 * YUAN, 5000 * YUAN),
      guide: null,
      duty_leader: limits(3000 * YUAN, 3000 * YUAN, 30_000 * YUAN),
    },
    approvalTimeoutMin: 60,
    active: true,
    sortOrder: 2,
  },
  {
    id: 'crew-today',
    code: 'crew-today',
    nameZh: '当日派修',
    nameEn: 'Repair crew today',
    unit: 'count',
    complaintClass: 'outage',
    limits: {
      clerk: limits(1, 1, 20),
      backoffice: limits(1, 1, 20),
      guide: null,
      duty_leader: limits(2, 2, 60),
    },
    approvalTimeoutMin: 30,
    active: true,
    sortOrder: 3,
  },
  {
    id: 'appointment-ahead',
    code: 'appointment-ahead',
    nameZh: '提前预约时间',
    nameEn: 'Move appointment ahead',
    unit: 'count',
    complaintClass: 'waiting',
    limits: {
      clerk: limits(1, 1, 30),
      backoffice: null,
      guide: limits(1, 1, 30),
      duty_leader: limits(2, 2, 100),
    },
    approvalTimeoutMin: 30,
    active: true,
    sortOrder: 4,
  },
  {
    id: 'written-apology',
    code: 'written-apology',
    nameZh: '书面致歉',
    nameEn: 'Written apology',
    unit: 'count',
    complaintClass: 'service_attitude',
    limits: {
      clerk: limits(1, 1, 10),
      backoffice: null,
      guide: null,
      duty_leader: limits(1, 2, 50),
    },
    approvalTimeoutMin: 120,
    active: true,
    sortOrder: 5,
  },
];
