// Which hall tables go up to the regional center, how each is read "since a cursor", and which
// business day each row belongs to (the center partitions by it, so it must never change for a
// record: it comes from a column written once). Each record kind declares its own rule
// (store/records/). A table listed here that does not exist yet in this database is simply
// skipped, and flows up as soon as a migration creates it; columns are read from the table
// itself, so new columns flow up too.

import type { DayRule, SyncRule } from '../store/record-kind';
import { RECORD_KINDS } from '../store/records';

export type { DayRule };

export interface SyncTableSpec extends SyncRule {
  table: string;
  /**
   * `versioned`: keyed by `id`, rewritten with the `change_seq` of each command that changes it.
   * `append-only`: rows are only ever added (triggers refuse the rest); read by row number.
   */
  kind: 'versioned' | 'append-only';
}

/** The record kinds that go up (store/records/ declares each one's rule), in sending order. */
export const SYNC_TABLES: readonly SyncTableSpec[] = RECORD_KINDS.flatMap(
  ({ table, kind, sync }) => (sync === 'hall-local' ? [] : [{ table, kind, ...sync }]),
);

/** A spec found in this database, with the columns to send. */
export interface SyncTable extends SyncTableSpec {
  columns: string[];
}

/**
 * Keeps the specs whose table exists with the columns the spec relies on; `describe` gives a
 * table's columns, or null when there is no such table.
 */
export function resolveTables(
  specs: readonly SyncTableSpec[],
  describe: (table: string) => string[] | null,
): { tables: SyncTable[]; skipped: { table: string; why: string }[] } {
  const tables: SyncTable[] = [];
  const skipped: { table: string; why: string }[] = [];
  for (const spec of specs) {
    const columns = describe(spec.table);
    if (!columns) {
      skipped.push({ table: spec.table, why: 'no such table yet' });
      continue;
    }
    const needed = [
      spec.day.column,
      ...(spec.kind === 'versioned' ? ['id', 'change_seq'] : []),
    ].filter((c) => !columns.includes(c));
    if (needed.length > 0) {
      skipped.push({ table: spec.table, why: `missing column(s) ${needed.join(', ')}` });
      continue;
    }
    const omit = new Set(spec.omit ?? []);
    tables.push({ ...spec, columns: columns.filter((c) => !omit.has(c)) });
  }
  return { tables, skipped };
}
