import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Db } from '../store/db';

// Online backups of the hall database: SQLite's backup API copies the live database page by
// page while the hall keeps working; the copy is made self-contained (no WAL), checked with
// `PRAGMA quick_check`, and only then given its final name. Old ones are pruned after a number
// of days, never the newest.

export interface BackupResult {
  file: string;
  bytes: number;
  at: number;
}

const PREFIX = 'hall-';
const SUFFIX = '.sqlite';

/** `hall-2026-11-24T02-30-00-000Z.sqlite`: sorts by time, unique to the millisecond. */
export function backupFileName(at: number): string {
  return `${PREFIX}${new Date(at).toISOString().replace(/[:.]/g, '-')}${SUFFIX}`;
}

/** The time a backup was taken, from its name; null for files that are not backups. */
export function backupTime(file: string): number | null {
  const m = /^hall-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.sqlite$/.exec(
    basename(file),
  );
  return m ? Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`) : null;
}

/** Opens a copy and checks it: `ok`, or what SQLite found wrong. */
export function checkDatabaseFile(file: string): string {
  const copy = new Database(file, { fileMustExist: true });
  try {
    const rows = copy.prepare<[], { quick_check: string }>('PRAGMA quick_check').all();
    return rows.map((r) => r.quick_check).join('; ');
  } finally {
    copy.close();
  }
}

export async function takeBackup(db: Db, dir: string, at: number): Promise<BackupResult> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, backupFileName(at));
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  try {
    await db.backup(partial);
    const copy = new Database(partial, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE'); // one self-contained file
    } finally {
      copy.close();
    }
    const check = checkDatabaseFile(partial);
    if (check !== 'ok') throw new Error(`the backup copy failed its integrity check: ${check}`);
    renameSync(partial, file);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
  return { file, bytes: statSync(file).size, at };
}

export function listBackups(dir: string): { file: string; at: number }[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((name) => ({ file: join(dir, name), at: backupTime(name) }))
    .filter((b): b is { file: string; at: number } => b.at !== null)
    .sort((a, b) => a.at - b.at);
}

/** Deletes backups older than `keepDays` (always keeping the newest); returns what it removed. */
export function pruneBackups(dir: string, keepDays: number, now: number): string[] {
  const backups = listBackups(dir);
  const newest = backups[backups.length - 1];
  const removed: string[] = [];
  for (const b of backups) {
    if (b === newest || b.at >= now - keepDays * 86_400_000) continue;
    rmSync(b.file, { force: true });
    removed.push(b.file);
  }
  return removed;
}
