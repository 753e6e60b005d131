import type Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Forward-only numbered migrations (`NNN-name.sql`). A shipped migration is never edited; a
// database that has applied a migration this build does not know is refused, not guessed at.

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .map((file) => {
      const match = /^(\d{3})-([a-z0-9-]+)\.sql$/.exec(file);
      if (!match) throw new Error(`migration file name must be NNN-name.sql: ${file}`);
      return { id: Number(match[1]), name: match[2]!, sql: readFileSync(`${dir}/${file}`, 'utf8') };
    })
    .sort((a, b) => a.id - b.id);
  migrations.forEach((m, i) => {
    if (m.id !== i + 1)
      throw new Error(`migrations must be numbered 001, 002, … without gaps: ${m.id}`);
  });
  return migrations;
}

export function migrate(db: Database.Database, migrations = loadMigrations()): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT`);
  const applied = db.prepare('SELECT id, name FROM schema_migrations ORDER BY id').all() as {
    id: number;
    name: string;
  }[];
  const known = new Map(migrations.map((m) => [m.id, m]));
  for (const a of applied) {
    const m = known.get(a.id);
    if (!m || m.name !== a.name) {
      throw new Error(
        `database has migration ${a.id}-${a.name} that this build does not know; refusing to open it`,
      );
    }
  }
  const done = new Set(applied.map((a) => a.id));
  const ran: number[] = [];
  const record = db.prepare(
    'INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)',
  );
  for (const m of migrations) {
    if (done.has(m.id)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.id, m.name, Date.now());
    })();
    ran.push(m.id);
  }
  return ran;
}
