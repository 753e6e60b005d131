import type { Case, Snapshot, SupportTask } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { promisesOf } from './promise-view';

const H = 3_600_000;
const hall = (cases: Partial<Case>[], tasks: Partial<SupportTask>[]): Snapshot =>
  ({
    config: { timeZone: 'Asia/Shanghai', businessHours: null, promiseWarnPercent: 50 },
    caseTypes: [{ id: 'ct', promise: { amount: 10, unit: 'hours', clock: 'calendar' } }],
    cases: cases.map((c) => ({
      ownerStaffId: 'me',
      state: 'open',
      caseTypeId: 'ct',
      openedAt: 0,
      promiseChanges: [],
      ...c,
    })),
    tasks: tasks.map((t) => ({
      ownerStaffId: 'me',
      state: 'open',
      createdAt: 0,
      promiseChanges: [],
      ...t,
    })),
  }) as unknown as Snapshot;

describe('the owner’s promises, what is due first', () => {
  it('sorts cases and tasks together by due time and names each stage', () => {
    const h = hall(
      [
        { id: 'c-late', number: '001', dueAt: 2 * H, promisedAt: 2 * H },
        { id: 'c-later', number: '002', dueAt: 20 * H, promisedAt: 20 * H },
        { id: 'c-other', number: '003', dueAt: H, ownerStaffId: 'someone' },
        { id: 'c-closed', number: '004', dueAt: H, state: 'closed' },
      ],
      [
        { id: 't-warn', text: 'ask', dueAt: 6 * H, promisedAt: 6 * H },
        { id: 't-done', text: 'done', dueAt: H, state: 'done' },
      ],
    );
    expect(promisesOf(h, 'me', 4 * H).map((p) => `${p.id}:${p.stage}`)).toEqual([
      'c-late:overdue',
      't-warn:warning',
      'c-later:on_time',
    ]);
  });
});
