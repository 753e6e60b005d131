import type { HallChange, SyncStatus, SyncTrigger } from '@onestop/shared';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Hall } from '../app/hall';
import { newAlert } from '../domain/alerts';
import { businessDayOf, startOfBusinessDay } from '../domain/business-day';
import { accept } from '../domain/result';
import { RUN_BACKOFF, retryDelay, type Backoff } from './backoff';
import { pruneBackups, takeBackup } from './backup';
import { createCenterClient } from './center-client';
import { createSyncReader } from './reader';
import { SYNC_STATUS_ID } from './sync-repo';
import { RunAborted, runSync, type RunHooks, type RunOutcome } from './runner';
import { nextLocalTime, parseTimeOfDay } from './schedule';

// The hall's nightly job: at the configured local time (and whenever the console asks), take an
// online backup, then send the day's records up to the regional center. Keeps the console's
// status record current (progress while running, result, next run) and raises an alert when a
// run fails. Without a center it still backs up every night.

export interface SyncOptions {
  /** The regional center's base URL; null: backups only. */
  centerUrl: string | null;
  /** This hall's key at the center (HMAC); required with a center. */
  hallKey: string | null;
  /** Local time of the nightly run, `HH:MM`. */
  runAt?: string;
  backupDir: string;
  backupKeepDays?: number;
  /** Rows per batch (5,000; at most SYNC_MAX_BATCH_ROWS). */
  batchRows?: number;
  /** Today and the days before it reconciled on every run. */
  recentDays?: number;
  /** Older days re-checked per run, in rotation. */
  rotateDays?: number;
  requestAttempts?: number;
  requestBackoff?: Backoff;
  requestTimeoutMs?: number;
  runBackoff?: Backoff;
  /** Least time between two progress updates on the console. */
  progressIntervalMs?: number;
  /** How often the schedule is looked at. */
  tickMs?: number;
  /** First run after a start that found a run interrupted or failed. */
  resumeDelayMs?: number;
  random?: () => number;
  fetch?: typeof fetch;
  hooks?: RunHooks;
}

export interface SyncService {
  status(): SyncStatus;
  /** Starts a run now (or joins the one under way) and resolves with its final status. */
  runNow(trigger?: SyncTrigger): Promise<SyncStatus>;
  /** Stops the schedule and any run (it ends `interrupted` and resumes at the next start). */
  stop(): Promise<void>;
}

function errorText(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).slice(0, 500);
}

/** `options` null: no center and no backups (tests, the simulator); the status says so. */
export function startSync(hall: Hall, options: SyncOptions | null, logger?: Logger): SyncService {
  const { store } = hall;
  const clock = hall.clock;
  const random = options?.random ?? Math.random;
  const runAt = options?.runAt ?? '02:30';
  const timeOfDay = parseTimeOfDay(runAt);
  if (!timeOfDay) throw new Error(`the sync time must be HH:MM, not "${runAt}"`);
  const configured = Boolean(options?.centerUrl);
  if (configured && !options?.hallKey) throw new Error('a regional center needs the hall key');
  const timeZone = () => store.hall.state().config.timeZone;
  const nextNightly = (now: number) => nextLocalTime(now, timeOfDay, timeZone());

  let status = store.sync.status();
  function save(change: Partial<SyncStatus>, action = 'sync-status'): SyncStatus {
    status = store.sync.status(); // the console may have asked for a run meanwhile
    const next = { ...status, ...change };
    if (JSON.stringify({ ...next, changeSeq: 0 }) === JSON.stringify({ ...status, changeSeq: 0 }))
      return status;
    const saved = hall.runSystem(action, (tx) => accept(tx.write.syncStatus(next)));
    status = saved ?? next;
    return status;
  }
  /**
   * A `sync_failed` alert on the duty leader's console, about the status record (which says
   * what failed); at most one a business day, so a week offline or retries every few minutes
   * do not bury the console's other alerts.
   */
  function raiseAlert(reason: string): void {
    logger?.error({ reason }, 'sync alert');
    hall.runSystem('sync-alert', (tx) => {
      const dayStart = startOfBusinessDay(tx.hall.businessDay, tx.hall.config.timeZone);
      const raisedToday = tx.store.alerts
        .current(dayStart)
        .some((a) => a.kind === 'sync_failed' && a.createdAt >= dayStart);
      if (raisedToday) return accept(null);
      tx.write.alert(
        newAlert(tx.newId(), tx.now, { kind: 'sync_failed', subjectId: SYNC_STATUS_ID }),
      );
      return accept(null);
    });
  }

  // Start-up: a run the hall was in when it stopped is over; the next one resumes it soon.
  const now0 = clock();
  const wasCut = status.state === 'running';
  const retryingAfter = wasCut || status.result === 'failed';
  save({
    configured,
    centerUrl: options?.centerUrl ?? null,
    runAt,
    ...(wasCut
      ? { state: 'idle', phase: null, result: 'interrupted', finishedAt: now0, error: null }
      : {}),
    nextRunAt: !options
      ? null
      : configured && retryingAfter
        ? Math.min(nextNightly(now0), now0 + (options.resumeDelayMs ?? 10_000))
        : nextNightly(now0),
    nextBackupAt: options ? nextNightly(now0) : null,
    requestedAt: wasCut ? null : status.requestedAt,
  });
  if (!options) return { status: () => status, runNow: async () => status, stop: async () => {} };
  const opts = options;

  const abort = new AbortController();
  const client = configured
    ? createCenterClient({
        url: opts.centerUrl!,
        hallId: store.hall.state().config.hallId,
        key: opts.hallKey!,
        attempts: opts.requestAttempts,
        backoff: opts.requestBackoff,
        timeoutMs: opts.requestTimeoutMs,
        random,
        signal: abort.signal,
        fetch: opts.fetch,
        clock,
      })
    : null;

  let running: Promise<SyncStatus> | null = null;

  /** The backup's error, or null when it was taken. */
  async function backup(now: number): Promise<string | null> {
    try {
      const b = await takeBackup(store.db, opts.backupDir, now);
      pruneBackups(opts.backupDir, opts.backupKeepDays ?? 14, now);
      save({
        lastBackupAt: b.at,
        lastBackupFile: b.file,
        lastBackupBytes: b.bytes,
        lastBackupError: null,
      });
      logger?.info({ file: b.file, bytes: b.bytes }, 'backup taken');
      return null;
    } catch (err) {
      logger?.error({ err }, 'backup failed');
      const error = `backup failed: ${errorText(err)}`;
      save({ lastBackupError: errorText(err) });
      raiseAlert(error);
      return error;
    }
  }

  async function run(trigger: SyncTrigger): Promise<SyncStatus> {
    const runId = randomUUID();
    const startedAt = clock();
    save(
      {
        state: 'running',
        phase: 'backup',
        runId,
        trigger,
        startedAt,
        finishedAt: null,
        result: null,
        error: null,
        sent: 0,
        total: 0,
        requestedAt: null,
        requestedBy: null,
      },
      'sync-started',
    );
    const backupError = await backup(startedAt);
    const nextBackupAt = nextNightly(clock());
    if (!client) {
      // A backup-only run: its result is the backup's (a failed one is tried again tomorrow).
      return save(
        {
          state: 'idle',
          phase: null,
          result: backupError ? 'failed' : 'ok',
          error: backupError,
          finishedAt: clock(),
          nextBackupAt,
        },
        'sync-finished',
      );
    }
    let lastProgress = 0;
    let outcome: RunOutcome;
    try {
      outcome = await runSync({
        db: store.db,
        reader: createSyncReader(store.db, { timeZone: timeZone() }),
        repo: store.sync,
        client,
        runId,
        today: businessDayOf(clock(), timeZone()),
        batchRows: opts.batchRows ?? 5000,
        recentDays: opts.recentDays ?? 7,
        rotateDays: opts.rotateDays ?? 14,
        signal: abort.signal,
        clock,
        settled: async () => {
          while (store.db.inTransaction) await hall.settled();
        },
        advanceSeq: (to) => advanceSeq(to),
        onPhase: (phase) => save({ phase }),
        onProgress: (sent, total) => {
          const t = clock();
          if (sent !== 0 && sent !== total && t - lastProgress < (opts.progressIntervalMs ?? 1000))
            return;
          lastProgress = t;
          save({ sent, total }, 'sync-progress');
        },
        hooks: opts.hooks,
        log: (msg, data) => logger?.warn(data ?? {}, msg),
      });
    } catch (err) {
      const finishedAt = clock();
      if (err instanceof RunAborted || abort.signal.aborted) {
        return save(
          { state: 'idle', phase: null, result: 'interrupted', finishedAt, nextBackupAt },
          'sync-finished',
        );
      }
      const failures = status.failures + 1;
      logger?.warn({ err, failures }, 'sync run failed');
      // The alert first: the console hears of it no later than of the run's end.
      raiseAlert(`upward sync failed: ${errorText(err)}`);
      return save(
        {
          state: 'idle',
          phase: null,
          result: 'failed',
          error: errorText(err),
          finishedAt,
          failures,
          nextRunAt: Math.min(
            nextNightly(finishedAt),
            finishedAt + retryDelay(failures - 1, opts.runBackoff ?? RUN_BACKOFF, random),
          ),
          nextBackupAt,
        },
        'sync-finished',
      );
    }
    const finishedAt = clock();
    const unresolved = outcome.unresolved.length;
    const error =
      unresolved > 0
        ? `still different at the center after re-sending: ${outcome.unresolved
            .map((u) => `${u.table} ${u.day}`)
            .join(', ')
            .slice(0, 400)}`
        : null;
    if (error) raiseAlert(error);
    return save(
      {
        state: 'idle',
        phase: null,
        result: 'ok',
        error,
        finishedAt,
        sent: outcome.sent,
        total: outcome.total,
        reconciled: outcome.reconciled,
        mismatched: outcome.mismatched,
        unresolved,
        lastSuccessAt: finishedAt,
        failures: 0,
        nextRunAt: nextNightly(finishedAt),
        nextBackupAt,
      },
      'sync-finished',
    );
  }

  function advanceSeq(to: number): void {
    store.db.transaction(() => {
      const from = store.hall.state().seq;
      if (to <= from) return;
      store.hall.setSeq(to);
      store.log.audit({
        at: clock(),
        deviceId: null,
        staffId: null,
        command: 'system:sync-seq-advanced',
        commandId: null,
        payload: JSON.stringify({ from, to }),
        result: 'ok',
        reason: null,
        seq: to,
      });
    })();
  }

  function runNow(trigger: SyncTrigger = 'console'): Promise<SyncStatus> {
    if (running) return running;
    running = run(trigger)
      .catch((err: unknown) => {
        logger?.error({ err }, 'sync run crashed');
        return status;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  // Runs asked for from the console arrive as a status change (the command is audited).
  const unsubscribe = hall.onChange((change: HallChange) => {
    if (running || !change.records.syncStatus?.some((s) => s.requestedAt !== null)) return;
    if (store.sync.status().requestedAt !== null) void runNow('console');
  });

  const tick = () => {
    if (running) return;
    const now = clock();
    if (status.nextRunAt !== null && now >= status.nextRunAt && client) {
      void runNow(
        status.result === 'failed' || status.result === 'interrupted' ? 'retry' : 'schedule',
      );
    } else if (!client && status.nextBackupAt !== null && now >= status.nextBackupAt) {
      void runNow('schedule');
    }
  };
  const timer = setInterval(tick, opts.tickMs ?? 30_000);
  timer.unref();
  setImmediate(tick);

  return {
    status: () => status,
    runNow,
    async stop(): Promise<void> {
      clearInterval(timer);
      unsubscribe();
      abort.abort();
      await running;
    },
  };
}
