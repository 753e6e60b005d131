import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// A WAL checkpoint copies the WAL's pages back into the database and fsyncs it: 10–20 ms on
// the benchmark machine, every 2 s under load. On the event loop, the command that arrived
// meanwhile waited for all of it (a checkpoint per 100 commands at hall load: the p99). Here it
// runs in a worker thread with its own connection; SQLite coordinates the two (a PASSIVE
// checkpoint never blocks the writer, nor waits for it).

/** The worker's whole program: plain CommonJS, so that it runs the same under tsx and bundled. */
const PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    const flags = new Int32Array(workerData.flags);
    Atomics.store(flags, 0, 1);
    Atomics.notify(flags, 0);
    parentPort.close();
    return;
  }
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ ok: true });
  } catch (err) {
    parentPort.postMessage({ ok: false, message: String(err && err.message) });
  }
});
`;

/** A worker thread with a connection of its own to the hall database (this file and integrity-worker.ts). */
export interface DatabaseWorker {
  worker: Worker;
  /**
   * Shared with the worker: [0] becomes 1 once its connection is closed; [1] is set to 1 here to
   * ask it not to open one (a worker may still be starting when the hall stops).
   */
  flags: Int32Array;
  /** Waits (at most `timeoutMs`) until the worker has closed its connection. */
  waitClosed(timeoutMs: number): void;
}

/**
 * Starts `program` (plain CommonJS, so that it runs the same under tsx, vitest and the bundle:
 * the driver is passed as a resolved path, `workerData.driver`) with `workerData.flags`.
 */
export function startDatabaseWorker(
  program: string,
  data: Record<string, unknown>,
): DatabaseWorker {
  const shared = new SharedArrayBuffer(8);
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(program, {
    eval: true,
    workerData: { ...data, driver, flags: shared },
    // Its heap holds the driver and one connection: kept small (it is memory of the hall's).
    resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 2 },
    stdout: false,
    stderr: false,
  });
  worker.unref();
  const flags = new Int32Array(shared);
  return { worker, flags, waitClosed: (timeoutMs) => void Atomics.wait(flags, 0, 0, timeoutMs) };
}

export interface CheckpointWorker {
  /** Asks for a PASSIVE checkpoint; false while the last one is still running. */
  checkpoint(): boolean;
  /** Has the worker close its connection and exit, without waiting for it (a quiet hall). */
  retire(): void;
  /** It has exited (or failed): nothing of it is left to wait for. */
  exited(): boolean;
  /**
   * Has the worker close its connection (when `retire` has not already), and waits (at most
   * 5 s) until it has: whoever closes the hall next may need the database to itself (a
   * restore, a backup's exclusive lock).
   */
  close(): void;
}

/**
 * Starts the worker on `file`. `onFailure` hears of a checkpoint failing (`workerLost` false:
 * the next one is tried as usual) or of the worker itself failing (true: it is gone).
 */
export function startCheckpointWorker(
  file: string,
  onFailure: (err: Error, workerLost: boolean) => void,
): CheckpointWorker {
  const { worker, waitClosed } = startDatabaseWorker(PROGRAM, { file });
  let running = false;
  /** Asked to close (retired or closed). */
  let closing = false;
  /** Exited, or failed: nothing to wait for. */
  let gone = false;
  worker.on('message', (reply: { ok: boolean; message?: string }) => {
    running = false;
    if (!reply.ok) onFailure(new Error(`checkpoint failed: ${reply.message}`), false);
  });
  worker.on('error', (err) => {
    gone = true;
    // Failing after it was let go loses nothing: the next busy spell starts another.
    if (!closing) onFailure(err, true);
  });
  worker.on('exit', () => (gone = true));
  const askToClose = () => {
    if (closing || gone) return;
    closing = true;
    worker.postMessage('close');
  };
  return {
    checkpoint() {
      if (running || closing || gone) return false;
      running = true;
      worker.postMessage('checkpoint');
      return true;
    },
    retire: askToClose,
    exited: () => gone,
    close() {
      askToClose();
      if (!gone) waitClosed(5000);
    },
  };
}
