import type { RemedyGrant, RemedyKind } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import {
  cancelGrant,
  customerDayTotal,
  customerKeys,
  decideGrant,
  exceededLimit,
  grantingRole,
  grantRemedy,
  monthOf,
  sweepGrants,
  validAmount,
  type GrantRequest,
} from './remedies';

const T0 = 1_764_000_000_000;
const MIN = 60_000;

/** 退还违约金: a clerk up to 200 yuan a grant and a customer a day, 2000 a month. */
const kind = (over: Partial<RemedyKind> = {}): RemedyKind => ({
  id: 'waive-penalty',
  code: 'waive-penalty',
  nameZh: '减免违约金',
  nameEn: 'Waive penalty',
  unit: 'yuan',
  complaintClass: 'billing',
  limits: {
    clerk: { perGrant: 20_000, perCustomerPerDay: 20_000, perStaffPerMonth: 200_000 },
    backoffice: null,
    guide: null,
    duty_leader: { perGrant: 100_000, perCustomerPerDay: 100_000, perStaffPerMonth: 1_000_000 },
  },
  approvalTimeoutMin: 30,
  active: true,
  sortOrder: 0,
  changeSeq: 1,
  ...over,
});

const request = (over: Partial<GrantRequest> = {}): GrantRequest => ({
  id: 'grant-1',
  kind: kind(),
  amount: 5_000,
  reason: '抄表错误导致的违约金',
  ticketId: 'tkt-1',
  caseId: null,
  customerMasked: '138****0001',
  complaintClass: undefined,
  staff: { id: 'clerk-1', roles: ['clerk'] },
  owners: ['clerk-1'],
  soFar: { customerToday: 0, staffThisMonth: 0 },
  businessDay: '2026-11-24',
  ...over,
});

describe('grantingRole', () => {
  it.each([
    { roles: ['clerk'], expected: 'clerk' },
    { roles: ['guide'], expected: null },
    { roles: ['backoffice'], expected: null },
    { roles: ['clerk', 'duty_leader'], expected: 'duty_leader' },
    { roles: ['admin'], expected: null },
  ] as const)('$roles → $expected', ({ roles, expected }) => {
    expect(grantingRole(roles, kind())?.role ?? null).toBe(expected);
  });
});

describe('validAmount', () => {
  it.each([
    [1, true],
    [100_000_000, true],
    [0, false],
    [-5, false],
    [1.5, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
    [100_000_001, false],
  ])('%s → %s', (amount, expected) => expect(validAmount(amount)).toBe(expected));
});

describe('exceededLimit', () => {
  const limits = { perGrant: 200, perCustomerPerDay: 300, perStaffPerMonth: 1000 };
  it.each([
    { amount: 200, today: 0, month: 0, expected: null },
    { amount: 201, today: 0, month: 0, expected: 'per_grant' },
    { amount: 150, today: 151, month: 0, expected: 'per_customer_per_day' },
    { amount: 150, today: 150, month: 0, expected: null },
    { amount: 100, today: 200, month: 0, expected: null },
    { amount: 100, today: 0, month: 901, expected: 'per_staff_per_month' },
    { amount: 100, today: 0, month: 900, expected: null },
  ])('$amount after $today today, $month this month → $expected', (c) => {
    const over = exceededLimit(c.amount, limits, {
      customerToday: c.today,
      staffThisMonth: c.month,
    });
    expect(over?.exceeded ?? null).toBe(c.expected);
  });
});

describe('customerKeys', () => {
  it.each<{ name: string; on: Parameters<typeof customerKeys>[0]; expected: string[] }>([
    {
      name: 'a visit known by phone',
      on: { ticketIds: ['t1'], caseIds: [], phones: ['13900007777'], accountNos: [null] },
      expected: ['phone:13900007777', 'ticket:t1'],
    },
    {
      name: "a case with an account typed in, its visit's phone",
      on: {
        ticketIds: ['t1'],
        caseIds: ['c1'],
        phones: [null, '13900007777'],
        accountNos: ['88880001', null],
      },
      expected: ['account:88880001', 'phone:13900007777', 'ticket:t1', 'case:c1'],
    },
    {
      name: 'nobody known: the visit alone',
      on: { ticketIds: ['t1', 't1'], caseIds: [null], phones: [null], accountNos: [null] },
      expected: ['ticket:t1'],
    },
    {
      name: 'an account number equal to a phone stays apart',
      on: { ticketIds: [], caseIds: ['c1'], phones: ['123'], accountNos: ['123'] },
      expected: ['account:123', 'phone:123', 'case:c1'],
    },
  ])('$name', ({ on, expected }) => {
    expect(customerKeys(on)).toEqual(expected);
  });
});

describe('customerDayTotal (one customer, any identifier)', () => {
  const g = (amount: number, ...keys: string[]) => ({ amount, keys });
  it.each<{ name: string; keys: string[]; today: ReturnType<typeof g>[]; expected: number }>([
    { name: 'nothing today', keys: ['phone:1'], today: [], expected: 0 },
    {
      name: 'someone else',
      keys: ['phone:1', 'ticket:t2'],
      today: [g(100, 'phone:2', 'ticket:t1')],
      expected: 0,
    },
    {
      name: "a case opened from the visit with an account typed in (the visit's grant counts)",
      keys: ['account:A', 'phone:1', 'ticket:t1', 'case:c1'],
      today: [g(200, 'phone:1', 'ticket:t1')],
      expected: 200,
    },
    {
      name: 'the same phone back with its account number',
      keys: ['account:A', 'phone:1', 'ticket:t2'],
      today: [g(200, 'phone:1', 'ticket:t1')],
      expected: 200,
    },
    {
      name: 'the account alone on a later visit, linked through the phone+account visit',
      keys: ['account:A', 'ticket:t3'],
      today: [g(200, 'phone:1', 'ticket:t1'), g(50, 'account:A', 'phone:1', 'ticket:t2')],
      expected: 250,
    },
    {
      name: 'a grant sharing two identifiers counts once',
      keys: ['phone:1', 'ticket:t1'],
      today: [g(120, 'phone:1', 'ticket:t1'), g(30, 'ticket:t1', 'case:c1')],
      expected: 150,
    },
    {
      name: 'others on the same day stay apart',
      keys: ['phone:1', 'ticket:t1'],
      today: [g(120, 'phone:1', 'ticket:t1'), g(999, 'phone:2', 'ticket:t9')],
      expected: 120,
    },
  ])('$name', ({ keys, today, expected }) => {
    expect(customerDayTotal(keys, today)).toBe(expected);
  });
});

describe('grantRemedy', () => {
  it.each<{ case: string; over: Partial<GrantRequest>; expected: string }>([
    { case: 'within the limits', over: {}, expected: 'granted' },
    { case: 'above the per-grant limit', over: { amount: 20_001 }, expected: 'pending' },
    {
      case: 'split: today’s grants to the customer add up past the limit',
      over: { soFar: { customerToday: 18_000, staffThisMonth: 18_000 } },
      expected: 'pending',
    },
    {
      case: 'split: this month’s grants by the clerk add up past the limit',
      over: { soFar: { customerToday: 0, staffThisMonth: 196_000 } },
      expected: 'pending',
    },
    {
      case: 'on another clerk’s visit',
      over: { owners: ['clerk-2'] },
      expected: 'not_yours',
    },
    {
      case: 'the duty leader on anyone’s visit',
      over: { owners: ['clerk-2'], staff: { id: 'leader-1', roles: ['duty_leader'] } },
      expected: 'granted',
    },
    {
      case: 'on a visit nobody owns yet',
      over: { owners: [null] },
      expected: 'not_yours',
    },
    {
      case: 'on one’s case of another clerk’s visit',
      over: { owners: ['clerk-1', 'clerk-2'] },
      expected: 'not_yours',
    },
    {
      case: 'a role whose limit is null',
      over: { staff: { id: 'clerk-1', roles: ['backoffice'] } },
      expected: 'remedy_not_allowed',
    },
    {
      case: 'an inactive kind',
      over: { kind: kind({ active: false }) },
      expected: 'remedy_inactive',
    },
    { case: 'a zero amount', over: { amount: 0 }, expected: 'invalid_payload' },
    { case: 'a negative amount', over: { amount: -100 }, expected: 'invalid_payload' },
    { case: 'NaN', over: { amount: Number.NaN }, expected: 'invalid_payload' },
    { case: 'a fraction', over: { amount: 0.5 }, expected: 'invalid_payload' },
    { case: 'a huge amount', over: { amount: 1e12 }, expected: 'invalid_payload' },
    {
      case: 'neither visit nor case',
      over: { ticketId: null, caseId: null },
      expected: 'invalid_payload',
    },
  ])('$case → $expected', ({ over, expected }) => {
    const result = grantRemedy(request(over), T0);
    expect(result.ok ? result.value.state : result.code).toBe(expected);
  });

  it('a pending grant names the limit and waits the kind’s timeout', () => {
    const result = grantRemedy(request({ amount: 30_000 }), T0);
    expect(result.ok && result.value).toMatchObject({
      state: 'pending',
      exceeded: 'per_grant',
      exceededLimit: 20_000,
      approvalDueAt: T0 + 30 * MIN,
      grantingRole: 'clerk',
      complaintClass: 'billing',
    });
  });

  it('a granted one has no due time and takes the chosen complaint class', () => {
    const result = grantRemedy(request({ complaintClass: 'meter' }), T0);
    expect(result.ok && result.value).toMatchObject({
      state: 'granted',
      exceeded: null,
      approvalDueAt: null,
      complaintClass: 'meter',
    });
  });
});

const pending = (over: Partial<RemedyGrant> = {}): RemedyGrant => {
  const result = grantRemedy(request({ amount: 30_000 }), T0);
  if (!result.ok) throw new Error(result.code);
  return { ...result.value, ...over };
};

describe('decideGrant', () => {
  it.each([
    {
      case: 'approve',
      by: 'leader-1',
      decision: 'approve',
      note: null,
      at: T0,
      expected: 'approved',
    },
    {
      case: 'reject with a note',
      by: 'leader-1',
      decision: 'reject',
      note: '不属实',
      at: T0,
      expected: 'rejected',
    },
    {
      case: 'reject without a note',
      by: 'leader-1',
      decision: 'reject',
      note: null,
      at: T0,
      expected: 'reason_required',
    },
    {
      case: 'their own grant',
      by: 'clerk-1',
      decision: 'approve',
      note: null,
      at: T0,
      expected: 'own_grant',
    },
    {
      case: 'at the timeout',
      by: 'leader-1',
      decision: 'approve',
      note: null,
      at: T0 + 30 * MIN,
      expected: 'grant_expired',
    },
  ] as const)('$case → $expected', ({ by, decision, note, at, expected }) => {
    const result = decideGrant(pending(), by, decision, note, at);
    expect(result.ok ? result.value.state : result.code).toBe(expected);
  });

  it.each([
    ['granted', 'grant_not_pending'],
    ['approved', 'grant_not_pending'],
    ['rejected', 'grant_not_pending'],
    ['cancelled', 'grant_not_pending'],
    ['expired', 'grant_expired'],
  ] as const)('a %s grant → %s', (state, expected) => {
    const result = decideGrant(pending({ state }), 'leader-1', 'approve', null, T0);
    expect(result.ok ? result.value.state : result.code).toBe(expected);
  });

  it('records who decided, when and why', () => {
    const result = decideGrant(pending(), 'leader-1', 'approve', '情况属实', T0 + MIN);
    expect(result.ok && result.value).toMatchObject({
      decidedByStaffId: 'leader-1',
      decidedAt: T0 + MIN,
      decisionNote: '情况属实',
    });
  });
});

describe('cancelGrant', () => {
  it.each([
    { case: 'the granter, pending', by: 'clerk-1', over: {}, expected: 'cancelled' },
    { case: 'someone else', by: 'clerk-2', over: {}, expected: 'not_yours' },
    {
      case: 'already approved',
      by: 'clerk-1',
      over: { state: 'approved' },
      expected: 'grant_not_pending',
    },
    {
      case: 'granted at once',
      by: 'clerk-1',
      over: { state: 'granted' },
      expected: 'grant_not_pending',
    },
  ] as const)('$case → $expected', ({ by, over, expected }) => {
    const result = cancelGrant(pending(over), by, T0);
    expect(result.ok ? result.value.state : result.code).toBe(expected);
  });
});

describe('sweepGrants', () => {
  it.each([
    { case: 'before half the timeout', at: T0 + 14 * MIN, over: {}, remind: 0, expire: 0 },
    { case: 'at half the timeout', at: T0 + 15 * MIN, over: {}, remind: 1, expire: 0 },
    {
      case: 'reminded already',
      at: T0 + 20 * MIN,
      over: { remindedAt: T0 + 15 * MIN },
      remind: 0,
      expire: 0,
    },
    { case: 'at the timeout', at: T0 + 30 * MIN, over: {}, remind: 0, expire: 1 },
    {
      case: 'decided already',
      at: T0 + 40 * MIN,
      over: { state: 'approved' as const },
      remind: 0,
      expire: 0,
    },
  ])('$case: remind $remind, expire $expire', ({ at, over, remind, expire }) => {
    const out = sweepGrants([pending(over)], at);
    expect([out.remind.length, out.expire.length]).toEqual([remind, expire]);
  });

  it('an expired grant is marked so, with when', () => {
    const out = sweepGrants([pending()], T0 + 31 * MIN);
    expect(out.expire[0]).toMatchObject({ state: 'expired', decidedAt: T0 + 31 * MIN });
  });
});

it('monthOf', () => expect(monthOf('2026-11-24')).toBe('2026-11'));
