import type { RemedyGrant, RemedyKind, Snapshot } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { amountText, grantableKinds, myLimits, parseAmount, pendingGrants } from './remedy-view';

const limits = { perGrant: 20_000, perCustomerPerDay: 20_000, perStaffPerMonth: 200_000 };
const kind = (over: Partial<RemedyKind> = {}): RemedyKind => ({
  id: 'waive-penalty',
  code: 'waive-penalty',
  nameZh: '减免违约金',
  nameEn: 'Waive penalty',
  unit: 'yuan',
  complaintClass: 'billing',
  limits: { clerk: limits, backoffice: null, guide: null, duty_leader: null },
  approvalTimeoutMin: 30,
  active: true,
  sortOrder: 1,
  changeSeq: 1,
  ...over,
});

describe('parseAmount', () => {
  it.each([
    ['200', 'yuan', 20_000],
    ['0.5', 'yuan', 50],
    ['12.34', 'yuan', 1234],
    ['12.345', 'yuan', null],
    ['0', 'yuan', null],
    ['-5', 'yuan', null],
    ['abc', 'yuan', null],
    ['', 'yuan', null],
    ['1', 'count', 1],
    ['1.5', 'count', null],
    ['0', 'count', null],
  ] as const)('%s %s → %s', (text, unit, expected) => {
    expect(parseAmount(text, unit)).toBe(expected);
  });
});

it.each([
  [20_000, 'yuan', '200.00'],
  [1234, 'yuan', '12.34'],
  [2, 'count', '2'],
] as const)('amountText(%s, %s) = %s', (amount, unit, text) => {
  expect(amountText(amount, unit)).toBe(text);
});

describe('what a person may grant', () => {
  it.each([
    [['clerk'], true],
    [['guide'], false],
    [['admin'], false],
  ] as const)('%s → %s', (roles, may) => {
    expect(myLimits(kind(), roles) !== null).toBe(may);
  });

  it('lists active kinds one may grant, in order', () => {
    const hall = {
      remedyKinds: [
        kind({ id: 'b', sortOrder: 2 }),
        kind({ id: 'a', sortOrder: 1 }),
        kind({ id: 'off', active: false }),
        kind({
          id: 'leader',
          limits: { clerk: null, backoffice: null, guide: null, duty_leader: limits },
        }),
      ],
    } as unknown as Snapshot;
    expect(grantableKinds(hall, ['clerk']).map((k) => k.id)).toEqual(['a', 'b']);
  });
});

it('pending grants: the one due first on top', () => {
  const g = (id: string, state: RemedyGrant['state'], due: number | null) =>
    ({ id, state, approvalDueAt: due }) as RemedyGrant;
  const hall = {
    remedyGrants: [
      g('late', 'pending', 300),
      g('done', 'approved', null),
      g('soon', 'pending', 100),
    ],
  } as unknown as Snapshot;
  expect(pendingGrants(hall).map((x) => x.id)).toEqual(['soon', 'late']);
});
