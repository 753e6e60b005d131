import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from 'pino';
import { listBackups } from '../sync/backup';
import { openDatabase, type Db } from './db';

// The hall database is checked before the hall serves anything, and a database that would
// silently start a new hall or lose acknowledged changes is refused with the way out:
// - missing or empty while backups exist (a new hall would number from 001 again);
// - not a hall database, or damaged (`PRAGMA quick_check`, in full or bounded: below);
// - older than the newest backup (its change sequence is behind the backup's);
// - the last run was killed (run_state 'running') and its WAL file is gone: the changes that
//   lived only there are lost. At start 'running' is written and copied into the database
//   file at once, so a deleted WAL cannot take the marker with it. A WAL emptied or overwritten
//   (under 32 bytes, or without the WAL magic 0x377f0682/0x377f0683) is as lost as a deleted
//   one: SQLite would ignore it and start without its changes;
// - missing or empty while its WAL file is there: the WAL alone cannot be replayed, and
//   opening would create a new hall beside it;
// - (a real hall, DEMO=0) missing, empty or holding no hall: it is set up with `npm run
//   setup`, never created here.
//
// How much is checked at start. `PRAGMA quick_check` reads every page: 3.55 s on a year of
// history (987 MiB), most of a start that should take under 2 s. So it runs in full before
// the hall serves only when it is cheap or most needed:
// - the database (with its WAL) is at most FULL_CHECK_MAX_BYTES (64 MiB, ~0.25 s): a new hall,
//   a test's, the first weeks of a real one;
// - the last run was not stopped cleanly (run_state 'running'): a kill or a power cut is when a
//   disk that lies about its writes leaves damage.
// Otherwise (a big database after a clean stop, whose last run checked it every 10 minutes)
// the start checks what it reads and what it would write over: the file header and the schema
// (opening and migrating read them; SQLITE_NOTADB/CORRUPT is a refusal) and, in full, the
// tables of the hall's state and configuration (START_CHECKED_TABLES: none grows with the
// history, so this stays milliseconds however old the hall). The full check then runs at once
// in a worker thread (app/health.ts, integrity-worker.ts) while the hall serves: what it finds
// is logged as an error and makes /api/v1/health 503 (database_fault) until the hall is
// restored. A damaged history page is told seconds after the start, never hidden; on a big
// database it is no longer refused before serving (the price of a start under 2 s).

export class DatabaseRefusal extends Error {
  override name = 'DatabaseRefusal';
}

export function restoreCommand(dataDir: string): string {
  return `npm run restore -- --from latest --data-dir ${dataDir}`;
}

function refuse(file: string, what: string): never {
  throw new DatabaseRefusal(
    `The hall database ${file} ${what}. The hall server will not start on it. ` +
      `Stop here and bring the hall back from its newest backup: ${restoreCommand(dirname(file))} ` +
      '(the files it replaces are moved aside, never deleted). See docs/security.md, "Faults".',
  );
}

function refuseNoHall(file: string, what: string): never {
  throw new DatabaseRefusal(
    `The hall database ${file} ${what}. A real hall (DEMO=0) is set up first: npm run setup ` +
      `-- --data-dir ${dirname(file)} (or start the demo hall with DEMO=1). See docs/deploy.md.`,
  );
}

const WAL_MAGIC = [0x377f0682, 0x377f0683];

/** The WAL file is there and starts with a WAL header (SQLite ignores one that does not). */
export function walUsable(walFile: string): boolean {
  if (!existsSync(walFile) || statSync(walFile).size < 32) return false;
  const header = Buffer.alloc(4);
  const fd = openSync(walFile, 'r');
  try {
    readSync(fd, header, 0, 4, 0);
  } finally {
    closeSync(fd);
  }
  return WAL_MAGIC.includes(header.readUInt32BE(0));
}

function newestBackupSeq(backupDir: string, log?: Logger): { file: string; seq: number } | null {
  const newest = listBackups(backupDir).pop();
  if (!newest) return null;
  try {
    const copy = new Database(newest.file, { readonly: true, fileMustExist: true });
    try {
      const seq = copy.prepare<[], number>('SELECT seq FROM hall_state WHERE id = 1').pluck().get();
      return { file: newest.file, seq: seq ?? 0 };
    } finally {
      copy.close();
    }
  } catch (err) {
    log?.warn({ err, backup: newest.file }, 'the newest backup cannot be read; not compared');
    return null;
  }
}

export function quickCheck(db: Db): string {
  return db.prepare<[], string>('PRAGMA quick_check').pluck().all().join('; ');
}

/** A database up to this size (with its WAL) is checked in full before the hall serves. */
export const FULL_CHECK_MAX_BYTES = 64 * 2 ** 20;

/**
 * Checked in full at every start: the hall's state and configuration, what the start reads and
 * what the next ticket number is drawn from. None grows with the history, so the bounded check
 * stays a few milliseconds however old the hall; every other table is the worker's.
 */
export const START_CHECKED_TABLES: readonly string[] = [
  'schema_migrations',
  'hall_state',
  'run_state',
  'ticket_numbers',
  'services',
  'counters',
  'staff',
  'devices',
  'hall_keys',
  'case_types',
  'sync_state',
];

/** quick_check of the schema and of START_CHECKED_TABLES (with their indexes). */
export function boundedCheck(db: Db): string {
  const tables = db
    .prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table'")
    .pluck()
    .all()
    .filter((t) => START_CHECKED_TABLES.includes(t));
  const found = ['sqlite_schema', ...tables]
    .flatMap((t) => db.prepare<[], string>(`PRAGMA quick_check(${t})`).pluck().all())
    .filter((r) => r !== 'ok');
  return found.length ? found.join('; ') : 'ok';
}

function isDamage(err: unknown): err is Error {
  return err instanceof Database.SqliteError && /^SQLITE_(CORRUPT|NOTADB)/.test(err.code);
}

export interface CheckedDatabase {
  db: Db;
  /**
   * `ok` (only `ok` gets this far): the full quick_check ran. Absent: only the bounded check
   * ran (a big database after a clean stop); the full one is the health monitor's, at once.
   */
  quickCheck?: string;
  /** The last run was killed and SQLite replayed its WAL. */
  recoveredUncleanStop: boolean;
}

/** Opens the hall database after the checks above; throws DatabaseRefusal when one fails. */
export function openCheckedDatabase(
  file: string,
  options: {
    backupDir: string;
    logger?: Logger;
    /** A real hall (no seed): the database must already hold one (`npm run setup`). */
    mustHoldHall?: boolean;
    /** Above this size (default FULL_CHECK_MAX_BYTES) a clean database gets the bounded check. */
    fullCheckMaxBytes?: number;
  },
): CheckedDatabase {
  const size = existsSync(file) ? statSync(file).size : -1;
  const walThere = walUsable(`${file}-wal`);
  const walSize = walThere ? statSync(`${file}-wal`).size : 0;
  const hasBackups = listBackups(options.backupDir).length > 0;
  if (size <= 0 && existsSync(`${file}-wal`))
    refuse(
      file,
      `is ${size < 0 ? 'missing' : 'empty'} while its WAL file (hall.sqlite-wal) is there: the ` +
        'WAL alone cannot bring the hall back, and a new hall would be started beside it',
    );
  if (size < 0 && hasBackups) refuse(file, `is missing while ${options.backupDir} holds backups`);
  if (size === 0 && hasBackups) refuse(file, `is empty while ${options.backupDir} holds backups`);
  if (size <= 0 && options.mustHoldHall) refuseNoHall(file, size < 0 ? 'is missing' : 'is empty');

  let db: Db;
  try {
    db = openDatabase(file, { autoCheckpoint: false });
  } catch (err) {
    if (isDamage(err)) refuse(file, `is damaged (${err.message})`);
    throw err;
  }
  try {
    const run = db.prepare<[], string>('SELECT state FROM run_state WHERE id = 1').pluck().get();
    const full =
      run === 'running' || size + walSize <= (options.fullCheckMaxBytes ?? FULL_CHECK_MAX_BYTES);
    const check = full ? quickCheck(db) : boundedCheck(db);
    if (check !== 'ok') refuse(file, `is damaged: quick_check found ${check.slice(0, 300)}`);
    if (run === 'running' && !walThere)
      refuse(
        file,
        'was not stopped cleanly and its WAL file (hall.sqlite-wal) is gone, empty or not a ' +
          'WAL: the changes ' +
          'acknowledged last before the stop may be lost and ticket numbers reissued',
      );
    const hall = db.prepare<[], { seq: number }>('SELECT seq FROM hall_state WHERE id = 1').get();
    if (!hall && hasBackups) refuse(file, `holds no hall while ${options.backupDir} holds backups`);
    if (!hall && options.mustHoldHall) refuseNoHall(file, 'holds no hall yet');
    const backup = newestBackupSeq(options.backupDir, options.logger);
    if (hall && backup && hall.seq < backup.seq)
      refuse(
        file,
        `is older than the newest backup (change ${hall.seq}, the backup ${backup.file} has ` +
          `change ${backup.seq})`,
      );
    if (!full)
      options.logger?.info(
        { bytes: size + walSize },
        'a big database after a clean stop: header, schema, state and configuration checked; ' +
          'the full quick_check runs in a worker thread once the hall serves',
      );
    return {
      db,
      ...(full ? { quickCheck: check } : {}),
      recoveredUncleanStop: run === 'running',
    };
  } catch (err) {
    db.close();
    if (isDamage(err)) refuse(file, `is damaged (${err.message})`);
    throw err;
  }
}

/** The time of the hall's last audited write: the hall clock never starts before it. */
export function lastWriteAt(db: Db): number | undefined {
  return db.prepare<[], number>('SELECT at FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get();
}

/**
 * Marked 'running' once the hall is about to serve (a refusal before leaves it 'clean').
 * 'running' is copied into the database file at once (a truncating checkpoint), so it does not
 * live only in a WAL that can be lost; 'clean' is written last, before the closing checkpoint.
 */
export function markRunState(db: Db, state: 'running' | 'clean', now: number): void {
  db.prepare<[string, number]>('UPDATE run_state SET state = ?, changed_at = ? WHERE id = 1').run(
    state,
    now,
  );
  if (state !== 'running') return;
  // The first column of the checkpoint's one row: busy, 1 when another connection held it off.
  const busy = db.pragma('wal_checkpoint(TRUNCATE)', { simple: true });
  if (busy)
    throw new DatabaseRefusal(
      'The hall database is in use by another process (is another hall server running on this data directory?).',
    );
}

/** What the hall last recorded about its clock (a jump seen, a clean stop). */
export interface SavedClock {
  trusted: boolean;
  /** Hall time then. */
  hallTime: number;
  /** Wall clock minus hall time then. */
  offsetMs: number;
}

export function readClockState(db: Db): SavedClock {
  const row = db
    .prepare<[], { clock_trusted: number; hall_time: number; clock_offset_ms: number }>(
      'SELECT clock_trusted, hall_time, clock_offset_ms FROM run_state WHERE id = 1',
    )
    .get();
  if (!row) throw new Error('the hall database has no run state (migration 007 makes it)');
  return {
    trusted: row.clock_trusted === 1,
    hallTime: row.hall_time,
    offsetMs: row.clock_offset_ms,
  };
}

export function saveClockState(db: Db, clock: SavedClock): void {
  db.prepare<[number, number, number]>(
    'UPDATE run_state SET clock_trusted = ?, hall_time = ?, clock_offset_ms = ? WHERE id = 1',
  ).run(clock.trusted ? 1 : 0, Math.floor(clock.hallTime), Math.floor(clock.offsetMs));
}
