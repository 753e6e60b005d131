import { close, closeSync, fdatasync, open } from 'node:fs';
import type { Db } from './db';

// An acknowledged command must survive a power cut. At synchronous=FULL SQLite fsyncs the WAL
// inside COMMIT, on the event loop: every socket waits for the disk (2 ms a commit on the
// benchmark machine, more than the whole ack of the floor). Here COMMIT runs at
// synchronous=NORMAL (the WAL is written, not synced; checkpoints still sync) and the WAL is
// then fdatasync'ed in libuv's thread pool; acks and query answers wait for that sync, and
// the event loop goes on meanwhile (fan-out, the next batch's BEGIN and writes).

/**
 * Returns `durable()`: resolves once everything committed before the call is on disk. Calls
 * made while a sync runs share the next one (one fdatasync per batch, never one per caller).
 */
export function walSync(db: Db, dbFile: string): WalSync {
  db.pragma('synchronous = NORMAL');
  const wal = `${dbFile}-wal`;
  let running = false;
  let waiting: { resolve: () => void; reject: (err: unknown) => void }[] = [];

  function syncNow(): void {
    running = true;
    const batch = waiting;
    waiting = [];
    const done = (err: NodeJS.ErrnoException | null) => {
      running = false;
      const failure = err && asSqliteError(err);
      for (const w of batch) {
        if (failure) w.reject(failure);
        else w.resolve();
      }
      if (waiting.length > 0) syncNow();
    };
    withWal((openErr, fd) => {
      if (openErr) return done(openErr);
      fdatasync(fd, (syncErr) => {
        // A WAL replaced under us (deleted, recreated): open it afresh next time.
        if (syncErr && walFd === fd) {
          walFd = null;
          close(fd, () => undefined);
        }
        done(syncErr);
      });
    });
  }

  /** The WAL's file descriptor, opened once and kept (SQLite keeps the file while it runs). */
  let walFd: number | null = null;
  function withWal(use: (err: NodeJS.ErrnoException | null, fd: number) => void): void {
    if (walFd !== null) return use(null, walFd);
    open(wal, 'r+', (err, fd) => {
      if (!err) walFd = fd;
      use(err, fd);
    });
  }

  const durable = () =>
    new Promise<void>((resolve, reject) => {
      waiting.push({ resolve, reject });
      if (!running) syncNow();
    });
  return Object.assign(durable, {
    close() {
      if (walFd !== null) closeSync(walFd);
      walFd = null;
    },
  });
}

/** The error SQLite itself raises when its fsync fails at synchronous=FULL (see health.ts). */
function asSqliteError(err: NodeJS.ErrnoException): Error & { code: string } {
  const code =
    err.code === 'ENOSPC' || err.code === 'EDQUOT' ? 'SQLITE_FULL' : 'SQLITE_IOERR_FSYNC';
  return Object.assign(new Error(`syncing the WAL failed: ${err.message}`, { cause: err }), {
    code,
  });
}

export type WalSync = (() => Promise<void>) & {
  /** Closes the kept WAL descriptor (after the last commit's sync, before the database). */
  close(): void;
};
