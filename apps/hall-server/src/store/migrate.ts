import {
  type AppliedMigration,
  type Migration,
  migrationChecksum,
  parseMigrations,
  planMigrations,
  SCHEMA_MIGRATIONS,
} from '@onestop/shared';
import type Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The hall's driver for the shared migration rules (packages/shared/src/migrations.ts: names,
// order, gaps, checksums, refusals): reads the files, applies each migration in its own
// transaction. The compiled bundle carries the migrations next to it (scripts/build.mjs).

export type { Migration };

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return parseMigrations(
    readdirSync(dir).map((file) => ({ file, sql: readFileSync(`${dir}/${file}`, 'utf8') })),
  );
}

export function migrate(db: Database.Database, migrations = loadMigrations()): number[] {
  db.exec(SCHEMA_MIGRATIONS.sqlite.create);
  const columns = db.prepare('PRAGMA table_info(schema_migrations)').all() as { name: string }[];
  if (!columns.some((c) => c.name === 'checksum')) db.exec(SCHEMA_MIGRATIONS.sqlite.addChecksum);
  const applied = db
    .prepare('SELECT id, name, checksum FROM schema_migrations ORDER BY id')
    .all() as AppliedMigration[];
  const { pending, unsummed } = planMigrations(migrations, applied);
  const sum = db.prepare('UPDATE schema_migrations SET checksum = ? WHERE id = ?');
  db.transaction(() => {
    for (const u of unsummed) sum.run(u.checksum, u.id);
  })();
  const record = db.prepare(
    'INSERT INTO schema_migrations (id, name, applied_at, checksum) VALUES (?, ?, ?, ?)',
  );
  for (const m of pending) {
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.id, m.name, Date.now(), migrationChecksum(m.sql));
    })();
  }
  return pending.map((m) => m.id);
}
