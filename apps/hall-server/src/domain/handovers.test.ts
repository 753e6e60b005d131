import type { Alert, Handover } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import {
  acknowledgeHandover,
  cancelHandover,
  createHandover,
  holdingItems,
  leaveCounterCheck,
  signOffCheck,
  takeOverCase,
  takeOverDeskFollowUp,
  takeOverFollowUp,
  takeOverTask,
  takeOverTicket,
  type DutyDesk,
  type Holdings,
} from './handovers';
import { aTicket, T0 } from './test-fixtures';
import { aCase, aFollowUp, aStaff, aTask, DAY, END_OF_T0_DAY, TZ } from './work-fixtures';

const AT = { now: T0, timeZone: TZ };
/** A case due by tomorrow's close: it must be handed over. */
const dueTomorrow = aCase({ id: 'c-tomorrow', number: '20261124-002', dueAt: END_OF_T0_DAY + DAY });

const nothing: Holdings = {
  tickets: [],
  cases: [],
  requestedTasks: [],
  acceptedTasks: [],
  followUps: [],
};
const parked = aTicket({ id: 't-9', number: 'B009', state: 'parked', servingStaffId: 'clerk-1' });
const serving = aTicket({ id: 't-8', number: 'B008', state: 'serving', servingStaffId: 'clerk-1' });
const giver = aStaff();
const colleague = aStaff({ id: 'clerk-2', staffNo: '1002', name: '张丽' });
const leader = aStaff({ id: 'leader-1', staffNo: '8001', name: '王值班', roles: ['duty_leader'] });
const backOffice = aStaff({ id: 'back-1', staffNo: '6001', name: '孙后台', roles: ['backoffice'] });
const guide = aStaff({ id: 'guide-1', staffNo: '7001', name: '赵引导', roles: ['guide'] });

const make = (over: Partial<Parameters<typeof createHandover>[0]> = {}) =>
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

describe('acknowledging and cancelling', () => {
  const pending = (make() as { value: Handover }).value;
  const acked = { ...pending, state: 'acknowledged' as const };
  const as = (staffId: string, isDutyLeader = false) => ({ staffId, isDutyLeader });
  it.each([
    {
      case: 'the receiver acknowledges',
      run: () => acknowledgeHandover(pending, 'clerk-2', T0),
      expected: 'ok',
    },
    {
      case: 'the giver acknowledges their own',
      run: () => acknowledgeHandover(pending, 'clerk-1', T0),
      expected: 'not_yours',
    },
    {
      case: 'acknowledged twice',
      run: () => acknowledgeHandover(acked, 'clerk-2', T0),
      expected: 'invalid_transition',
    },
    {
      case: 'the giver withdraws it',
      run: () => cancelHandover(pending, as('clerk-1'), T0),
      expected: 'ok',
    },
    {
      case: 'the receiver declines it',
      run: () => cancelHandover(pending, as('clerk-2'), T0),
      expected: 'ok',
    },
    {
      case: 'a third clerk cancels it',
      run: () => cancelHandover(pending, as('clerk-3'), T0),
      expected: 'not_yours',
    },
    {
      case: 'the duty leader calls it off',
      run: () => cancelHandover(pending, as('leader-1', true), T0),
      expected: 'ok',
    },
    {
      case: 'cancelled after acknowledgement',
      run: () => cancelHandover(acked, as('clerk-1'), T0),
      expected: 'invalid_transition',
    },
  ])('$case → $expected', ({ run, expected }) => {
    const r = run();
    expect(r.ok ? 'ok' : r.code).toBe(expected);
  });
});

describe('moving an item at acknowledgement', () => {
  it.each([
    {
      case: 'a parked visit still held',
      moved: takeOverTicket(parked, 'clerk-1', 'clerk-2', 'n', T0),
    },
    { case: 'an open case still owned', moved: takeOverCase(aCase(), 'clerk-1', 'clerk-2', T0) },
    {
      case: 'an accepted back-office task',
      moved: takeOverTask(
        aTask({ state: 'accepted', assigneeStaffId: 'clerk-1' }),
        'accepted_task',
        'clerk-1',
        'clerk-2',
        T0,
      ),
    },
  ])('moves $case', ({ moved }) => {
    expect(moved).not.toBeNull();
  });

  it.each([
    {
      case: 'a visit resumed and finished meanwhile',
      moved: takeOverTicket({ ...parked, state: 'done' }, 'clerk-1', 'clerk-2', 'n', T0),
    },
    {
      case: 'a case closed meanwhile',
      moved: takeOverCase(aCase({ state: 'closed' }), 'clerk-1', 'clerk-2', T0),
    },
    {
      case: 'a case reassigned meanwhile',
      moved: takeOverCase(aCase({ ownerStaffId: 'clerk-5' }), 'clerk-1', 'clerk-2', T0),
    },
    {
      case: 'a task answered meanwhile',
      moved: takeOverTask(aTask({ state: 'done' }), 'requested_task', 'clerk-1', 'clerk-2', T0),
    },
    {
      case: 'a follow-up closed meanwhile',
      moved: takeOverFollowUp(aFollowUp({ state: 'closed' }), 'clerk-1', 'clerk-2', T0),
    },
  ])('leaves $case', ({ moved }) => {
    expect(moved).toBeNull();
  });

  it('keeps the visit’s first handler and records the handover in its path', () => {
    const owned = { ...parked, ownerStaffId: 'clerk-1' };
    const change = takeOverTicket(owned, 'clerk-1', 'clerk-2', '客户取证件', T0)!;
    expect(change.ticket).toMatchObject({
      ownerStaffId: 'clerk-1',
      servingStaffId: 'clerk-2',
      state: 'parked',
    });
    expect(change.transition).toMatchObject({
      fromState: 'parked',
      toState: 'parked',
      staffId: 'clerk-2',
      reason: 'handover: 客户取证件',
    });
  });
});

// The duty leader's desk (issue 15 item 12): a 不满意 follow-up nobody is assigned is the duty
// leader's, so it counts when they sign off; open alerts are named but hold nobody back.
describe("a duty leader signing off with the desk's items", () => {
  const unassigned = aFollowUp({
    id: 'fu-desk',
    assigneeStaffId: null,
    note: '不满意评价:等候时间',
  });
  const alert: Alert = {
    id: 'al-1',
    kind: 'dissatisfied',
    subjectId: 'ev-1',
    ticketId: null,
    counterId: 'ctr-1',
    staffId: null,
    createdAt: T0,
    acknowledgedAt: null,
    acknowledgedBy: null,
    note: null,
    changeSeq: 0,
  };
  const desk = (over: Partial<DutyDesk> = {}): DutyDesk => ({ followUps: [], alerts: [], ...over });
  const later = aCase({ id: 'c-later', dueAt: END_OF_T0_DAY + 5 * DAY });

  it.each([
    { case: 'an empty desk', held: nothing, d: desk(), note: null, expected: 'ok' },
    {
      case: 'an unassigned follow-up',
      held: nothing,
      d: desk({ followUps: [unassigned] }),
      note: null,
      expected: 'handover_required',
    },
    {
      case: 'an unassigned follow-up kept on the desk with a note',
      held: nothing,
      d: desk({ followUps: [unassigned] }),
      note: '今日无接班人,明早值班长处理',
      expected: 'kept',
    },
    {
      case: 'open alerts only',
      held: nothing,
      d: desk({ alerts: [alert] }),
      note: null,
      expected: 'ok',
    },
    {
      case: 'a follow-up assigned to them, with a note (a note keeps only the desk)',
      held: { ...nothing, followUps: [aFollowUp({ assigneeStaffId: 'leader-1' })] },
      d: desk(),
      note: '明早处理',
      expected: 'handover_required',
    },
    {
      case: 'a case they own due tomorrow, with a note',
      held: { ...nothing, cases: [dueTomorrow] },
      d: desk({ followUps: [unassigned] }),
      note: '明早处理',
      expected: 'handover_required',
    },
    {
      case: 'a case they own not due while off',
      held: { ...nothing, cases: [later] },
      d: desk(),
      note: null,
      expected: 'kept',
    },
  ])('$case → $expected', ({ held, d, note, expected }) => {
    const r = signOffCheck(held, undefined, AT, { desk: d, keepNote: note });
    expect(r.ok ? (r.value.kept.length > 0 ? 'kept' : 'ok') : r.code).toBe(expected);
  });

  it('the same follow-up does not count for anyone else', () => {
    expect(signOffCheck(nothing, undefined, AT).ok).toBe(true);
  });

  it('names what is left: own items, the desk’s follow-ups and the open alerts', () => {
    const r = signOffCheck({ ...nothing, cases: [dueTomorrow] }, undefined, AT, {
      desk: desk({ followUps: [unassigned, { ...unassigned, id: 'fu-2' }], alerts: [alert] }),
      keepNote: null,
    });
    expect(r).toMatchObject({
      ok: false,
      code: 'handover_required',
      detail: expect.stringMatching(
        /20261124-002.*2 follow-up\(s\) with no assignee.*1 open alert/,
      ),
    });
  });

  it('lists the follow-ups kept on the desk', () => {
    const r = signOffCheck(nothing, undefined, AT, {
      desk: desk({ followUps: [unassigned] }),
      keepNote: '明早处理',
    });
    expect(r).toEqual({
      ok: true,
      value: {
        kept: [
          {
            kind: 'desk_follow_up',
            id: 'fu-desk',
            label: unassigned.note,
            dueAt: unassigned.dueAt,
          },
        ],
      },
    });
  });

  it('hands the desk to another duty leader only, alerts listed, follow-ups moved at acknowledgement', () => {
    const from = aStaff({ id: 'leader-1', roles: ['duty_leader', 'clerk'] });
    const next = aStaff({
      id: 'leader-2',
      staffNo: '8002',
      name: '李值班',
      roles: ['duty_leader'],
    });
    const withDesk = {
      from,
      holdings: nothing,
      desk: desk({ followUps: [unassigned], alerts: [alert] }),
    };
    expect(make({ ...withDesk, to: colleague })).toMatchObject({
      ok: false,
      code: 'receiver_unfit',
    });
    const made = make({ ...withDesk, to: next });
    expect(made).toMatchObject({ ok: true });
    const h = (made as { value: Handover }).value;
    expect(h.items.map((i) => `${i.kind}:${i.id}`)).toEqual([
      'desk_follow_up:fu-desk',
      'alert:al-1',
    ]);
    expect(takeOverDeskFollowUp(unassigned, 'leader-2', T0)?.assigneeStaffId).toBe('leader-2');
    // Someone was assigned in between: that assignment stands.
    expect(
      takeOverDeskFollowUp({ ...unassigned, assigneeStaffId: 'clerk-2' }, 'leader-2', T0),
    ).toBeNull();
    expect(takeOverDeskFollowUp({ ...unassigned, state: 'closed' }, 'leader-2', T0)).toBeNull();
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
