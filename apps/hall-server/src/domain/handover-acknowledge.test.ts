import type { Alert, Handover } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { AT, colleague, dueTomorrow, make, nothing, parked } from './handover-fixtures';
import {
  acknowledgeHandover,
  cancelHandover,
  type DutyDesk,
  signOffCheck,
  takeOverCase,
  takeOverDeskFollowUp,
  takeOverFollowUp,
  takeOverTask,
  takeOverTicket,
} from './handovers';
import { T0 } from './test-fixtures';
import { aCase, aFollowUp, aStaff, aTask, DAY, END_OF_T0_DAY } from './work-fixtures';

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
