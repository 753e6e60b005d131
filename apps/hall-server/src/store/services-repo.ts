import type { Db } from './db';
import { recordTable } from './record-table';
import { services } from './records';

export function createServicesRepo(db: Db) {
  const table = recordTable(db, services);
  return {
    all: table.select('ORDER BY sort_order, prefix'),
    byId: table.byKey,
    changedSince: table.changedSince,
    save: table.save,
  };
}
export type ServicesRepo = ReturnType<typeof createServicesRepo>;
