import {
  errorMessages,
  type ErrorCode,
  type HealthAnswer,
  type HealthReport,
  type RefusalCounts,
  type WriteFault,
  type WriteFaultCode,
} from '@onestop/shared';
import { statfsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from 'pino';
import type { Db } from '../store/db';
import { startIntegrityCheck, type IntegrityCheck } from '../store/integrity-worker';
import { quickCheck, restoreCommand } from '../store/startup-check';
import type { ClockState } from './hall-clock';

// `/api/v1/health` tells the database and disk as they are: the last quick_check (when it ran,
// and whether one is running: it runs in a worker thread, store/integrity-worker.ts; a failed
// one is logged as an error and makes health 503), whether the last write failed (and why),
// free space under the data directory against a threshold, the WAL's size, and the hall
// clock. 503 when commands cannot be written, with the reasons.
// The answer's shape is the contract's `HealthAnswer` (packages/shared/src/contract/health.ts).

export type { HealthReport, RefusalCounts, WriteFault, WriteFaultCode };

// Per database: a hall server (and a test process) may hold several.
const faults = new WeakMap<Db, WriteFault>();

/** An error's code (SQLite's `SQLITE_…`) and message, whatever was thrown. */
function errorParts(err: unknown): { code: string | undefined; message: string } {
  if (typeof err !== 'object' || err === null) return { code: undefined, message: String(err) };
  return {
    code: 'code' in err && typeof err.code === 'string' ? err.code : undefined,
    message: 'message' in err && typeof err.message === 'string' ? err.message : '',
  };
}

/** What a failed write means for the device: a code that says so, not internal_error. */
export function faultCodeOf(err: unknown): WriteFaultCode | null {
  const { code } = errorParts(err);
  if (code === undefined) return null;
  if (code === 'SQLITE_FULL') return 'storage_full';
  if (/^SQLITE_(IOERR|CORRUPT|NOTADB|CANTOPEN|READONLY)/.test(code)) return 'database_fault';
  return null;
}

/** The code to refuse a failed command with; a storage or database fault is kept for health. */
export function commandFault(db: Db, err: unknown, now = Date.now()): ErrorCode {
  const code = faultCodeOf(err);
  if (!code) return 'internal_error';
  const e = errorParts(err);
  faults.set(db, { code, detail: `${e.code}: ${e.message}`.slice(0, 300), at: now });
  return code;
}

export interface HealthMonitor {
  report(): HealthReport;
  /**
   * Starts quick_check now (also every `quickCheckEveryMs`) and resolves with what it found; a
   * check already running is not started twice (its result is the answer).
   */
  recheck(): Promise<string>;
  /** Stops the timer, and a check under way (waiting until its connection is closed). */
  stop(): void;
}

export const MIN_FREE_BYTES = 64 * 1024 * 1024;

/** `quickCheck` before the first full check has finished (a big database checked after start). */
export const QUICK_CHECK_NOT_RUN = 'not run yet';

export function createHealthMonitor(options: {
  db: Db;
  file: string;
  now: () => number;
  clock: () => ClockState;
  /**
   * The start-up check's full result, so start-up does not run it twice; absent (a big
   * database after a clean stop, store/startup-check.ts): the first check starts at once.
   */
  quickCheck?: string;
  minFreeBytes?: number;
  quickCheckEveryMs?: number;
  /** Free bytes under a directory; injectable where a full disk cannot be made. */
  freeBytes?: (dir: string) => number;
  /** Hears of a failed check (error) and of the check falling back to the event loop (warn). */
  logger?: Pick<Logger, 'error' | 'warn'>;
}): HealthMonitor {
  const { db, file, logger } = options;
  const minFreeBytes = options.minFreeBytes ?? MIN_FREE_BYTES;
  const freeBytes =
    options.freeBytes ??
    ((dir: string) => {
      const s = statfsSync(dir);
      return s.bavail * s.bsize;
    });
  let check = options.quickCheck ?? QUICK_CHECK_NOT_RUN;
  let checkedAt = options.now();
  let probedAt = 0;
  let running: Promise<string> | null = null;
  let worker: IntegrityCheck | null = null;
  let stopped = false;
  // quick_check reads the whole file: in a worker thread, off the event loop. Only an in-memory
  // database (nothing another connection could open) or a worker that cannot run checks here.
  let onThisThread = db.memory;
  if (onThisThread)
    logger?.warn('the database is in memory: its quick_check runs on the event loop');

  function record(result: string): string {
    check = result;
    checkedAt = options.now();
    if (result !== 'ok')
      logger?.error(
        { file, quickCheck: result.slice(0, 2000) },
        `the hall database FAILED its integrity check (PRAGMA quick_check): ${result.slice(0, 300)}. ` +
          `/api/v1/health answers 503. Stop the hall and restore it: ${restoreCommand(dirname(file))}` +
          ' (docs/security.md, "Faults")',
      );
    return check;
  }

  /** The check on the hall's own connection, as before the worker (blocks the event loop). */
  function checkHere(): string {
    if (!db.open || db.inTransaction) return check; // a group commit is open: next time
    try {
      return record(quickCheck(db));
    } catch (err) {
      const e = errorParts(err);
      return record(`${e.code ?? 'error'}: ${e.message}`);
    }
  }

  function fallBack(err: unknown): string {
    onThisThread = true;
    logger?.warn(
      { err },
      'the quick_check worker cannot run; the check runs on the event loop from now on',
    );
    return stopped ? check : checkHere();
  }

  function recheck(): Promise<string> {
    if (running) return running;
    if (stopped) return Promise.resolve(check);
    if (onThisThread) return Promise.resolve(checkHere());
    try {
      worker = startIntegrityCheck(file);
    } catch (err) {
      return Promise.resolve(fallBack(err));
    }
    running = worker.result
      .then((result) => (result === null ? check : record(result)), fallBack)
      .finally(() => {
        running = null;
        worker = null;
      });
    return running;
  }
  if (options.quickCheck === undefined) void recheck();
  const timer = setInterval(() => void recheck(), options.quickCheckEveryMs ?? 10 * 60_000);
  timer.unref();

  /** After a failed write, one small write (at most every 5 s) tells whether writing works again. */
  function probe(): void {
    const now = options.now();
    if (!faults.has(db) || now - probedAt < 5000 || !db.open || db.inTransaction) return;
    probedAt = now;
    try {
      db.prepare('UPDATE run_state SET changed_at = ? WHERE id = 1').run(now);
      faults.delete(db);
    } catch (err) {
      commandFault(db, err, now);
    }
  }

  function walBytes(): number {
    try {
      return statSync(`${file}-wal`).size;
    } catch {
      return 0;
    }
  }

  return {
    report() {
      probe();
      let free = -1;
      try {
        free = freeBytes(dirname(file));
      } catch {
        // reported as -1: unknown
      }
      return {
        database: {
          quickCheck: check,
          quickCheckAt: checkedAt,
          quickCheckRunning: running !== null,
          lastWriteFault: faults.get(db) ?? null,
          walBytes: walBytes(),
        },
        disk: { freeBytes: free, minFreeBytes },
        clock: options.clock(),
      };
    },
    recheck,
    stop() {
      stopped = true;
      clearInterval(timer);
      worker?.stop();
    },
  };
}

/** The health answer before the transport adds the anonymous refusals it counts. */
export type HealthBody = HealthAnswer extends infer A
  ? A extends { data: infer D }
    ? Omit<A, 'data'> & { data: Omit<D, 'refusedAnonymous'> }
    : never
  : never;

/** Anonymous refusals as health shows them: counts by command and code, no source addresses. */

export function refusalCountsOf(snapshot: {
  total: number;
  byCommand: readonly {
    command: string;
    code: ErrorCode;
    count: number;
    firstAt: number;
    lastAt: number;
  }[];
}): RefusalCounts {
  return {
    total: snapshot.total,
    byCommand: snapshot.byCommand.map(({ command, code, count, firstAt, lastAt }) => ({
      command,
      code,
      count,
      firstAt,
      lastAt,
    })),
  };
}

/** The answer to `GET /api/v1/health`: 503 when commands cannot be written, and why. */
export function healthOf(
  report: HealthReport,
  hall: {
    seq: number | null;
    businessDay: string | null;
    version: string;
    /** The ID card key's state: told, never a reason for 503 (the hall works without it). */
    idCards?: HealthBody['data']['idCards'];
  },
): { status: 200 | 503; body: HealthBody } {
  const reasons: string[] = [];
  let code: WriteFaultCode = 'database_fault';
  const { database, disk } = report;
  if (database.quickCheck !== 'ok' && database.quickCheck !== QUICK_CHECK_NOT_RUN)
    reasons.push(`the database failed its check: ${database.quickCheck}`);
  if (hall.seq === null) reasons.push('the hall state cannot be read');
  if (database.lastWriteFault) {
    reasons.push(`the last write failed: ${database.lastWriteFault.detail}`);
    code = database.lastWriteFault.code;
  }
  if (disk.freeBytes >= 0 && disk.freeBytes < disk.minFreeBytes) {
    reasons.push(`${disk.freeBytes} bytes free under the data directory (< ${disk.minFreeBytes})`);
    code = 'storage_full';
  }
  const data = { ...report, ...hall };
  if (reasons.length === 0) return { status: 200, body: { ok: true, data } };
  const message = `${errorMessages[code].en} ${reasons.join('; ')}`;
  return { status: 503, body: { ok: false, code, message, data } };
}
