import { startDatabaseWorker } from './checkpoint-worker';

// `PRAGMA quick_check` reads every page of the database: 3.55 s on a year of history (987 MiB).
// On the hall's connection it held the event loop all that time, and every command with it.
// Here one check runs in a worker thread of its own, on a read-only connection of its own (a
// WAL reader: the hall goes on writing meanwhile; the check sees the snapshot it started on).
// The worker exits after its one check: nothing of it stays in memory between checks.

/**
 * The worker's whole program (started the checkpoint worker's way, checkpoint-worker.ts).
 * `{ started }` just before the check; then `{ result }` (SQLite's findings, or the SQLite error
 * the check ran into: both are the database's state) or `{ failed }` (the worker could not run
 * it: the driver would not load, say). The connection is closed before the flag says so.
 */
const PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const flags = new Int32Array(workerData.flags);
let reply = { result: null };
try {
  if (Atomics.load(flags, 1) === 0) {
    const Database = require(workerData.driver);
    let db;
    try {
      db = new Database(workerData.file, { readonly: true, fileMustExist: true });
      db.pragma('busy_timeout = 5000');
      parentPort.postMessage({ started: true });
      reply = { result: db.prepare('PRAGMA quick_check').pluck().all().join('; ') };
    } catch (err) {
      if (!(err && typeof err.code === 'string' && err.code.startsWith('SQLITE_'))) throw err;
      reply = { result: err.code + ': ' + err.message };
    } finally {
      if (db) db.close();
    }
  }
} catch (err) {
  reply = { failed: String(err && err.message) };
}
Atomics.store(flags, 0, 1);
Atomics.notify(flags, 0);
parentPort.postMessage(reply);
`;

export interface IntegrityCheck {
  /**
   * What quick_check found (`ok`, its findings, or the SQLite error it ran into); `null` when
   * stopped before it began. Rejects when the worker could not run it: the caller falls back.
   */
  result: Promise<string | null>;
  /**
   * Stops the check: a worker still starting opens nothing; a check under way cannot be cut
   * short (SQLite is inside one call), so this waits for it to close its connection, at most
   * `timeoutMs`: whoever closes the hall next may need the database to itself.
   */
  stop(timeoutMs?: number): void;
}

/** Starts one quick_check of `file` in a worker thread; throws when no worker can be made. */
export function startIntegrityCheck(file: string, onStarted?: () => void): IntegrityCheck {
  const { worker, flags, waitClosed } = startDatabaseWorker(PROGRAM, { file });
  let exited = false;
  worker.on('exit', () => (exited = true));
  const result = new Promise<string | null>((resolve, reject) => {
    worker.on('message', (reply: { started?: true; result?: string | null; failed?: string }) => {
      if (reply.started) return onStarted?.();
      if (reply.failed !== undefined) reject(new Error(`integrity check worker: ${reply.failed}`));
      else resolve(reply.result ?? null);
    });
    worker.on('error', reject);
    // After its reply (settled already) or without one: it died.
    worker.on('exit', (code) => reject(new Error(`integrity check worker exited (${code})`)));
  });
  return {
    result,
    stop(timeoutMs = 10_000) {
      Atomics.store(flags, 1, 1);
      if (!exited) waitClosed(timeoutMs);
    },
  };
}
