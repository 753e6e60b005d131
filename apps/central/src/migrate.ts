import {
  type AppliedMigration,
  type Migration,
  migrationChecksum,
  parseMigrations,
  planMigrations,
  SCHEMA_MIGRATIONS,
} from '@onestop/shared';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CentralDb } from './db';

// The center's driver for the shared migration rules (packages/shared/src/migrations.ts: names,
// order, gaps, checksums, refusals), the same files for PGlite and a PostgreSQL server. Centers
// starting together take turns (an advisory lock), so each migration runs once; all pending
// migrations run in one transaction. The compiled bundle carries the migrations next to it.

export type { Migration };

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return parseMigrations(
    readdirSync(dir).map((file) => ({ file, sql: readFileSync(`${dir}/${file}`, 'utf8') })),
  );
}

const LOCK = 80_080_008;

export async function migrate(db: CentralDb, migrations = loadMigrations()): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK]);
    await tx.query(SCHEMA_MIGRATIONS.postgres.create);
    await tx.query(SCHEMA_MIGRATIONS.postgres.addChecksum);
    const applied = await tx.query<AppliedMigration>(
      'SELECT id, name, checksum FROM schema_migrations ORDER BY id',
    );
    const { pending, unsummed } = planMigrations(migrations, applied);
    for (const u of unsummed)
      await tx.query('UPDATE schema_migrations SET checksum = $1 WHERE id = $2', [
        u.checksum,
        u.id,
      ]);
    for (const m of pending) {
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (id, name, checksum) VALUES ($1, $2, $3)', [
        m.id,
        m.name,
        migrationChecksum(m.sql),
      ]);
    }
    return pending.map((m) => m.id);
  });
}

/** Statements of a migration file: split at `;` ending a line, comments dropped. */
export function splitStatements(sql: string): string[] {
  return sql
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join('\n')
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
