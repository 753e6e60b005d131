import type { Db } from './db';
import { recordTable } from './record-table';
import { evaluations } from './records';

// "Current" lists (here and in the other work repositories) are what a snapshot shows:
// everything still open, and what closed since the start of the business day (`from`).

/** The pads' questions after a finished service. */
export function createEvaluationsRepo(db: Db) {
  const table = recordTable(db, evaluations);
  const byTicket = table.first<[string]>('WHERE ticket_id = ?');
  const anyDue = db
    .prepare<[number], 1>(
      "SELECT 1 FROM evaluations WHERE state = 'pending' AND deadline_at < ? LIMIT 1",
    )
    .pluck();
  const padAt = db
    .prepare<[string], 1>(
      "SELECT 1 FROM devices WHERE kind = 'pad' AND counter_id = ? AND revoked_at IS NULL LIMIT 1",
    )
    .pluck();
  return {
    byId: table.byKey,
    changedSince: table.changedSince,
    save: table.save,
    byTicket,
    /** Whether a counter has an evaluation pad in service to ask the question. */
    counterHasPad: (counterId: string) => padAt.get(counterId) !== undefined,
    pendingAtCounter: table.select<[string]>("WHERE state = 'pending' AND counter_id = ?"),
    /** Pending past their deadline at `now`: to record as not rated. */
    due: table.select<[number]>("WHERE state = 'pending' AND deadline_at < ? ORDER BY deadline_at"),
    anyDue: (now: number) => anyDue.get(now) !== undefined,
    /** Still pending, or created since `from`. */
    current: table.select<[number]>(
      "WHERE state = 'pending' OR created_at >= ? ORDER BY created_at",
    ),
  };
}
