import Database from 'better-sqlite3';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './db';
import { loadMigrations, migrate } from './migrate';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'onestop-store-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function migrationsDir(files: Record<string, string>): string {
  const dir = join(tempDir(), 'migrations');
  mkdirSync(dir);
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql);
  return dir;
}

describe('opening the hall database', () => {
  it('sets WAL and synchronous=FULL on the first open and again on every reopen', () => {
    const file = join(tempDir(), 'hall.sqlite');
    for (let i = 0; i < 2; i++) {
      const db = openDatabase(file);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // 2 = FULL
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      db.close();
    }
    // What better-sqlite3 does by itself on an existing WAL file: NORMAL, which is why we set it.
    const bare = new Database(file);
    expect(bare.pragma('synchronous', { simple: true })).not.toBe(3);
    bare.close();
  });

  it('creates every table STRICT', () => {
    const db = openDatabase(':memory:');
    const tables = db
      .prepare(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
      )
      .all() as { name: string; sql: string }[];
    expect(tables.length).toBeGreaterThan(5);
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT\s*$/);
    db.close();
  });

  it('keeps the audit log append-only', () => {
    const db = openDatabase(':memory:');
    db.prepare(
      `INSERT INTO audit_log (at, device_id, staff_id, command, command_id, payload, result, reason, seq)
       VALUES (1, NULL, NULL, 'ticket:issue', 'cmd-00000001', '{}', 'ok', NULL, 1)`,
    ).run();
    expect(() => db.prepare("UPDATE audit_log SET result = 'forged'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    db.close();
  });
});

describe('the migration runner', () => {
  it('applies numbered migrations once, in order', () => {
    const dir = migrationsDir({
      '001-first.sql': 'CREATE TABLE a (id INTEGER PRIMARY KEY) STRICT;',
      '002-second.sql': 'CREATE TABLE b (id INTEGER PRIMARY KEY) STRICT;',
    });
    const db = new Database(':memory:');
    expect(migrate(db, loadMigrations(dir))).toEqual([1, 2]);
    expect(migrate(db, loadMigrations(dir))).toEqual([]);
    db.close();
  });

  it('refuses a database that has applied a migration this build does not know', () => {
    const file = join(tempDir(), 'hall.sqlite');
    const newer = migrationsDir({
      '001-first.sql': 'CREATE TABLE a (id INTEGER PRIMARY KEY) STRICT;',
      '002-from-the-future.sql': 'CREATE TABLE b (id INTEGER PRIMARY KEY) STRICT;',
    });
    const db = new Database(file);
    migrate(db, loadMigrations(newer));
    const older = loadMigrations(newer).slice(0, 1);
    expect(() => migrate(db, older)).toThrow(/2-from-the-future.*does not know/);
    db.close();
  });

  it('refuses a known id whose name differs (an edited or swapped migration)', () => {
    const db = new Database(':memory:');
    migrate(db, [{ id: 1, name: 'first', sql: 'CREATE TABLE a (id INTEGER) STRICT;' }]);
    expect(() =>
      migrate(db, [{ id: 1, name: 'other', sql: 'CREATE TABLE a (id INTEGER) STRICT;' }]),
    ).toThrow(/does not know/);
    db.close();
  });

  it('refuses a migration edited after the database applied it', () => {
    const db = new Database(':memory:');
    migrate(db, [{ id: 1, name: 'first', sql: 'CREATE TABLE a (id INTEGER) STRICT;' }]);
    expect(() =>
      migrate(db, [{ id: 1, name: 'first', sql: 'CREATE TABLE a (id TEXT) STRICT;' }]),
    ).toThrow(/1-first was edited/);
    db.close();
  });

  it('keeps checksums from a database migrated before they were kept', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE schema_migrations (
      id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT;
      CREATE TABLE a (id INTEGER) STRICT;
      INSERT INTO schema_migrations VALUES (1, 'first', 0);`);
    const first = { id: 1, name: 'first', sql: 'CREATE TABLE a (id INTEGER) STRICT;' };
    expect(migrate(db, [first])).toEqual([]);
    expect(() => migrate(db, [{ ...first, sql: 'CREATE TABLE a (id TEXT) STRICT;' }])).toThrow(
      /was edited/,
    );
    expect(migrate(db, [first])).toEqual([]);
    db.close();
  });

  it('refuses gaps and badly named files', () => {
    expect(() =>
      loadMigrations(migrationsDir({ '001-a.sql': 'SELECT 1;', '003-c.sql': 'SELECT 1;' })),
    ).toThrow(/without gaps/);
    expect(() => loadMigrations(migrationsDir({ '1-a.sql': 'SELECT 1;' }))).toThrow(/NNN-name/);
  });

  it('rolls a failing migration back whole', () => {
    const db = new Database(':memory:');
    expect(() =>
      migrate(db, [
        {
          id: 1,
          name: 'broken',
          sql: 'CREATE TABLE a (id INTEGER) STRICT; SELECT nope FROM missing;',
        },
      ]),
    ).toThrow();
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'a'").get()).toEqual({
      n: 0,
    });
    db.close();
  });
});
