import type { Case, FollowUp, SupportTask } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { findAlerts, type HallSituation } from './alerts';
import { aCounter, aService, aTicket, T0 } from './test-fixtures';

const MIN = 60_000;
const service = aService({ id: 'svc-a', targetWaitSec: 600, targetHandleSec: 300 });
const situation = (over: Partial<HallSituation> = {}): HallSituation => ({
  now: T0 + 30 * MIN,
  services: [service],
  counters: [aCounter({ id: 'ctr-1', state: 'open', serviceIds: ['svc-a'] })],
  tickets: [],
  cases: [],
  tasks: [],
  followUps: [],
  offlineSince: new Map(),
  deviceOfflineAfterMs: 2 * MIN,
  ...over,
});
const kinds = (s: HallSituation) => findAlerts(s).map((f) => `${f.kind}:${f.subjectId}`);

describe('alerts for the duty leader', () => {
  it.each([
    {
      label: 'waiting 30 min against a 10 min target',
      ticket: { state: 'waiting' as const, queuedAt: T0 },
      expected: ['wait_over_target:t'],
    },
    {
      label: 'waiting 5 min',
      ticket: { state: 'waiting' as const, queuedAt: T0 + 25 * MIN },
      expected: [],
    },
    {
      label: 'in service 10 min against a 5 min target',
      ticket: {
        state: 'serving' as const,
        startedAt: T0 + 20 * MIN,
        counterId: 'ctr-1',
        servingStaffId: 'c1',
      },
      expected: ['handling_over_target:t'],
    },
    {
      label: 'in service 2 min',
      ticket: { state: 'serving' as const, startedAt: T0 + 28 * MIN },
      expected: [],
    },
  ])('a ticket $label → $expected', ({ ticket, expected }) => {
    expect(
      kinds(situation({ tickets: [aTicket({ id: 't', serviceId: 'svc-a', ...ticket })] })),
    ).toEqual(expected);
  });

  it('flags overdue cases, support tasks and follow-ups, not closed or future ones', () => {
    const due = (dueAt: number) => ({ dueAt });
    const s = situation({
      cases: [
        {
          id: 'c-late',
          state: 'open',
          ownerStaffId: 'c1',
          ticketId: null,
          ...due(T0),
        } as unknown as Case,
        {
          id: 'c-done',
          state: 'closed',
          ownerStaffId: 'c1',
          ticketId: null,
          ...due(T0),
        } as unknown as Case,
        {
          id: 'c-later',
          state: 'open',
          ownerStaffId: 'c1',
          ticketId: null,
          ...due(T0 + 60 * MIN),
        } as unknown as Case,
      ],
      tasks: [
        {
          id: 'k-late',
          state: 'accepted',
          ownerStaffId: 'c1',
          ...due(T0),
        } as unknown as SupportTask,
        { id: 'k-done', state: 'done', ownerStaffId: 'c1', ...due(T0) } as unknown as SupportTask,
      ],
      followUps: [
        { id: 'f-late', state: 'open', assigneeStaffId: 'c2', ...due(T0) } as unknown as FollowUp,
      ],
    });
    expect(kinds(s)).toEqual([
      'case_overdue:c-late',
      'case_due_soon:c-later', // due within a day: the warning before the limit
      'task_overdue:k-late',
      'follow_up_overdue:f-late',
    ]);
  });

  it('flags a device off the network past the grace, and a service nobody serves', () => {
    const s = situation({
      offlineSince: new Map([
        ['dev-display-1', T0 + 20 * MIN],
        ['dev-pad-1', T0 + 29 * MIN],
      ]),
      counters: [aCounter({ id: 'ctr-1', state: 'paused', serviceIds: ['svc-a'] })],
      tickets: [
        aTicket({ id: 't', serviceId: 'svc-a', state: 'waiting', queuedAt: T0 + 29 * MIN }),
      ],
    });
    expect(kinds(s)).toEqual(['device_offline:dev-display-1', 'service_unstaffed:svc-a']);
  });
});

describe('承诺: the owner’s warning at the share, the alert at the limit', () => {
  const HOUR = 60 * MIN;
  const promise = {
    timeZone: 'Asia/Shanghai',
    businessHours: null,
    promiseWarnPercent: 50,
    caseClock: new Map([['ct-repair', 'calendar' as const]]),
    taskClock: 'calendar' as const,
  };
  const task = {
    id: 'task',
    state: 'open',
    ownerStaffId: 'c1',
    ticketId: null,
    createdAt: T0,
    dueAt: T0 + 10 * HOUR,
  } as unknown as SupportTask;
  const kase = {
    id: 'case',
    state: 'open',
    ownerStaffId: 'c1',
    ticketId: null,
    caseTypeId: 'ct-repair',
    openedAt: T0,
    dueAt: T0 + 10 * HOUR,
  } as unknown as Case;
  it.each([
    { at: T0 + 4 * HOUR, expected: [] },
    { at: T0 + 5 * HOUR, expected: ['case_due_soon:case', 'task_due_soon:task'] },
    { at: T0 + 10 * HOUR, expected: ['case_due_soon:case', 'task_due_soon:task'] },
    { at: T0 + 10 * HOUR + 1, expected: ['case_overdue:case', 'task_overdue:task'] },
  ])('at T0 + $at ms → $expected', ({ at, expected }) => {
    expect(kinds(situation({ now: at, cases: [kase], tasks: [task], promise }))).toEqual(expected);
  });
  it('without the promise setting a task is only alerted at its limit (as before)', () => {
    expect(kinds(situation({ now: T0 + 9 * HOUR, tasks: [task] }))).toEqual([]);
  });
});
