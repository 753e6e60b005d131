import type { Case, FollowUp, SupportTask } from '@onestop/shared';
import { endOfDayAfter } from './due';
import { accept, reject, type Result } from './result';

// Support tasks (内部联系单) from a first handler to the service post, and follow-ups closed
// with what was done. The asker owns a task and receives its answer; transfers of work never
// change that owner, only an acknowledged handover does.

const MAX_AHEAD_MS = 90 * 86_400_000;

function dueInFuture(dueAt: number, now: number): Result<void> {
  if (dueAt <= now) return reject('invalid_payload', 'dueAt: must be in the future');
  if (dueAt > now + MAX_AHEAD_MS) return reject('invalid_payload', 'dueAt: at most 90 days ahead');
  return accept(undefined);
}

export function createTask(
  input: {
    id: string;
    ownerStaffId: string;
    text: string;
    dueAt: number;
    linkedCase: Case | null;
    ticketId: string | null;
  },
  now: number,
): Result<SupportTask> {
  const due = dueInFuture(input.dueAt, now);
  if (!due.ok) return due;
  const c = input.linkedCase;
  if (c && c.state !== 'open') return reject('invalid_transition', `Case ${c.number} is closed.`);
  if (c && c.ownerStaffId !== input.ownerStaffId) return reject('not_yours', `Case ${c.number}.`);
  return accept({
    id: input.id,
    ownerStaffId: input.ownerStaffId,
    caseId: c?.id ?? null,
    ticketId: input.ticketId ?? c?.ticketId ?? null,
    text: input.text,
    state: 'open',
    assigneeStaffId: null,
    dueAt: input.dueAt,
    promisedAt: input.dueAt,
    promiseChanges: [],
    createdAt: now,
    acceptedAt: null,
    closedAt: null,
    result: null,
    updatedAt: now,
    changeSeq: 0,
  });
}

export function acceptTask(task: SupportTask, staffId: string, now: number): Result<SupportTask> {
  if (task.state !== 'open') {
    return reject('invalid_transition', `The task is ${task.state}; only an open one.`);
  }
  return accept({
    ...task,
    state: 'accepted',
    assigneeStaffId: staffId,
    acceptedAt: now,
    updatedAt: now,
  });
}

export function completeTask(
  task: SupportTask,
  staffId: string,
  result: string,
  now: number,
): Result<SupportTask> {
  if (task.state !== 'accepted') {
    return reject('invalid_transition', `The task is ${task.state}; accept it first.`);
  }
  if (task.assigneeStaffId !== staffId) return reject('not_yours', 'Accepted by someone else.');
  return accept({ ...task, state: 'done', result, closedAt: now, updatedAt: now });
}

export function cancelTask(
  task: SupportTask,
  staffId: string,
  reason: string,
  now: number,
): Result<SupportTask> {
  if (task.ownerStaffId !== staffId) return reject('not_yours', 'Only the task’s owner.');
  if (task.state !== 'open' && task.state !== 'accepted') {
    return reject('invalid_transition', `The task is ${task.state} already.`);
  }
  return accept({ ...task, state: 'cancelled', result: reason, closedAt: now, updatedAt: now });
}

export function createFollowUp(
  input: {
    id: string;
    assigneeStaffId: string;
    createdBy: string;
    note: string;
    ticketId: string | null;
    alertId: string | null;
    /** The visit's callback phone, masked, if it had one. */
    callbackPhone: string | null;
    dueAt: number | undefined;
    timeZone: string;
  },
  now: number,
): Result<FollowUp> {
  if (input.dueAt !== undefined) {
    const due = dueInFuture(input.dueAt, now);
    if (!due.ok) return due;
  }
  return accept(
    openFollowUp(
      {
        id: input.id,
        source: 'duty_leader',
        ticketId: input.ticketId,
        alertId: input.alertId,
        assigneeStaffId: input.assigneeStaffId,
        createdBy: input.createdBy,
        note: input.note,
        callbackPhone: input.callbackPhone,
        dueAt: input.dueAt ?? endOfDayAfter(now, 1, input.timeZone),
      },
      now,
    ),
  );
}

/** A follow-up opened at `now`, not closed: the one shape of a new one (duty leader's or a rating's). */
export function openFollowUp(
  fields: Omit<
    FollowUp,
    'state' | 'createdAt' | 'closedAt' | 'closedBy' | 'result' | 'updatedAt' | 'changeSeq'
  >,
  now: number,
): FollowUp {
  return {
    ...fields,
    state: 'open',
    createdAt: now,
    closedAt: null,
    closedBy: null,
    result: null,
    updatedAt: now,
    changeSeq: 0,
  };
}

export function assignFollowUp(
  f: FollowUp,
  assigneeStaffId: string,
  now: number,
): Result<FollowUp> {
  if (f.state !== 'open') return reject('invalid_transition', 'The follow-up is closed.');
  if (f.assigneeStaffId === assigneeStaffId) {
    return reject('invalid_transition', 'It is assigned to them already.');
  }
  return accept({ ...f, assigneeStaffId, updatedAt: now });
}

/** Its assignee closes it, or the duty leader (who holds the unassigned ones). */
export function closeFollowUp(
  f: FollowUp,
  actor: { staffId: string; isDutyLeader: boolean },
  result: string,
  now: number,
): Result<FollowUp> {
  if (f.state !== 'open') return reject('invalid_transition', 'The follow-up is closed already.');
  if (f.assigneeStaffId !== actor.staffId && !actor.isDutyLeader) {
    return reject('not_yours', 'Only its assignee or the duty leader.');
  }
  return accept({
    ...f,
    state: 'closed',
    result,
    closedAt: now,
    closedBy: actor.staffId,
    updatedAt: now,
  });
}
