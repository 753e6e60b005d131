// Which hall tables go up to the regional center, how each is read "since a cursor", and which
// business day each row belongs to (the center partitions by it, so it must never change for a
// record: it comes from a column written once). A table listed here that does not exist yet in
// this database is simply skipped, and flows up as soon as a migration creates it; columns are
// read from the table itself, so new columns flow up too.

/** How a row's business day is found. */
export type DayRule =
  /** A `YYYY-MM-DD` business-day column. */
  | { kind: 'column'; column: string }
  /** An epoch-ms column written once (created at, started at): its local date in the hall. */
  | { kind: 'time'; column: string }
  /** The business day of the ticket whose id is in `column`. */
  | { kind: 'ticket'; column: string };

export interface SyncTableSpec {
  table: string;
  /**
   * `versioned`: keyed by `id`, rewritten with the `change_seq` of each command that changes it.
   * `append-only`: rows are only ever added (triggers refuse the rest); read by row number.
   */
  kind: 'versioned' | 'append-only';
  day: DayRule;
  /** Columns never sent: secrets that have no business leaving the hall. */
  omit?: readonly string[];
}

export const SYNC_TABLES: readonly SyncTableSpec[] = [
  { table: 'tickets', kind: 'versioned', day: { kind: 'column', column: 'business_day' } },
  {
    table: 'ticket_transitions',
    kind: 'append-only',
    day: { kind: 'ticket', column: 'ticket_id' },
  },
  { table: 'evaluations', kind: 'versioned', day: { kind: 'ticket', column: 'ticket_id' } },
  { table: 'alerts', kind: 'versioned', day: { kind: 'time', column: 'created_at' } },
  { table: 'opinions', kind: 'versioned', day: { kind: 'time', column: 'created_at' } },
  { table: 'appointments', kind: 'versioned', day: { kind: 'time', column: 'created_at' } },
  // A case's steps are part of the case record (a JSON column), so they travel with it.
  { table: 'cases', kind: 'versioned', day: { kind: 'time', column: 'opened_at' } },
  { table: 'tasks', kind: 'versioned', day: { kind: 'time', column: 'created_at' } },
  { table: 'follow_ups', kind: 'versioned', day: { kind: 'time', column: 'created_at' } },
  { table: 'handovers', kind: 'versioned', day: { kind: 'time', column: 'created_at' } },
  {
    table: 'staff_sessions',
    kind: 'versioned',
    day: { kind: 'time', column: 'started_at' },
    omit: ['token_hash'],
  },
  { table: 'audit_log', kind: 'append-only', day: { kind: 'time', column: 'at' } },
];

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
