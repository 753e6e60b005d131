import type { Alert, Case, FollowUp, Staff, SupportTask } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { ticket } from '../../../test-support/fixtures';
import { supportTask } from '../../../test-support/work-records';
import { hasAnythingToHand, leftAtSignOff, type SignOffView } from './left-at-sign-off';

// What the sign-off screen lists before the server is asked: a clerk's own items to hand over,
// the cases kept over the night, and for a duty leader the desk's follow-ups and open alerts.

const tz = 'Asia/Shanghai';
// 2026-11-24 10:00 in Shanghai.
const now = Date.UTC(2026, 10, 24, 2, 0);
const day = 24 * 3_600_000;
const ME = 'stf-me';

const staff = (roles: Staff['roles']): Staff => ({
  id: ME,
  staffNo: '1001',
  name: '王芳',
  roles,
  photoUrl: null,
  active: true,
  changeSeq: 1,
});

const aCase = (id: string, dueAt: number, over: Partial<Case> = {}): Case => ({
  id,
  number: `20261124-${id}`,
  caseTypeId: 'ct-1',
  ticketId: null,
  ownerStaffId: ME,
  customer: { phone: null, accountNo: null, name: null },
  summary: `case ${id}`,
  state: 'open',
  steps: [],
  openedAt: now - day,
  dueAt,
  promisedAt: dueAt,
  promiseChanges: [],
  closedAt: null,
  outcome: null,
  result: null,
  updatedAt: now,
  changeSeq: 1,
  ...over,
});

const task = (id: string, over: Partial<SupportTask>) =>
  supportTask(id, {
    ownerStaffId: 'someone',
    dueAt: now + day,
    createdAt: now,
    updatedAt: now,
    ...over,
  });

const followUp = (id: string, assignee: string | null, over: Partial<FollowUp> = {}): FollowUp => ({
  id,
  source: 'dissatisfied',
  ticketId: null,
  alertId: null,
  assigneeStaffId: assignee,
  createdBy: null,
  note: `follow-up ${id}`,
  callbackPhone: null,
  state: 'open',
  dueAt: now + day,
  createdAt: now,
  closedAt: null,
  closedBy: null,
  result: null,
  updatedAt: now,
  changeSeq: 1,
  ...over,
});

const alert = (id: string, kind: Alert['kind'], acknowledgedAt: number | null = null): Alert => ({
  id,
  kind,
  subjectId: null,
  ticketId: null,
  counterId: null,
  staffId: null,
  createdAt: now,
  acknowledgedAt,
  acknowledgedBy: null,
  note: null,
  changeSeq: 1,
});

const empty: SignOffView = {
  config: { timeZone: tz },
  tickets: [],
  cases: [],
  tasks: [],
  followUps: [],
  alerts: [],
};

const hall: SignOffView = {
  ...empty,
  tickets: [
    ticket({ id: 'p1', number: 'A007', state: 'parked', servingStaffId: ME }),
    ticket({ id: 'p2', number: 'A008', state: 'parked', servingStaffId: 'other' }),
    ticket({ id: 's1', number: 'A009', state: 'serving', servingStaffId: ME }),
  ],
  cases: [
    aCase('c-today', now + 3_600_000),
    aCase('c-tomorrow', now + day),
    aCase('c-later', now + 3 * day),
    aCase('c-closed', now + day, { state: 'closed' }),
    aCase('c-other', now + day, { ownerStaffId: 'other' }),
  ],
  tasks: [
    task('t-asked', { ownerStaffId: ME }),
    task('t-asked-accepted', { ownerStaffId: ME, state: 'accepted', assigneeStaffId: 'bo' }),
    task('t-asked-done', { ownerStaffId: ME, state: 'done' }),
    task('t-mine-to-answer', { state: 'accepted', assigneeStaffId: ME }),
    task('t-others', { state: 'accepted', assigneeStaffId: 'bo' }),
  ],
  followUps: [
    followUp('f-mine', ME),
    followUp('f-desk', null),
    followUp('f-desk-closed', null, { state: 'closed' }),
  ],
  alerts: [
    alert('a1', 'wait_over_target'),
    alert('a2', 'wait_over_target'),
    alert('a3', 'case_overdue'),
    alert('a4', 'case_overdue', now),
  ],
};

const kinds = (items: { kind: string; id: string }[]) => items.map((i) => `${i.kind}:${i.id}`);

describe('leftAtSignOff', () => {
  it('lists a clerk’s own items: parked visits, cases due by tomorrow, tasks, follow-ups', () => {
    const left = leftAtSignOff(hall, staff(['clerk']), now);
    expect(kinds(left.own)).toEqual([
      'ticket:p1',
      'case:c-today',
      'case:c-tomorrow',
      'requested_task:t-asked',
      'requested_task:t-asked-accepted',
      'accepted_task:t-mine-to-answer',
      'follow_up:f-mine',
    ]);
    expect(kinds(left.kept)).toEqual(['case:c-later']);
    expect(left.deskFollowUps).toEqual([]);
    expect(left.alerts).toEqual([]);
    expect(hasAnythingToHand(left)).toBe(true);
  });

  it('adds, for a duty leader, the follow-ups nobody has and the open alerts by kind', () => {
    const left = leftAtSignOff(hall, staff(['clerk', 'duty_leader']), now);
    expect(left.deskFollowUps.map((f) => f.id)).toEqual(['f-desk']);
    expect(left.alerts).toEqual([
      { kind: 'wait_over_target', count: 2 },
      { kind: 'case_overdue', count: 1 },
    ]);
  });

  it.each([
    ['nothing at all', empty, ['clerk'], false],
    [
      'only a case kept over the night',
      { ...empty, cases: [aCase('c', now + 3 * day)] },
      ['clerk'],
      false,
    ],
    ['a parked visit', { ...empty, tickets: [hall.tickets[0]!] }, ['clerk'], true],
    [
      'an open alert, for a clerk',
      { ...empty, alerts: [alert('a', 'wait_over_target')] },
      ['clerk'],
      false,
    ],
    [
      'an open alert, for a duty leader',
      { ...empty, alerts: [alert('a', 'wait_over_target')] },
      ['duty_leader'],
      true,
    ],
    [
      'a desk follow-up, for a duty leader',
      { ...empty, followUps: [followUp('f', null)] },
      ['duty_leader'],
      true,
    ],
  ] satisfies [string, SignOffView, Staff['roles'], boolean][])(
    '%s: anything to hand → %s',
    (_, view, roles, anything) => {
      expect(hasAnythingToHand(leftAtSignOff(view, staff(roles), now))).toBe(anything);
    },
  );
});
