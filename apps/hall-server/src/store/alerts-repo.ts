import type { Db } from './db';
import { recordTable } from './record-table';
import { alerts } from './records';

/** Alerts for the duty leader's console. */
export function createAlertsRepo(db: Db) {
  const table = recordTable(db, alerts);
  return {
    byId: table.byKey,
    changedSince: table.changedSince,
    save: table.save,
    /** Unacknowledged, or raised since `from`. */
    current: table.select<[number]>(
      'WHERE acknowledged_at IS NULL OR created_at >= ? ORDER BY created_at',
    ),
  };
}
