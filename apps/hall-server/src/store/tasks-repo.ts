import type { Db } from './db';
import { recordTable } from './record-table';
import { tasks } from './records';

/** Support tasks: a first handler asks the service post; the answer comes back. */
export function createTasksRepo(db: Db) {
  const table = recordTable(db, tasks);
  return {
    byId: table.byKey,
    changedSince: table.changedSince,
    save: table.save,
    openOwnedBy: table.select<[string]>(
      "WHERE owner_staff_id = ? AND state IN ('open', 'accepted') ORDER BY due_at",
    ),
    acceptedBy: table.select<[string]>(
      "WHERE assignee_staff_id = ? AND state = 'accepted' ORDER BY due_at",
    ),
    /** Open or accepted, or closed since `from`. */
    current: table.select<[number]>(
      "WHERE state IN ('open', 'accepted') OR closed_at >= ? ORDER BY created_at",
    ),
  };
}
