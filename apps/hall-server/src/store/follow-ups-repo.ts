import type { Db } from './db';
import { recordTable } from './record-table';
import { followUps } from './records';

/** Follow-ups, closed with what was done. */
export function createFollowUpsRepo(db: Db) {
  const table = recordTable(db, followUps);
  return {
    byId: table.byKey,
    changedSince: table.changedSince,
    save: table.save,
    openAssignedTo: table.select<[string]>(
      "WHERE assignee_staff_id = ? AND state = 'open' ORDER BY due_at",
    ),
    /** Open, or closed since `from`. */
    current: table.select<[number]>("WHERE state = 'open' OR closed_at >= ? ORDER BY created_at"),
  };
}
