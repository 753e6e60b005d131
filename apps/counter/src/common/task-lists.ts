import type { SupportTask } from '@onestop/shared';
import { byUrgency } from './due-status';

// The support tasks as the two sides list them: the first handler (mine/) sees the ones they
// asked, the back office (service/) the ones that came in and the ones it accepted. Both list
// the answered ones newest first and the rest by urgency.

/** Answered tasks, the newest answer first. */
export function answeredFirst(tasks: readonly SupportTask[]): SupportTask[] {
  return tasks
    .filter((x) => x.state === 'done')
    .sort((a, b) => (b.closedAt ?? 0) - (a.closedAt ?? 0));
}

/** A first handler's tasks: those still waiting for an answer (by urgency), and the answered. */
export function tasksAsked(
  tasks: readonly SupportTask[],
  ownerId: string,
  now: number,
  timeZone: string,
) {
  const mine = tasks.filter((x) => x.ownerStaffId === ownerId);
  return {
    waiting: byUrgency(
      mine.filter((x) => x.state === 'open' || x.state === 'accepted'),
      now,
      timeZone,
    ),
    answered: answeredFirst(mine),
  };
}

/** The back office's lists: come in (nobody's yet), accepted by me, and answered by anyone. */
export function tasksForBackOffice(
  tasks: readonly SupportTask[],
  meId: string,
  now: number,
  timeZone: string,
) {
  return {
    incoming: byUrgency(
      tasks.filter((x) => x.state === 'open'),
      now,
      timeZone,
    ),
    accepted: byUrgency(
      tasks.filter((x) => x.state === 'accepted' && x.assigneeStaffId === meId),
      now,
      timeZone,
    ),
    answered: answeredFirst(tasks),
  };
}
