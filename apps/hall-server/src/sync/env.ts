import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SYNC_MAX_BATCH_ROWS } from '@onestop/shared';
import type { SyncOptions } from './sync-service';

// The hall's sync and backup settings from its environment (they hold a secret, so they are not
// in the hall configuration every device receives):
//
//   SYNC_URL            the regional center, e.g. https://center.example:8090 (none: backups only)
//   SYNC_HALL_KEY       this hall's key at the center (or SYNC_HALL_KEY_FILE: a file holding it)
//   SYNC_AT             local time of the nightly backup and sync, HH:MM (02:30)
//   BACKUP_DIR          where backups go (<DATA_DIR>/backups)
//   BACKUP_KEEP_DAYS    how long backups are kept (14)
//   SYNC_BATCH_ROWS     rows per batch (5000, at most 20000)
//   SYNC_RECONCILE_DAYS recent days reconciled on every run (7)

type Env = Record<string, string | undefined>;

function positiveNumber(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number`);
  return n;
}

/** Where backups go and how long they are kept: all `npm run backup` needs (no sync secret). */
export function backupOptionsFromEnv(
  env: Env,
  dataDir: string,
): { backupDir: string; backupKeepDays: number } {
  return {
    backupDir: env.BACKUP_DIR ?? join(dataDir, 'backups'),
    backupKeepDays: positiveNumber(env, 'BACKUP_KEEP_DAYS', 14),
  };
}

export function syncOptionsFromEnv(
  env: Env,
  dataDir: string,
): SyncOptions & { runAt: string; backupDir: string } {
  const key =
    env.SYNC_HALL_KEY ??
    (env.SYNC_HALL_KEY_FILE ? readFileSync(env.SYNC_HALL_KEY_FILE, 'utf8').trim() : null);
  const centerUrl = env.SYNC_URL?.trim() || null;
  if (centerUrl && !key) throw new Error('SYNC_URL is set but SYNC_HALL_KEY is not');
  return {
    centerUrl,
    hallKey: key,
    runAt: env.SYNC_AT ?? '02:30',
    ...backupOptionsFromEnv(env, dataDir),
    batchRows: Math.min(positiveNumber(env, 'SYNC_BATCH_ROWS', 5000), SYNC_MAX_BATCH_ROWS),
    recentDays: positiveNumber(env, 'SYNC_RECONCILE_DAYS', 7),
  };
}
