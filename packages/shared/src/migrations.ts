// Forward-only numbered migrations: the rules the hall (SQLite, synchronous) and the center
// (PostgreSQL, asynchronous) share, written once. Each app reads its migration files and runs
// them with its own small driver (apps/hall-server/src/store/migrate.ts,
// apps/central/src/migrate.ts); what a migration is, their order, and when a database is
// refused are decided here.
//
// - A file is `NNN-name.sql`; the migrations are numbered 001, 002, … without gaps.
// - A migration runs once, in order, and is recorded in `schema_migrations` with its checksum.
// - A database that has applied a migration this build does not know (a newer build, or the
//   same number under another name) is refused, not guessed at.
// - A shipped migration is never edited: one whose text changed after a database applied it is
//   refused. Rows recorded before checksums were kept get this build's checksum on first sight.

export interface MigrationFile {
  file: string;
  sql: string;
}

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

/** A row of `schema_migrations`; `checksum` is null on rows recorded before checksums. */
export interface AppliedMigration {
  id: number;
  name: string;
  checksum: string | null;
}

export interface MigrationPlan {
  /** Not yet applied, in order. */
  pending: Migration[];
  /** Applied before checksums were kept: record these checksums. */
  unsummed: { id: number; checksum: string }[];
}

export const MIGRATION_FILE_NAME = /^(\d{3})-([a-z0-9-]+)\.sql$/;

/** The table each database keeps its applied migrations in, per dialect. */
export const SCHEMA_MIGRATIONS = {
  sqlite: {
    create: `CREATE TABLE IF NOT EXISTS schema_migrations (
      id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL, checksum TEXT) STRICT`,
    /** For databases created before checksums were kept; run it when the column is missing. */
    addChecksum: 'ALTER TABLE schema_migrations ADD COLUMN checksum TEXT',
  },
  postgres: {
    create: `CREATE TABLE IF NOT EXISTS schema_migrations (
      id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(),
      checksum text)`,
    addChecksum: 'ALTER TABLE schema_migrations ADD COLUMN IF NOT EXISTS checksum text',
  },
} as const;

/** The migrations in a directory's `.sql` files, ordered; refuses bad names and gaps. */
export function parseMigrations(files: readonly MigrationFile[]): Migration[] {
  const migrations = files
    .filter((f) => f.file.endsWith('.sql'))
    .map(({ file, sql }) => {
      const match = MIGRATION_FILE_NAME.exec(file);
      if (!match) throw new Error(`migration file name must be NNN-name.sql: ${file}`);
      return { id: Number(match[1]), name: match[2]!, sql };
    })
    .sort((a, b) => a.id - b.id);
  migrations.forEach((m, i) => {
    if (m.id !== i + 1)
      throw new Error(`migrations must be numbered 001, 002, … without gaps: ${m.id}`);
  });
  return migrations;
}

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;

/**
 * A migration text's checksum (FNV-1a, 64 bits, over its UTF-8 with line ends made `\n`, so a
 * checkout that turned them into CRLF is not an edit). Detects edits; it is no signature.
 */
export function migrationChecksum(sql: string): string {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(sql.replace(/\r\n/g, '\n'))) {
    hash = ((hash ^ BigInt(byte)) * FNV_PRIME) & MASK_64;
  }
  return hash.toString(16).padStart(16, '0');
}

/** What to run against a database that has applied `applied`; throws when it must be refused. */
export function planMigrations(
  migrations: readonly Migration[],
  applied: readonly AppliedMigration[],
): MigrationPlan {
  const known = new Map(migrations.map((m) => [m.id, m]));
  const unsummed: MigrationPlan['unsummed'] = [];
  for (const a of applied) {
    const m = known.get(a.id);
    if (!m || m.name !== a.name)
      throw new Error(
        `database has migration ${a.id}-${a.name} that this build does not know; refusing to open it`,
      );
    const checksum = migrationChecksum(m.sql);
    if (a.checksum === null) unsummed.push({ id: a.id, checksum });
    else if (a.checksum !== checksum)
      throw new Error(
        `migration ${a.id}-${a.name} was edited after this database applied it; refusing to open it (a shipped migration is never edited: add a new one)`,
      );
  }
  const done = new Set(applied.map((a) => a.id));
  return { pending: migrations.filter((m) => !done.has(m.id)), unsummed };
}
