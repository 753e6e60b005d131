import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate';

/** Named so that inferred repository types can refer to it in declarations. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a nameable alias of the driver's type
export interface Db extends Database.Database {}

/**
 * Opens the hall database. `synchronous` is set on every open: better-sqlite3 opens an
 * existing WAL database at NORMAL otherwise, and an acknowledged command must survive a
 * power cut (FULL fsyncs the WAL at every commit).
 */
export function openDatabase(file: string, options: { synchronous?: 'FULL' | 'NORMAL' } = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}
