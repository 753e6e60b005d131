import {
  DEFAULT_TASK_PROMISE,
  promiseStage,
  promiseWarnAt,
  type Case,
  type PromiseChange,
  type PromiseStage,
  type Snapshot,
  type SupportTask,
} from '@onestop/shared';

// 承诺 on the owner's list: each open case and support task with its promise, where it stands
// (on time, warning, overdue; by the same rule as the hall's alerts) and whether it was re-set;
// the one list sorted by what is due first.

export interface PromiseItem {
  kind: 'case' | 'task';
  id: string;
  /** The case number, or the task's text. */
  label: string;
  caseTypeId: string | null;
  dueAt: number;
  promisedAt: number;
  stage: PromiseStage;
  changes: readonly PromiseChange[];
}

function config(hall: Snapshot) {
  return {
    timeZone: hall.config.timeZone,
    businessHours: hall.config.businessHours,
    promiseWarnPercent: hall.config.promiseWarnPercent,
    caseWarning: hall.config.caseWarning,
  };
}

export function casePromise(hall: Snapshot, c: Case, now: number): PromiseItem {
  const type = hall.caseTypes.find((t) => t.id === c.caseTypeId);
  const clock = type?.promise.clock ?? 'calendar';
  const warnAt = promiseWarnAt(
    { kind: 'case', start: c.openedAt, dueAt: c.dueAt, clock },
    config(hall),
  );
  return {
    kind: 'case',
    id: c.id,
    label: c.number,
    caseTypeId: c.caseTypeId,
    dueAt: c.dueAt,
    promisedAt: c.promisedAt,
    stage: promiseStage(c.dueAt, warnAt, now),
    changes: c.promiseChanges,
  };
}

export function taskPromise(hall: Snapshot, t: SupportTask, now: number): PromiseItem {
  const clock = (hall.config.taskPromise ?? DEFAULT_TASK_PROMISE).clock;
  const warnAt = promiseWarnAt(
    { kind: 'task', start: t.createdAt, dueAt: t.dueAt, clock },
    config(hall),
  );
  return {
    kind: 'task',
    id: t.id,
    label: t.text,
    caseTypeId: null,
    dueAt: t.dueAt,
    promisedAt: t.promisedAt,
    stage: promiseStage(t.dueAt, warnAt, now),
    changes: t.promiseChanges,
  };
}

/** The owner's open cases and waiting support tasks, what is due first at the top. */
export function promisesOf(hall: Snapshot, ownerId: string, now: number): PromiseItem[] {
  const cases = hall.cases
    .filter((c) => c.ownerStaffId === ownerId && c.state === 'open')
    .map((c) => casePromise(hall, c, now));
  const tasks = hall.tasks
    .filter((t) => t.ownerStaffId === ownerId && (t.state === 'open' || t.state === 'accepted'))
    .map((t) => taskPromise(hall, t, now));
  return [...cases, ...tasks].sort((a, b) => a.dueAt - b.dueAt || a.id.localeCompare(b.id));
}
