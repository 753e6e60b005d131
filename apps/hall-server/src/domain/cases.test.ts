import type { Case } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { advanceCase, caseNumber, closeCase, openCase, type OpenCaseInput } from './cases';
import { aTicket, T0 } from './test-fixtures';
import { aCase, aCaseType, DAY, END_OF_T0_DAY, TZ } from './work-fixtures';

const served = aTicket({
  state: 'serving',
  ownerStaffId: 'clerk-1',
  servingStaffId: 'clerk-1',
  customer: { phone: '13900000003', accountNo: null, name: '孙女士' },
});
const input = (over: Partial<OpenCaseInput> = {}): OpenCaseInput => ({
  id: 'case-1',
  number: caseNumber('2026-11-24', 3),
  type: aCaseType(),
  ticket: served,
  staffId: 'clerk-1',
  summary: '新装 居民 8kW',
  customer: undefined,
  timeZone: TZ,
  ...over,
});

describe('openCase', () => {
  it('plans the type’s steps with due dates; opening is the acceptance (受理)', () => {
    const r = openCase(input(), T0);
    expect(r.ok).toBe(true);
    const c = (r as { value: Case }).value;
    expect(c).toMatchObject({
      number: '20261124-003',
      ownerStaffId: 'clerk-1',
      ticketId: 't-1',
      state: 'open',
      dueAt: END_OF_T0_DAY + 15 * DAY,
    });
    // Cumulative limits 0, 3, 5, 11, 13, 15 days, each to the close of that local day.
    expect(c.steps.map((s) => (s.dueAt - END_OF_T0_DAY) / DAY)).toEqual([0, 3, 5, 11, 13, 15]);
    expect(c.steps[0]).toMatchObject({ nameZh: '受理', doneAt: T0, doneBy: 'clerk-1' });
    expect(c.steps.slice(1).every((s) => s.doneAt === null)).toBe(true);
  });

  it('never plans a step after the case’s own due date', () => {
    const tight = aCaseType({
      limitDays: 2,
      steps: [
        { nameZh: '受理', nameEn: 'Acceptance', limitDays: 0 },
        { nameZh: '抢修', nameEn: 'Repair', limitDays: 5 },
      ],
    });
    const r = openCase(input({ type: tight }), T0);
    expect(r.ok && r.value.steps[1]!.dueAt).toBe(END_OF_T0_DAY + 2 * DAY);
  });

  it('takes the customer from the visit, with details given at the counter on top', () => {
    const r = openCase(
      input({ customer: { phone: null, accountNo: '3100000003', name: null } }),
      T0,
    );
    expect(r.ok && r.value.customer).toEqual({
      phone: '13900000003',
      accountNo: '3100000003',
      name: '孙女士',
    });
  });

  it.each([
    { case: 'its first handler', ticket: served, staffId: 'clerk-1', expected: 'ok' },
    {
      case: 'the clerk serving it now (transferred)',
      ticket: { ...served, servingStaffId: 'clerk-2' },
      staffId: 'clerk-2',
      expected: 'ok',
    },
    { case: 'another clerk', ticket: served, staffId: 'clerk-3', expected: 'not_yours' },
  ])('by $case → $expected', ({ ticket, staffId, expected }) => {
    const r = openCase(input({ ticket, staffId }), T0);
    expect(r.ok ? 'ok' : r.code).toBe(expected);
  });

  it('refuses a case type no longer in use', () => {
    const r = openCase(input({ type: aCaseType({ active: false }) }), T0);
    expect(r).toMatchObject({ ok: false, code: 'invalid_transition' });
  });
});

describe('case steps, one at a time, each dated', () => {
  it('advances through every step, then refuses; closing completed needs every step', () => {
    let c = (openCase(input(), T0) as { value: Case }).value;
    expect(closeCase(c, 'clerk-1', 'completed', '已装表接电', T0)).toMatchObject({
      ok: false,
      code: 'case_steps_pending',
    });
    for (let i = 1; i < c.steps.length; i++) {
      const r = advanceCase(c, 'clerk-1', `step ${i}`, T0 + i * DAY);
      expect(r.ok).toBe(true);
      c = (r as { value: Case }).value;
      expect(c.steps[i]).toMatchObject({
        doneAt: T0 + i * DAY,
        doneBy: 'clerk-1',
        note: `step ${i}`,
      });
      expect(c.steps.filter((s) => s.doneAt === null)).toHaveLength(c.steps.length - 1 - i);
    }
    expect(advanceCase(c, 'clerk-1', null, T0 + 7 * DAY)).toMatchObject({
      ok: false,
      code: 'invalid_transition',
    });
    const closed = closeCase(c, 'clerk-1', 'completed', '已装表接电', T0 + 7 * DAY);
    expect(closed).toMatchObject({
      ok: true,
      value: {
        state: 'closed',
        outcome: 'completed',
        result: '已装表接电',
        closedAt: T0 + 7 * DAY,
      },
    });
  });

  const open = aCase();
  const closed = aCase({ state: 'closed', outcome: 'withdrawn', closedAt: T0 });
  it.each([
    {
      case: 'advance by its owner',
      run: () => advanceCase(open, 'clerk-1', null, T0),
      expected: 'ok',
    },
    {
      case: 'advance by another clerk',
      run: () => advanceCase(open, 'clerk-2', null, T0),
      expected: 'not_yours',
    },
    {
      case: 'advance a closed case',
      run: () => advanceCase(closed, 'clerk-1', null, T0),
      expected: 'invalid_transition',
    },
    {
      case: 'withdraw with steps pending',
      run: () => closeCase(open, 'clerk-1', 'withdrawn', '客户撤回申请', T0),
      expected: 'ok',
    },
    {
      case: 'close by another clerk',
      run: () => closeCase(open, 'clerk-2', 'withdrawn', '客户撤回申请', T0),
      expected: 'not_yours',
    },
    {
      case: 'close twice',
      run: () => closeCase(closed, 'clerk-1', 'withdrawn', '客户撤回申请', T0),
      expected: 'invalid_transition',
    },
  ])('$case → $expected', ({ run, expected }) => {
    const r = run();
    expect(r.ok ? 'ok' : r.code).toBe(expected);
  });
});
