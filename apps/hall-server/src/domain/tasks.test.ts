import { describe, expect, it } from 'vitest';
import {
  acceptTask,
  assignFollowUp,
  cancelTask,
  closeFollowUp,
  completeTask,
  createFollowUp,
  createTask,
} from './tasks';
import { T0 } from './test-fixtures';
import { aCase, aFollowUp, aTask, DAY, END_OF_T0_DAY, TZ } from './work-fixtures';

const H = 3_600_000;

describe('createTask', () => {
  const base = {
    id: 'task-1',
    ownerStaffId: 'clerk-1',
    text: '请核实欠费',
    dueAt: T0 + H,
    linkedCase: null,
    ticketId: null,
  };
  it.each([
    { case: 'due in an hour', over: {}, expected: 'ok' },
    { case: 'due now', over: { dueAt: T0 }, expected: 'invalid_payload' },
    { case: 'due in 91 days', over: { dueAt: T0 + 91 * DAY }, expected: 'invalid_payload' },
    { case: 'for one’s open case', over: { linkedCase: aCase() }, expected: 'ok' },
    {
      case: 'for a closed case',
      over: { linkedCase: aCase({ state: 'closed' }) },
      expected: 'invalid_transition',
    },
    {
      case: 'for another clerk’s case',
      over: { linkedCase: aCase({ ownerStaffId: 'clerk-2' }) },
      expected: 'not_yours',
    },
  ])('$case → $expected', ({ over, expected }) => {
    const r = createTask({ ...base, ...over }, T0);
    expect(r.ok ? 'ok' : r.code).toBe(expected);
  });

  it('is open, owned by the asker, and carries the case’s visit', () => {
    const r = createTask({ ...base, linkedCase: aCase() }, T0);
    expect(r).toMatchObject({
      ok: true,
      value: { state: 'open', ownerStaffId: 'clerk-1', caseId: 'case-1', ticketId: 't-1' },
    });
  });
});

describe('a support task at the back office', () => {
  const open = aTask();
  const accepted = aTask({ state: 'accepted', assigneeStaffId: 'back-1', acceptedAt: T0 });
  const done = aTask({ state: 'done', assigneeStaffId: 'back-1', result: '已核实' });
  it.each([
    { case: 'accept an open task', run: () => acceptTask(open, 'back-1', T0), expected: 'ok' },
    {
      case: 'accept one taken already',
      run: () => acceptTask(accepted, 'back-2', T0),
      expected: 'invalid_transition',
    },
    {
      case: 'complete before accepting',
      run: () => completeTask(open, 'back-1', '已核实', T0),
      expected: 'invalid_transition',
    },
    {
      case: 'complete one accepted by a colleague',
      run: () => completeTask(accepted, 'back-2', '已核实', T0),
      expected: 'not_yours',
    },
    {
      case: 'complete one’s own',
      run: () => completeTask(accepted, 'back-1', '已核实', T0),
      expected: 'ok',
    },
    {
      case: 'complete twice',
      run: () => completeTask(done, 'back-1', '已核实', T0),
      expected: 'invalid_transition',
    },
    {
      case: 'owner withdraws an accepted one',
      run: () => cancelTask(accepted, 'clerk-1', '客户已自行处理', T0),
      expected: 'ok',
    },
    {
      case: 'someone else withdraws it',
      run: () => cancelTask(open, 'clerk-2', '客户已自行处理', T0),
      expected: 'not_yours',
    },
    {
      case: 'withdraw an answered one',
      run: () => cancelTask(done, 'clerk-1', '客户已自行处理', T0),
      expected: 'invalid_transition',
    },
  ])('$case → $expected', ({ run, expected }) => {
    const r = run();
    expect(r.ok ? 'ok' : r.code).toBe(expected);
  });

  it('answers the owner with the result; the owner stays the asker', () => {
    const taken = acceptTask(open, 'back-1', T0 + 1000);
    const answered = taken.ok && completeTask(taken.value, 'back-1', '已核实,无欠费', T0 + 2000);
    expect(answered).toMatchObject({
      ok: true,
      value: {
        state: 'done',
        ownerStaffId: 'clerk-1',
        assigneeStaffId: 'back-1',
        acceptedAt: T0 + 1000,
        closedAt: T0 + 2000,
        result: '已核实,无欠费',
      },
    });
  });
});

describe('follow-ups', () => {
  const base = {
    id: 'fu-1',
    assigneeStaffId: 'clerk-1',
    createdBy: 'leader-1',
    note: '回访客户',
    ticketId: 't-1',
    alertId: 'al-1',
    callbackPhone: null,
    dueAt: undefined,
    timeZone: TZ,
  };
  it('are due by the end of the next business day unless given a time', () => {
    expect(createFollowUp(base, T0)).toMatchObject({
      ok: true,
      value: { dueAt: END_OF_T0_DAY + DAY, state: 'open', source: 'duty_leader' },
    });
    expect(createFollowUp({ ...base, dueAt: T0 + H }, T0)).toMatchObject({
      ok: true,
      value: { dueAt: T0 + H },
    });
    expect(createFollowUp({ ...base, dueAt: T0 - 1 }, T0)).toMatchObject({
      ok: false,
      code: 'invalid_payload',
    });
  });

  const open = aFollowUp();
  const unassigned = aFollowUp({ assigneeStaffId: null, source: 'dissatisfied' });
  const closed = aFollowUp({ state: 'closed' });
  const clerk = (staffId: string) => ({ staffId, isDutyLeader: false });
  it.each([
    {
      case: 'assign an unassigned one',
      run: () => assignFollowUp(unassigned, 'clerk-2', T0),
      expected: 'ok',
    },
    {
      case: 'assign to the same person',
      run: () => assignFollowUp(open, 'clerk-1', T0),
      expected: 'invalid_transition',
    },
    {
      case: 'assign a closed one',
      run: () => assignFollowUp(closed, 'clerk-2', T0),
      expected: 'invalid_transition',
    },
    {
      case: 'its assignee closes it',
      run: () => closeFollowUp(open, clerk('clerk-1'), '已回访', T0),
      expected: 'ok',
    },
    {
      case: 'another clerk closes it',
      run: () => closeFollowUp(open, clerk('clerk-2'), '已回访', T0),
      expected: 'not_yours',
    },
    {
      case: 'the duty leader closes an unassigned one',
      run: () =>
        closeFollowUp(unassigned, { staffId: 'leader-1', isDutyLeader: true }, '已回访', T0),
      expected: 'ok',
    },
    {
      case: 'close twice',
      run: () => closeFollowUp(closed, clerk('clerk-1'), '已回访', T0),
      expected: 'invalid_transition',
    },
  ])('$case → $expected', ({ run, expected }) => {
    const r = run();
    expect(r.ok ? 'ok' : r.code).toBe(expected);
  });
});
