import {
  addDays,
  type SyncCursor,
  type SyncDigest,
  type SyncRow,
  type SyncValue,
} from '@onestop/shared';
import { businessDayOf, startOfBusinessDay } from '../domain/business-day';
import type { Db } from '../store/db';
import { lastRowAtOrBefore, wirePosition } from './cursor';
import { digestBuilder } from './digest';
import { SYNC_TABLES, resolveTables, type SyncTable, type SyncTableSpec } from './table-specs';

// Reads what goes up to the center from the hall database: rows after a cursor, up to the
// run's upper bound, as wire rows; and per-day digests for reconciliation. Read-only.

/** A row of a synced table as read: those tables hold text, integers and nulls (no blobs). */
type Raw = Record<string, SyncValue>;

/** What a run sends at most: what was committed when it started. */
export interface RunBounds {
  /** The hall's change sequence number: versioned rows up to it. */
  seq: number;
  /** Per append-only table, its last row number. */
  rows: Record<string, number>;
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function createSyncReader(
  db: Db,
  options: { timeZone: string; specs?: readonly SyncTableSpec[] },
) {
  const { timeZone } = options;
  const describe = (table: string): string[] | null => {
    const exists = db
      .prepare<[string], 1>("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?")
      .get(table);
    if (!exists) return null;
    return db
      .prepare<[], { name: string }>(`PRAGMA table_info(${quote(table)})`)
      .all()
      .map((c) => c.name);
  };
  const { tables, skipped } = resolveTables(options.specs ?? SYNC_TABLES, describe);
  const restorePoints = db
    .prepare<[string], number>(
      'SELECT boundary FROM sync_restore_points WHERE source_table = ? ORDER BY boundary',
    )
    .pluck();
  const boundariesOf = (table: string): number[] => restorePoints.all(table);
  /** A statement over one table's rows, as synced values. */
  const rowsOf = (sql: string) => db.prepare<unknown[], Raw>(sql);
  const countOf = (sql: string) => db.prepare<unknown[], number>(sql).pluck();

  const columnList = (t: SyncTable) => t.columns.map((c) => `t.${quote(c)}`).join(', ');
  const dayColumn = (t: SyncTable) =>
    t.day.kind === 'ticket'
      ? `, (SELECT business_day FROM tickets WHERE id = t.${quote(t.day.column)}) AS __day`
      : '';

  function dayOf(t: SyncTable, raw: Raw): string {
    switch (t.day.kind) {
      case 'column':
        return String(raw[t.day.column]);
      case 'time':
        return businessDayOf(Number(raw[t.day.column]), timeZone);
      case 'ticket':
        return String(raw.__day);
    }
  }

  function toRow(t: SyncTable, raw: Raw, boundaries: number[]): SyncRow {
    const d: SyncRow['d'] = {};
    for (const c of t.columns) d[c] = raw[c] ?? null;
    return t.kind === 'versioned'
      ? { t: t.table, id: String(raw.id), day: dayOf(t, raw), v: Number(raw.change_seq), d }
      : {
          t: t.table,
          id: String(wirePosition(Number(raw.__rowid), boundaries)),
          day: dayOf(t, raw),
          v: 0,
          d,
        };
  }

  /** The rows after `after`, in cursor order, at most `limit`, none past the run's bounds. */
  function page(
    t: SyncTable,
    after: SyncCursor,
    bounds: RunBounds,
    limit: number,
  ): { rows: SyncRow[]; cursor: SyncCursor | null } {
    if (t.kind === 'versioned') {
      const raws = rowsOf(
        `SELECT ${columnList(t)}${dayColumn(t)} FROM ${quote(t.table)} t
           WHERE (t.change_seq > ? OR (t.change_seq = ? AND t.id > ?)) AND t.change_seq <= ?
           ORDER BY t.change_seq, t.id LIMIT ?`,
      ).all(after.pos, after.pos, after.key, bounds.seq, limit);
      const rows = raws.map((r) => toRow(t, r, []));
      const last = rows[rows.length - 1];
      return { rows, cursor: last ? { pos: last.v, key: last.id } : null };
    }
    const boundaries = boundariesOf(t.table);
    const raws = rowsOf(
      `SELECT t.rowid AS __rowid, ${columnList(t)}${dayColumn(t)} FROM ${quote(t.table)} t
         WHERE t.rowid > ? AND t.rowid <= ? ORDER BY t.rowid LIMIT ?`,
    ).all(lastRowAtOrBefore(after.pos, boundaries), bounds.rows[t.table] ?? 0, limit);
    const rows = raws.map((r) => toRow(t, r, boundaries));
    const last = rows[rows.length - 1];
    return { rows, cursor: last ? { pos: Number(last.id), key: '' } : null };
  }

  /** How many rows are after `after`, within the run's bounds. */
  function pending(t: SyncTable, after: SyncCursor, bounds: RunBounds): number {
    if (t.kind === 'versioned') {
      return (
        countOf(
          `SELECT count(*) FROM ${quote(t.table)} t
           WHERE (t.change_seq > ? OR (t.change_seq = ? AND t.id > ?)) AND t.change_seq <= ?`,
        ).get(after.pos, after.pos, after.key, bounds.seq) ?? 0
      );
    }
    const from = lastRowAtOrBefore(after.pos, boundariesOf(t.table));
    return (
      countOf(`SELECT count(*) FROM ${quote(t.table)} WHERE rowid > ? AND rowid <= ?`).get(
        from,
        bounds.rows[t.table] ?? 0,
      ) ?? 0
    );
  }

  function bounds(): RunBounds {
    const rows: Record<string, number> = {};
    for (const t of tables) {
      if (t.kind !== 'append-only') continue;
      rows[t.table] = countOf(`SELECT max(rowid) FROM ${quote(t.table)}`).get() ?? 0;
    }
    const seq = countOf('SELECT seq FROM hall_state WHERE id = 1').get() ?? 0;
    return { seq, rows };
  }

  /** Every row of one table on one business day (for a re-send), as wire rows. */
  function rowsOfDay(t: SyncTable, day: string, bounds: RunBounds): SyncRow[] {
    const boundaries = t.kind === 'append-only' ? boundariesOf(t.table) : [];
    const rowid = t.kind === 'append-only' ? 't.rowid AS __rowid, ' : '';
    const { where, params } = dayFilter(t, day, bounds);
    const raws = rowsOf(
      `SELECT ${rowid}${columnList(t)}${dayColumn(t)} FROM ${quote(t.table)} t ${where}`,
    ).all(...params);
    return raws.map((r) => toRow(t, r, boundaries));
  }

  /**
   * A table's rows of one day. Append-only rows stop at the run's bounds: the run itself adds
   * audit rows as it goes, which the next run sends (versioned rows are taken as they are now;
   * one changed meanwhile is re-sent, and the center keeps the newer version).
   */
  function dayFilter(
    t: SyncTable,
    day: string,
    bounds: RunBounds,
  ): { where: string; params: unknown[] } {
    const c = `t.${quote(t.day.column)}`;
    const [where, params]: [string, unknown[]] =
      t.day.kind === 'column'
        ? [`${c} = ?`, [day]]
        : t.day.kind === 'time'
          ? [
              `${c} >= ? AND ${c} < ?`,
              [startOfBusinessDay(day, timeZone), startOfBusinessDay(addDays(day, 1), timeZone)],
            ]
          : [`${c} IN (SELECT id FROM tickets WHERE business_day = ?)`, [day]];
    return t.kind === 'append-only'
      ? { where: `WHERE ${where} AND t.rowid <= ?`, params: [...params, bounds.rows[t.table] ?? 0] }
      : { where: `WHERE ${where}`, params };
  }

  /** Count and checksum of every table on each of `days` (zero digests included). */
  function digests(
    days: readonly string[],
    bounds: RunBounds,
  ): Map<string, Map<string, SyncDigest>> {
    const out = new Map<string, Map<string, SyncDigest>>();
    for (const day of days) {
      const perTable = new Map<string, SyncDigest>();
      for (const t of tables) {
        const builder = digestBuilder();
        const { where, params } = dayFilter(t, day, bounds);
        const boundaries = t.kind === 'append-only' ? boundariesOf(t.table) : [];
        const select =
          t.kind === 'versioned' ? 't.id AS id, t.change_seq AS v' : 't.rowid AS rowid, 0 AS v';
        const statement = rowsOf(`SELECT ${select} FROM ${quote(t.table)} t ${where}`);
        for (const r of statement.iterate(...params)) {
          const id =
            t.kind === 'versioned'
              ? String(r.id)
              : String(wirePosition(Number(r.rowid), boundaries));
          builder.add(id, Number(r.v));
        }
        perTable.set(t.table, builder.digest());
      }
      out.set(day, perTable);
    }
    return out;
  }

  /** The hall's first business day with tickets, or null. */
  function firstDay(): string | null {
    return (
      db.prepare<[], string | null>('SELECT min(business_day) FROM tickets').pluck().get() ?? null
    );
  }

  return { tables, skipped, page, pending, bounds, rowsOfDay, digests, firstDay };
}

export type SyncReader = ReturnType<typeof createSyncReader>;
