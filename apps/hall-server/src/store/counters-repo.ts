import type { Db } from './db';
import { recordTable } from './record-table';
import { counters } from './records';

export function createCountersRepo(db: Db) {
  const table = recordTable(db, counters);
  return {
    all: table.select('ORDER BY number'),
    byId: table.byKey,
    byStaff: table.first<[string]>('WHERE staff_id = ?'),
    changedSince: table.changedSince,
    save: table.save,
  };
}
export type CountersRepo = ReturnType<typeof createCountersRepo>;
