import type { SyncCursor, SyncStatus } from '@onestop/shared';
import type { Db } from '../store/db';
import { recordTable } from '../store/record-table';
import { syncStatus, type StoredSyncStatus } from '../store/records';

// The sync's own tables (migration 004): the console's status record, the cursors the center
// acknowledged as the hall last recorded them, small facts kept between runs, restore points.

export const SYNC_STATUS_ID = 'sync';

export function defaultSyncStatus(): SyncStatus {
  return {
    id: SYNC_STATUS_ID,
    configured: false,
    centerUrl: null,
    runAt: '02:30',
    state: 'idle',
    phase: null,
    runId: null,
    trigger: null,
    startedAt: null,
    finishedAt: null,
    result: null,
    error: null,
    sent: 0,
    total: 0,
    reconciled: 0,
    mismatched: 0,
    unresolved: 0,
    lastSuccessAt: null,
    failures: 0,
    nextRunAt: null,
    requestedAt: null,
    requestedBy: null,
    lastBackupAt: null,
    lastBackupFile: null,
    lastBackupBytes: null,
    lastBackupError: null,
    nextBackupAt: null,
    changeSeq: 0,
  };
}

export function createSyncRepo(db: Db) {
  const statuses = recordTable(db, syncStatus);
  const getCursors = db.prepare<[], { source_table: string; pos: number; key: string }>(
    'SELECT source_table, pos, key FROM sync_cursors',
  );
  const putCursor = db.prepare<
    [string, number, string, number]
  >(`INSERT INTO sync_cursors (source_table, pos, key, acked_at)
    VALUES (?, ?, ?, ?) ON CONFLICT (source_table) DO UPDATE SET pos = excluded.pos,
    key = excluded.key, acked_at = excluded.acked_at`);
  const getFact = db
    .prepare<[string], string>('SELECT value FROM sync_state WHERE key = ?')
    .pluck();
  const putFact = db.prepare<[string, string]>(`INSERT INTO sync_state (key, value) VALUES (?, ?)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
  const addRestorePoint = db.prepare<[string, number, number]>(
    'INSERT OR IGNORE INTO sync_restore_points (source_table, boundary, restored_at) VALUES (?, ?, ?)',
  );

  /** Stored before a field was added, the record has that field's default. */
  const parse = (stored: StoredSyncStatus): SyncStatus => ({
    ...defaultSyncStatus(),
    ...stored.data,
    changeSeq: stored.changeSeq,
  });

  return {
    /** The status record; the default (nothing configured, nothing run) before the first write. */
    status(): SyncStatus {
      const stored = statuses.byKey(SYNC_STATUS_ID);
      return stored ? parse(stored) : defaultSyncStatus();
    },
    statusChangedSince(seq: number): SyncStatus[] {
      return statuses.changedSince(seq).map(parse);
    },
    saveStatus(status: SyncStatus, changeSeq: number): SyncStatus {
      const saved = { ...status, changeSeq };
      statuses.save({ id: saved.id, data: saved, changeSeq }, changeSeq);
      return saved;
    },
    cursors(): Record<string, SyncCursor> {
      const rows = getCursors.all();
      return Object.fromEntries(rows.map((r) => [r.source_table, { pos: r.pos, key: r.key }]));
    },
    saveCursors(cursors: Record<string, SyncCursor>, at: number): void {
      db.transaction(() => {
        for (const [table, c] of Object.entries(cursors)) putCursor.run(table, c.pos, c.key, at);
      })();
    },
    fact(key: string): string | null {
      return getFact.get(key) ?? null;
    },
    setFact(key: string, value: string): void {
      putFact.run(key, value);
    },
    addRestorePoint(table: string, boundary: number, at: number): void {
      addRestorePoint.run(table, boundary, at);
    },
  };
}
export type SyncRepo = ReturnType<typeof createSyncRepo>;
