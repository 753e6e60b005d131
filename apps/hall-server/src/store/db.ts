import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { startCheckpointWorker, type CheckpointWorker } from './checkpoint-worker';
import { migrate } from './migrate';

/** Named so that inferred repository types can refer to it in declarations. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a nameable alias of the driver's type
export interface Db extends Database.Database {}

/**
 * Opens the hall database. `synchronous` is set on every open: better-sqlite3 opens an
 * existing WAL database at NORMAL otherwise, and an acknowledged command must survive a
 * power cut (FULL fsyncs the WAL at every commit).
 */
export function openDatabase(
  file: string,
  options: { synchronous?: 'FULL' | 'NORMAL'; autoCheckpoint?: boolean } = {},
): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Left on, SQLite copies the WAL back into the database inside whichever commit crosses
  // 1000 pages, and that command's ack waits for it. The hall server turns it off and runs
  // checkpoints between commands instead (startCheckpointer).
  if (options.autoCheckpoint === false) db.pragma('wal_autocheckpoint = 0');
  migrate(db);
  return db;
}

/** What `startCheckpointer` keeps running. */
export interface Checkpointer {
  /** Stops the checkpoints and does a last, truncating one (the worker's connection closed first). */
  stop(): void;
  /** Whether a checkpoint worker is running now (a busy spell started one). */
  hasWorker(): boolean;
}

/**
 * Copies the WAL back into the database every `intervalMs` when something was written, off
 * any command's path. Durability does not depend on it: every commit is already in the synced
 * WAL.
 *
 * A busy hall's checkpoints (10–20 ms each under load, every 2 s) run in a worker thread with
 * its own connection (checkpoint-worker.ts), so no command waits for them. That worker is a
 * second JavaScript engine (9–12 MiB resident): it is started by the first busy spell
 * (`busyChanges` rows changed since the last checkpoint) and let go after `idleMs` without one.
 * A quiet hall's few pages (the devices' heartbeats at night, a command now and then) are copied
 * on this thread between batches, as are an in-memory database's, and every checkpoint once a
 * worker has failed.
 */
export function startCheckpointer(
  db: Db,
  options: { intervalMs?: number; idleMs?: number; busyChanges?: number } = {},
  /** Hears of a checkpoint failing, or of a worker failing (then this thread checkpoints). */
  onFailure: (err: Error) => void = () => undefined,
): Checkpointer {
  const { intervalMs = 2000, idleMs = 60_000, busyChanges = 100 } = options;
  const totalChanges = db.prepare('SELECT total_changes()').pluck();
  let seen = totalChanges.get() as number;
  let worker: CheckpointWorker | null = null;
  /** Let go, and perhaps still closing their connections: `stop` waits for them. */
  let retired: CheckpointWorker[] = [];
  /** In memory, or a worker failed: this thread checkpoints from now on. */
  let onThisThread = db.memory;
  let lastBusyAt = -Infinity;

  function startWorker(): CheckpointWorker | null {
    try {
      return startCheckpointWorker(db.name, (err, workerLost) => {
        onFailure(err);
        if (!workerLost) return;
        onThisThread = true;
        worker = null;
      });
    } catch (err) {
      // No thread to be had (memory, limits): this thread checkpoints, the hall goes on.
      onFailure(err instanceof Error ? err : new Error(String(err)));
      onThisThread = true;
      return null;
    }
  }

  const timer = setInterval(() => {
    const now = totalChanges.get() as number;
    const busy = now - seen >= busyChanges;
    if (busy) lastBusyAt = performance.now();
    if (worker && performance.now() - lastBusyAt >= idleMs) {
      worker.retire();
      retired = [...retired.filter((w) => !w.exited()), worker];
      worker = null;
    }
    if (now === seen) return;
    if (!onThisThread && (worker || busy)) worker ??= startWorker();
    if (worker) {
      if (worker.checkpoint()) seen = now;
      return;
    }
    if (db.inTransaction) return; // a group commit is open: next time
    seen = now;
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch (err) {
      onFailure(err instanceof Error ? err : new Error(String(err)));
    }
  }, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      for (const w of [...retired, worker]) w?.close();
      worker = null;
      retired = [];
      try {
        if (db.open) db.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // a full or failing disk: the WAL stays, SQLite replays it at the next start
      }
    },
    hasWorker: () => worker !== null,
  };
}

/** A hall server has the database open (it must be stopped first). */
export class DatabaseInUse extends Error {
  override name = 'DatabaseInUse';
}

/**
 * Refuses while a hall server has the database open: a running server's connection keeps an
 * exclusive lock from being taken, and it would go on writing a file moved aside or replaced.
 */
export function ensureNotInUse(file: string): void {
  if (!existsSync(file)) return;
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; ROLLBACK');
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_BUSY')
      throw new DatabaseInUse(`${file} is in use: stop the hall server first`, { cause: err });
    throw err;
  } finally {
    db.close();
  }
}
