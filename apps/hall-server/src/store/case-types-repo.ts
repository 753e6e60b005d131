import type { Db } from './db';
import { recordTable } from './record-table';
import { caseTypes } from './records';

/** The hall's case types (configuration): their steps and time limits. */
export function createCaseTypesRepo(db: Db) {
  const table = recordTable(db, caseTypes);
  return {
    byId: table.byKey,
    changedSince: table.changedSince,
    save: table.save,
    all: table.select('ORDER BY sort_order, id'),
  };
}
