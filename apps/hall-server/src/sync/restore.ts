import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ensureNotInUse, openDatabase } from '../store/db';
import { createStore } from '../store/store';
import { RECORD_KINDS } from '../store/records';
import { markRunState } from '../store/startup-check';
import { checkDatabaseFile } from './backup';
import { TIMELINE_OFFSET } from './cursor';
import { createSyncRepo } from './sync-repo';

// Brings a hall back from a backup (the hall server must be stopped). The copy is checked, put
// in place of the hall's database (the old files are moved aside, never deleted), migrated to
// this build, and starts a new timeline: what the hall writes from now on must not be mistaken,
// at the regional center, for what the lost timeline had already sent. So the change sequence
// jumps ahead (every record written later is newer than anything sent before) and append-only
// tables get a restore point (their new rows get new ids on the wire). Devices see the jump and
// reload their snapshot.

export interface RestoreResult {
  restoredFrom: string;
  database: string;
  /** Where the replaced database files went, or null when there were none. */
  movedAsideTo: string | null;
  seqBefore: number;
  seqAfter: number;
}

const DB_FILE = 'hall.sqlite';

export function restoreHall(options: {
  from: string;
  dataDir: string;
  now?: number;
}): RestoreResult {
  const now = options.now ?? Date.now();
  if (!existsSync(options.from)) throw new Error(`no backup file at ${options.from}`);
  const check = checkDatabaseFile(options.from);
  if (check !== 'ok') throw new Error(`the backup failed its integrity check: ${check}`);

  mkdirSync(options.dataDir, { recursive: true });
  const target = join(options.dataDir, DB_FILE);
  ensureNotInUse(target);
  const staging = join(options.dataDir, `${DB_FILE}.restoring`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${staging}${suffix}`, { force: true });
  copyFileSync(options.from, staging);

  const db = openDatabase(staging); // applies this build's migrations to an older copy
  let seqBefore = 0;
  let seqAfter = 0;
  try {
    const store = createStore(db);
    if (!store.hall.isInitialised()) throw new Error('the backup holds no hall');
    const sync = createSyncRepo(db);
    db.transaction(() => {
      seqBefore = store.hall.state().seq;
      seqAfter = seqBefore + TIMELINE_OFFSET;
      store.hall.setSeq(seqAfter);
      // A backup is copied from a running hall: the restored copy starts as cleanly stopped.
      markRunState(db, 'clean', now);
      for (const { table, kind } of RECORD_KINDS) {
        if (kind !== 'append-only') continue;
        const exists = db
          .prepare<[string], 1>("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?")
          .get(table);
        if (!exists) continue;
        const lastRow = db.prepare<[], number | null>(`SELECT max(rowid) FROM "${table}"`).pluck();
        sync.addRestorePoint(table, lastRow.get() ?? 0, now);
      }
      store.log.audit({
        at: now,
        deviceId: null,
        staffId: null,
        command: 'system:restore',
        commandId: null,
        payload: JSON.stringify({ from: basename(options.from), seqBefore, seqAfter }),
        result: 'ok',
        reason: null,
        seq: seqAfter,
      });
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }

  let movedAsideTo: string | null = null;
  if (existsSync(target)) {
    movedAsideTo = join(
      options.dataDir,
      `replaced-${new Date(now).toISOString().replace(/[:.]/g, '-')}`,
    );
    mkdirSync(movedAsideTo, { recursive: true });
  }
  for (const suffix of ['', '-wal', '-shm']) {
    if (movedAsideTo && existsSync(`${target}${suffix}`))
      renameSync(`${target}${suffix}`, join(movedAsideTo, `${DB_FILE}${suffix}`));
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${staging}${suffix}`, { force: true });
  renameSync(staging, target);
  return { restoredFrom: options.from, database: target, movedAsideTo, seqBefore, seqAfter };
}
