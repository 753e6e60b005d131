import { z } from 'zod';
import { command, def, query } from './command-kit';
import { EpochMs, Id } from './model';

// The nightly upward sync to the regional center and the nightly backup, as the console sees
// them: one small status record, pushed in `hall:changed` (`records.syncStatus`) whenever it
// changes, and two commands.

export const SyncPhase = z.enum(['backup', 'handshake', 'sending', 'reconciling']);
export type SyncPhase = z.infer<typeof SyncPhase>;
export const SyncTrigger = z.enum(['schedule', 'console', 'retry', 'startup']);
export type SyncTrigger = z.infer<typeof SyncTrigger>;
/** `interrupted`: the hall stopped mid-run; the next run resumes where the center acknowledged. */
export const SyncResult = z.enum(['ok', 'failed', 'interrupted']);
export type SyncResult = z.infer<typeof SyncResult>;

export const SyncStatus = z.object({
  id: Id,
  /** A regional center is configured (otherwise only the nightly backup runs). */
  configured: z.boolean(),
  centerUrl: z.string().nullable(),
  /** Local time of the nightly run, `HH:MM` in the hall's time zone. */
  runAt: z.string(),
  state: z.enum(['idle', 'running']),
  phase: SyncPhase.nullable(),
  /** The current run, or the last one when idle. */
  runId: Id.nullable(),
  trigger: SyncTrigger.nullable(),
  startedAt: EpochMs.nullable(),
  finishedAt: EpochMs.nullable(),
  result: SyncResult.nullable(),
  error: z.string().nullable(),
  /** Progress: records acknowledged by the center out of those to send this run. */
  sent: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** Reconciliation of the last run: table-days compared, found different, still different. */
  reconciled: z.number().int().nonnegative(),
  mismatched: z.number().int().nonnegative(),
  unresolved: z.number().int().nonnegative(),
  lastSuccessAt: EpochMs.nullable(),
  /** Runs that failed in a row; retries back off with it. */
  failures: z.number().int().nonnegative(),
  nextRunAt: EpochMs.nullable(),
  /** A run asked for from the console and not started yet. */
  requestedAt: EpochMs.nullable(),
  requestedBy: Id.nullable(),
  lastBackupAt: EpochMs.nullable(),
  lastBackupFile: z.string().nullable(),
  lastBackupBytes: z.number().int().nonnegative().nullable(),
  lastBackupError: z.string().nullable(),
  nextBackupAt: EpochMs.nullable(),
  changeSeq: z.number().int().nonnegative(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

const OPERATORS = ['duty_leader', 'admin'] as const;

export const syncCommands = {
  'sync:status': def({
    kind: 'query',
    input: query({}),
    output: z.object({ status: SyncStatus }),
    roles: OPERATORS,
    summary:
      'The upward sync and backup status: last run and its result, progress while running, next run and backup.',
  }),
  'sync:run-now': def({
    kind: 'command',
    input: command({}),
    output: z.object({ status: SyncStatus }),
    roles: OPERATORS,
    summary:
      'Back up and send the hall’s records to the regional center now (refused when no center is configured).',
  }),
} as const;
