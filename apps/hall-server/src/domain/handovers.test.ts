import type { Handover } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import {
  AT,
  backOffice,
  dueTomorrow,
  giver,
  guide,
  leader,
  make,
  nothing,
  parked,
  serving,
} from './handover-fixtures';
import {
  acknowledgeHandover,
  holdingItems,
  type Holdings,
  leaveCounterCheck,
  signOffCheck,
  takeOverCase,
  takeOverFollowUp,
  takeOverTask,
  takeOverTicket,
} from './handovers';
import { T0 } from './test-fixtures';
import { aCase, aFollowUp, aStaff, aTask, DAY, END_OF_T0_DAY } from './work-fixtures';

describe('signing off', () => {
  it.each([
    { case: 'empty hands', holdings: nothing, expected: 'ok' },
    { case: 'a parked visit', holdings: { ...nothing, tickets: [parked] }, expected: 'open_items' },
    {
      case: 'a ticket in service',
      holdings: { ...nothing, tickets: [serving] },
      expected: 'open_items',
    },
    {
      case: 'an open case due tomorrow',
      holdings: { ...nothing, cases: [dueTomorrow] },
      expected: 'handover_required',
    },
    {
      case: 'a support task asked for',
      holdings: { ...nothing, requestedTasks: [aTask()] },
      expected: 'handover_required',
    },
    {
      case: 'a support task accepted at the back office',
      holdings: { ...nothing, acceptedTasks: [aTask({ state: 'accepted' })] },
      expected: 'handover_required',
    },
    {
      case: 'an open follow-up',
      holdings: { ...nothing, followUps: [aFollowUp()] },
      expected: 'handover_required',
    },
  ])('with $case → $expected', ({ holdings, expected }) => {
    const r = signOffCheck(holdings, undefined, AT);
    expect(r.ok ? 'ok' : r.code).toBe(expected);
  });

  // 限时办结 across a sign-off: a case not due while its owner is off stays with them.
  it.each([
    { case: 'overdue since yesterday', dueAt: END_OF_T0_DAY - DAY, expected: 'handover_required' },
    { case: 'due in an hour', dueAt: T0 + 3_600_000, expected: 'handover_required' },
    { case: 'due at today’s close', dueAt: END_OF_T0_DAY, expected: 'handover_required' },
    { case: 'due at tomorrow’s close', dueAt: END_OF_T0_DAY + DAY, expected: 'handover_required' },
    {
      case: 'due at the first moment of tomorrow',
      dueAt: END_OF_T0_DAY + 1,
      expected: 'handover_required',
    },
    { case: 'due the day after tomorrow', dueAt: END_OF_T0_DAY + DAY + 1, expected: 'kept' },
    { case: 'due in 15 days', dueAt: END_OF_T0_DAY + 15 * DAY, expected: 'kept' },
  ])('an owned case $case → $expected', ({ dueAt, expected }) => {
    const c = aCase({ dueAt });
    const r = signOffCheck({ ...nothing, cases: [c] }, undefined, AT);
    expect(r.ok ? (r.value.kept.length === 1 ? 'kept' : 'ok') : r.code).toBe(expected);
  });

  it('lists the kept cases, and keeps nothing from someone being deactivated', () => {
    const later = aCase({ id: 'c-later', number: '20261124-003', dueAt: END_OF_T0_DAY + 5 * DAY });
    expect(signOffCheck({ ...nothing, cases: [later] }, undefined, AT)).toEqual({
      ok: true,
      value: {
        kept: [
          {
            kind: 'case',
            id: 'c-later',
            label: expect.stringContaining('20261124-003'),
            dueAt: later.dueAt,
          },
        ],
      },
    });
    expect(signOffCheck({ ...nothing, cases: [later, dueTomorrow] }, undefined, AT)).toMatchObject({
      ok: false,
      code: 'handover_required',
      detail: expect.not.stringContaining('20261124-003'),
    });
    expect(signOffCheck({ ...nothing, cases: [later] }, undefined, null)).toMatchObject({
      ok: false,
      code: 'handover_required',
    });
  });

  it.each([
    { case: 'empty hands', tickets: [], expected: 'ok' },
    { case: 'a parked visit', tickets: [parked], expected: 'open_items' },
    { case: 'a ticket in service', tickets: [serving], expected: 'open_items' },
  ])(
    'leaving the counter with $case → $expected (owned cases go along)',
    ({ tickets, expected }) => {
      const r = leaveCounterCheck(tickets);
      expect(r.ok ? 'ok' : r.code).toBe(expected);
    },
  );

  it('names what is held, and a handover still waiting for its receiver', () => {
    const pending = (make() as { value: Handover }).value;
    expect(signOffCheck({ ...nothing, cases: [dueTomorrow] }, pending, AT)).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/20261124-002.*awaits acknowledgement by clerk-2/),
    });
  });

  it('is allowed once the receiver has acknowledged and the items moved', () => {
    const held: Holdings = {
      tickets: [parked],
      cases: [dueTomorrow],
      requestedTasks: [aTask()],
      acceptedTasks: [],
      followUps: [aFollowUp()],
    };
    expect(signOffCheck(held, undefined, AT).ok).toBe(false);
    const made = make({ holdings: held });
    expect(made.ok).toBe(true);
    const handover = (made as { value: Handover }).value;
    expect(handover.items.map((i) => i.kind)).toEqual([
      'ticket',
      'case',
      'requested_task',
      'follow_up',
    ]);
    // Until acknowledged nothing moves, so the giver still cannot leave.
    expect(signOffCheck(held, handover, AT).ok).toBe(false);
    const acked = acknowledgeHandover(handover, 'clerk-2', T0 + 60_000);
    expect(acked).toMatchObject({
      ok: true,
      value: { state: 'acknowledged', closedBy: 'clerk-2' },
    });
    const moved = {
      ticket: takeOverTicket(parked, 'clerk-1', 'clerk-2', handover.note, T0)!.ticket,
      case: takeOverCase(dueTomorrow, 'clerk-1', 'clerk-2', T0)!,
      task: takeOverTask(aTask(), 'requested_task', 'clerk-1', 'clerk-2', T0)!,
      followUp: takeOverFollowUp(aFollowUp(), 'clerk-1', 'clerk-2', T0)!,
    };
    expect(moved.ticket.servingStaffId).toBe('clerk-2');
    expect(moved.case.ownerStaffId).toBe('clerk-2');
    expect(moved.task.ownerStaffId).toBe('clerk-2');
    expect(moved.followUp.assigneeStaffId).toBe('clerk-2');
    const stillHeld = (id: string | null) => id === 'clerk-1';
    const left: Holdings = {
      tickets: [moved.ticket].filter((t) => stillHeld(t.servingStaffId)),
      cases: [moved.case].filter((c) => stillHeld(c.ownerStaffId)),
      requestedTasks: [moved.task].filter((t) => stillHeld(t.ownerStaffId)),
      acceptedTasks: [],
      followUps: [moved.followUp].filter((f) => stillHeld(f.assigneeStaffId)),
    };
    expect(signOffCheck(left, undefined, AT)).toEqual({ ok: true, value: { kept: [] } });
  });
});

describe('createHandover', () => {
  const pending = (make() as { value: Handover }).value;
  it.each([
    { case: 'to a colleague, with a case', over: {}, expected: 'ok' },
    { case: 'to the duty leader', over: { to: leader }, expected: 'ok' },
    { case: 'to nobody known', over: { to: undefined }, expected: 'not_found' },
    {
      case: 'to a deactivated colleague',
      over: { to: aStaff({ id: 'clerk-9', active: false }) },
      expected: 'not_found',
    },
    { case: 'to oneself', over: { to: giver }, expected: 'invalid_payload' },
    { case: 'while another is pending', over: { pending }, expected: 'invalid_transition' },
    {
      case: 'with a customer still at the counter',
      over: { holdings: { ...nothing, tickets: [serving] } },
      expected: 'clerk_busy',
    },
    { case: 'a case to the guide', over: { to: guide }, expected: 'receiver_unfit' },
    { case: 'a case to the back office', over: { to: backOffice }, expected: 'receiver_unfit' },
    {
      case: 'back-office tasks to a clerk',
      over: {
        from: backOffice,
        holdings: { ...nothing, acceptedTasks: [aTask({ state: 'accepted' })] },
      },
      expected: 'receiver_unfit',
    },
    {
      case: 'back-office tasks to the duty leader',
      over: {
        from: backOffice,
        to: leader,
        holdings: { ...nothing, acceptedTasks: [aTask({ state: 'accepted' })] },
      },
      expected: 'ok',
    },
    { case: 'with nothing to hand (a shift note)', over: { holdings: nothing }, expected: 'ok' },
  ])('$case → $expected', ({ over, expected }) => {
    const r = make(over);
    expect(r.ok ? 'ok' : r.code).toBe(expected);
  });
});

describe('holdingItems', () => {
  it('labels a ticket by its number only: screens say its state in their own words', () => {
    const none = { tickets: [], cases: [], requestedTasks: [], acceptedTasks: [], followUps: [] };
    expect(holdingItems({ ...none, tickets: [parked] })).toEqual([
      { kind: 'ticket', id: 't-9', label: 'B009', dueAt: null },
    ]);
  });
});
