import type { Db } from './db';
import { recordTable } from './record-table';
import { displayLayouts } from './records';

/** The displays' chosen layouts, one per display device. */
export function createDisplayLayoutsRepo(db: Db) {
  const table = recordTable(db, displayLayouts);
  return {
    byDevice: table.byKey,
    all: table.select('ORDER BY device_id'),
    changedSince: table.changedSince,
    save: table.save,
  };
}
