import type { Db } from './db';
import { recordTable } from './record-table';
import { handovers } from './records';

/** Shift handovers: the items move to the receiver when they acknowledge. */
export function createHandoversRepo(db: Db) {
  const table = recordTable(db, handovers);
  return {
    byId: table.byKey,
    changedSince: table.changedSince,
    save: table.save,
    pendingFrom: table.first<[string]>("WHERE from_staff_id = ? AND state = 'pending'"),
    /** Pending, or made since `from`. */
    current: table.select<[number]>(
      "WHERE state = 'pending' OR created_at >= ? ORDER BY created_at",
    ),
    /** Made in [from, until), of one staff member (giver or receiver) or of all; newest first. */
    between: table.select<[{ from: number; until: number; staffId: string | null }]>(
      `WHERE created_at >= @from AND created_at < @until
      AND (@staffId IS NULL OR from_staff_id = @staffId OR to_staff_id = @staffId)
      ORDER BY created_at DESC LIMIT 500`,
    ),
  };
}
