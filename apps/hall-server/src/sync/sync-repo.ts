import { SyncStatus, type SyncCursor } from '@onestop/shared';
import type { Db } from '../store/db';

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
  const getStatus = db.prepare('SELECT data, change_seq FROM sync_status WHERE id = ?');
  const statusSince = db.prepare('SELECT data, change_seq FROM sync_status WHERE change_seq > ?');
  const putStatus = db.prepare(`INSERT INTO sync_status (id, data, change_seq) VALUES (?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET data = excluded.data, change_seq = excluded.change_seq`);
  const getCursors = db.prepare('SELECT source_table, pos, key FROM sync_cursors');
  const putCursor = db.prepare(`INSERT INTO sync_cursors (source_table, pos, key, acked_at)
    VALUES (?, ?, ?, ?) ON CONFLICT (source_table) DO UPDATE SET pos = excluded.pos,
    key = excluded.key, acked_at = excluded.acked_at`);
  const getFact = db.prepare('SELECT value FROM sync_state WHERE key = ?').pluck();
  const putFact = db.prepare(`INSERT INTO sync_state (key, value) VALUES (?, ?)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
  const addRestorePoint = db.prepare(
    'INSERT OR IGNORE INTO sync_restore_points (source_table, boundary, restored_at) VALUES (?, ?, ?)',
  );

  const parse = (r: { data: string; change_seq: number }): SyncStatus => ({
    ...defaultSyncStatus(),
    ...SyncStatus.partial().parse(JSON.parse(r.data)),
    changeSeq: r.change_seq,
  });

  return {
    /** The status record; the default (nothing configured, nothing run) before the first write. */
    status(): SyncStatus {
      const r = getStatus.get(SYNC_STATUS_ID) as { data: string; change_seq: number } | undefined;
      return r ? parse(r) : defaultSyncStatus();
    },
    statusChangedSince(seq: number): SyncStatus[] {
      return (statusSince.all(seq) as { data: string; change_seq: number }[]).map(parse);
    },
    saveStatus(status: SyncStatus, changeSeq: number): SyncStatus {
      const saved = { ...status, changeSeq };
      putStatus.run(saved.id, JSON.stringify(saved), changeSeq);
      return saved;
    },
    cursors(): Record<string, SyncCursor> {
      const rows = getCursors.all() as { source_table: string; pos: number; key: string }[];
      return Object.fromEntries(rows.map((r) => [r.source_table, { pos: r.pos, key: r.key }]));
    },
    saveCursors(cursors: Record<string, SyncCursor>, at: number): void {
      db.transaction(() => {
        for (const [table, c] of Object.entries(cursors)) putCursor.run(table, c.pos, c.key, at);
      })();
    },
    fact(key: string): string | null {
      return (getFact.get(key) as string | undefined) ?? null;
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
