import { afterAll, describe, expect, it } from 'vitest';
import { SYNC_TABLES } from '../sync/table-specs';
import { openDatabase } from './db';
import { RECORD_KINDS } from './records';

// The registry (store/records/) and the schema the migrations build say the same: every
// versioned table (one with change_seq) and every append-only table (one whose triggers refuse
// updates) is a declared record kind, each column of its table is a field or a declared local
// column, and nothing is declared that the schema does not have.

const db = openDatabase(':memory:');
afterAll(() => db.close());

const tables = db
  .prepare<[], string>(
    "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  )
  .pluck()
  .all();
const columnsOf = (table: string) =>
  db.prepare<[], { name: string; pk: number }>(`PRAGMA table_info("${table}")`).all();
const appendOnlyTables = db
  .prepare<[], string>(
    "SELECT DISTINCT tbl_name FROM sqlite_schema WHERE type = 'trigger' AND sql LIKE '%BEFORE UPDATE%append-only%' ORDER BY tbl_name",
  )
  .pluck()
  .all();
const versionedTables = tables.filter((t) => columnsOf(t).some((c) => c.name === 'change_seq'));

const declared = (kind: 'versioned' | 'append-only') =>
  RECORD_KINDS.filter((k) => k.kind === kind)
    .map((k) => k.table)
    .sort();

describe('the record registry', () => {
  it('declares every versioned table of the schema, and no other', () => {
    expect(versionedTables.length).toBeGreaterThan(10);
    expect(declared('versioned')).toEqual(versionedTables);
  });

  it('declares every append-only table of the schema, and no other', () => {
    expect(appendOnlyTables).toEqual(['audit_log', 'ticket_transitions']);
    expect(declared('append-only')).toEqual(appendOnlyTables);
  });

  it('declares each table once', () => {
    const names = RECORD_KINDS.map((k) => k.table);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(RECORD_KINDS.map((k) => [k.table, k] as const))(
    '%s: every column is a field or a declared local column, and every field a column',
    (table, kind) => {
      const columns = columnsOf(table).map((c) => c.name);
      // An append-only row's id is its row number, SQLite's; read apart (field.rowId).
      const rowNumber = kind.kind === 'append-only' ? ['id'] : [];
      expect([...kind.codec.columns, ...kind.local, ...rowNumber].sort()).toEqual(
        [...columns].sort(),
      );
    },
  );

  it('keys each versioned kind by its primary key', () => {
    for (const kind of RECORD_KINDS) {
      if (kind.kind !== 'versioned' || !('keyColumn' in kind)) continue;
      const keys = columnsOf(kind.table).filter((c) => c.pk > 0);
      expect(
        keys.map((c) => c.name),
        kind.table,
      ).toEqual([kind.keyColumn]);
    }
  });

  it('sends up the same tables as before, in the same order, by the same rules', () => {
    const time = (column: string) => ({ kind: 'time', column });
    expect(SYNC_TABLES).toEqual([
      { table: 'tickets', kind: 'versioned', day: { kind: 'column', column: 'business_day' } },
      {
        table: 'ticket_transitions',
        kind: 'append-only',
        day: { kind: 'ticket', column: 'ticket_id' },
      },
      { table: 'evaluations', kind: 'versioned', day: { kind: 'ticket', column: 'ticket_id' } },
      { table: 'alerts', kind: 'versioned', day: time('created_at') },
      { table: 'opinions', kind: 'versioned', day: time('created_at') },
      { table: 'appointments', kind: 'versioned', day: time('created_at') },
      { table: 'cases', kind: 'versioned', day: time('opened_at') },
      { table: 'tasks', kind: 'versioned', day: time('created_at') },
      { table: 'follow_ups', kind: 'versioned', day: time('created_at') },
      { table: 'handovers', kind: 'versioned', day: time('created_at') },
      // The phone is the channel: it stays in the hall.
      { table: 'notifications', kind: 'versioned', day: time('created_at'), omit: ['phone'] },
      {
        table: 'remedy_grants',
        kind: 'versioned',
        day: { kind: 'column', column: 'business_day' },
      },
      {
        table: 'staff_sessions',
        kind: 'versioned',
        day: time('started_at'),
        omit: ['token_hash'],
      },
      { table: 'audit_log', kind: 'append-only', day: time('at') },
    ]);
  });

  it('shows customer-facing devices only tickets, counters, services and staff; a display its layout', () => {
    const shown = RECORD_KINDS.filter((k) => k.shown?.to === 'public').map((k) => k.shown?.as);
    expect(shown.sort()).toEqual(['counters', 'services', 'staff', 'tickets']);
    const own = RECORD_KINDS.filter((k) => k.shown?.to === 'display').map((k) => k.shown?.as);
    expect(own).toEqual(['displayLayouts']);
    expect(RECORD_KINDS.filter((k) => k.kind === 'versioned' && !k.shown)).toEqual([]);
  });
});
