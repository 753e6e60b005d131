import type { SupportTask } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { supportTask } from '../../test-support/work-records';
import { answeredFirst, tasksAsked, tasksForBackOffice } from './task-lists';

// The support tasks on both sides: the first handler's (mine/) and the back office's (service/).

const tz = 'Asia/Shanghai';
// 2026-11-24 10:00 in Shanghai.
const now = Date.UTC(2026, 10, 24, 2, 0);
const hour = 3_600_000;

const task = (id: string, over: Partial<SupportTask> = {}) =>
  supportTask(id, {
    ownerStaffId: 'clerk-1',
    dueAt: now + hour,
    createdAt: now - hour,
    updatedAt: now,
    ...over,
  });

const tasks = [
  task('later', { dueAt: now + 48 * hour }),
  task('overdue', { dueAt: now - hour }),
  task('accepted-by-me', { state: 'accepted', assigneeStaffId: 'back-1' }),
  task('accepted-by-other', { state: 'accepted', assigneeStaffId: 'back-2', dueAt: now - hour }),
  task('answered-early', { state: 'done', closedAt: now - 3 * hour }),
  task('answered-late', { state: 'done', closedAt: now - hour }),
  task('withdrawn', { state: 'cancelled', closedAt: now }),
  task('other-clerk', { ownerStaffId: 'clerk-2', dueAt: now - 2 * hour }),
];
const ids = (list: SupportTask[]) => list.map((x) => x.id);

describe('answeredFirst', () => {
  it('lists only answered tasks, the newest answer first', () => {
    expect(ids(answeredFirst(tasks))).toEqual(['answered-late', 'answered-early']);
  });
});

describe('tasksAsked', () => {
  it.each([
    {
      owner: 'clerk-1',
      waiting: ['overdue', 'accepted-by-other', 'accepted-by-me', 'later'],
      answered: ['answered-late', 'answered-early'],
    },
    { owner: 'clerk-2', waiting: ['other-clerk'], answered: [] },
    { owner: 'nobody', waiting: [], answered: [] },
  ])('$owner: waiting by urgency, answered newest first', ({ owner, waiting, answered }) => {
    const lists = tasksAsked(tasks, owner, now, tz);
    expect(ids(lists.waiting)).toEqual(waiting);
    expect(ids(lists.answered)).toEqual(answered);
  });
});

describe('tasksForBackOffice', () => {
  it.each([
    { me: 'back-1', accepted: ['accepted-by-me'] },
    { me: 'back-2', accepted: ['accepted-by-other'] },
    { me: 'back-3', accepted: [] },
  ])('$me: incoming for all, accepted only their own', ({ me, accepted }) => {
    const lists = tasksForBackOffice(tasks, me, now, tz);
    expect(ids(lists.incoming)).toEqual(['other-clerk', 'overdue', 'later']);
    expect(ids(lists.accepted)).toEqual(accepted);
    expect(ids(lists.answered)).toEqual(['answered-late', 'answered-early']);
  });
});
