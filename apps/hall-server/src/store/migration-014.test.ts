import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from './migrate';

// Migration 014 (承诺) on a hall that had case types, cases and support tasks: old types keep
// 限时办结's meaning (limit_days calendar days, kind case), and each existing case and task gets
// its first promise = its due time, with no changes.

describe('migration 014-promises', () => {
  it('keeps old case types’ meaning and backfills the first promise of cases and tasks', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = OFF');
    const all = loadMigrations();
    migrate(
      db,
      all.filter((m) => m.id < 14),
    );
    db.exec(`INSERT INTO case_types (id, name_zh, name_en, service_id, limit_days, steps, active,
        sort_order, change_seq) VALUES ('ct-a', '业扩', 'Connection', NULL, 15, '[]', 1, 1, 1)`);
    db.exec(`INSERT INTO cases (id, number, case_type_id, owner_staff_id, summary, state, steps,
        opened_at, due_at, updated_at, change_seq)
      VALUES ('c-1', '20261124-001', 'ct-a', 's-1', 's', 'open', '[]', 10, 1000, 10, 1)`);
    db.exec(`INSERT INTO tasks (id, owner_staff_id, text, state, due_at, created_at, updated_at,
        change_seq) VALUES ('t-1', 's-1', 'ask', 'open', 2000, 10, 10, 1)`);
    expect(migrate(db, all)).toContain(14);
    expect(
      db.prepare('SELECT kind, promise_amount, promise_unit, promise_clock FROM case_types').get(),
    ).toEqual({
      kind: 'case',
      promise_amount: 15,
      promise_unit: 'days',
      promise_clock: 'calendar',
    });
    expect(db.prepare('SELECT promised_at, promise_changes FROM cases').get()).toEqual({
      promised_at: 1000,
      promise_changes: '[]',
    });
    expect(db.prepare('SELECT promised_at, promise_changes FROM tasks').get()).toEqual({
      promised_at: 2000,
      promise_changes: '[]',
    });
    expect(() => db.exec("UPDATE case_types SET promise_unit = 'weeks' WHERE id = 'ct-a'")).toThrow(
      /CHECK/,
    );
    db.close();
  });
});
