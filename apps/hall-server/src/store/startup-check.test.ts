import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHealthMonitor, healthOf, QUICK_CHECK_NOT_RUN } from '../app/health';
import { tempDir } from '../test-support/hall-harness';
import { openDatabase } from './db';
import { openCheckedDatabase, START_CHECKED_TABLES, type CheckedDatabase } from './startup-check';

// How much of the database is checked before the hall serves: in full when it is small or the
// last run was killed; on a big database after a clean stop, the header, schema, state and
// configuration, and the full check right after, in a worker, told through health and the log.

const dirs: string[] = [];
const opened: CheckedDatabase[] = [];
afterEach(() => {
  for (const c of opened.splice(0)) if (c.db.open) c.db.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A hall database, stopped as `state` says, with 2 MiB of history-like rows. */
function hallDatabase(state: 'clean' | 'running' = 'clean'): { file: string; backupDir: string } {
  const dir = tempDir('onestop-startcheck-');
  dirs.push(dir);
  const file = join(dir, 'hall.sqlite');
  const db = openDatabase(file);
  db.exec('CREATE TABLE history (id INTEGER PRIMARY KEY, body BLOB NOT NULL) STRICT');
  const insert = db.prepare('INSERT INTO history (body) VALUES (randomblob(400))');
  db.transaction(() => {
    for (let i = 0; i < 5000; i++) insert.run();
  })();
  db.prepare('UPDATE run_state SET state = ? WHERE id = 1').run(state);
  db.close(); // the last connection: everything is copied into the file, the WAL removed
  const backupDir = join(dir, 'backups');
  mkdirSync(backupDir);
  return { file, backupDir };
}

/** Overwrites the database page `pageNo` (1-based, 4 KiB pages) with garbage. */
function damagePage(file: string, pageNo: number): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, (pageNo - 1) * 4096);
  closeSync(fd);
}

/** A leaf page of `table`'s rows, from SQLite's own page map. */
function leafPageOf(file: string, table: string): number {
  const db = openDatabase(file);
  try {
    return db
      .prepare<[string], number>(
        "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 20",
      )
      .pluck()
      .get(table)!;
  } finally {
    db.close();
  }
}

function rootPageOf(file: string, table: string): number {
  const db = openDatabase(file);
  try {
    return db
      .prepare<[string], number>('SELECT rootpage FROM sqlite_schema WHERE name = ?')
      .pluck()
      .get(table)!;
  } finally {
    db.close();
  }
}

function open(file: string, backupDir: string, fullCheckMaxBytes?: number): CheckedDatabase {
  const checked = openCheckedDatabase(file, { backupDir, fullCheckMaxBytes });
  opened.push(checked);
  return checked;
}

describe('the check at start', () => {
  it('checks a small database in full: a damaged history page is refused before serving', () => {
    const { file, backupDir } = hallDatabase();
    damagePage(file, leafPageOf(file, 'history'));
    expect(() => open(file, backupDir)).toThrow(/damaged[\s\S]*npm run restore/);
  });

  it('checks a big database in full after an unclean stop: the damage is refused', () => {
    const { file, backupDir } = hallDatabase('running');
    damagePage(file, leafPageOf(file, 'history'));
    expect(() => open(file, backupDir, 0)).toThrow(/damaged[\s\S]*npm run restore/);
  });

  it.each(START_CHECKED_TABLES)(
    'refuses a big clean database whose %s is damaged (the bounded check covers it)',
    (table) => {
      const { file, backupDir } = hallDatabase();
      damagePage(file, rootPageOf(file, table));
      expect(() => open(file, backupDir, 0)).toThrow(/damaged[\s\S]*npm run restore/);
    },
  );

  it('refuses a big clean database whose header is damaged', () => {
    const { file, backupDir } = hallDatabase();
    damagePage(file, 1);
    expect(() => open(file, backupDir, 0)).toThrow(/damaged[\s\S]*npm run restore/);
  });

  it('leaves a big clean database’s history to the worker: it serves, then health turns 503 and the log says why', async () => {
    const { file, backupDir } = hallDatabase();
    damagePage(file, leafPageOf(file, 'history'));
    const checked = open(file, backupDir, 0);
    expect(checked.quickCheck).toBeUndefined();
    const logger = { error: vi.fn(), warn: vi.fn() };
    const monitor = createHealthMonitor({
      db: checked.db,
      file,
      now: Date.now,
      clock: () => ({ trusted: true, offsetMs: 0, jumps: 0, lastJump: null }),
      quickCheck: checked.quickCheck,
      freeBytes: () => 1e9,
      logger,
    });
    const hall = { seq: 0, businessDay: null, version: 'test' };
    expect(monitor.report().database).toMatchObject({
      quickCheck: QUICK_CHECK_NOT_RUN,
      quickCheckRunning: true,
    });
    expect(healthOf(monitor.report(), hall).status).toBe(200);
    const found = await monitor.recheck(); // the one already running
    expect(found).not.toBe('ok');
    const answer = healthOf(monitor.report(), hall);
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ ok: false, code: 'database_fault' });
    expect(logger.error).toHaveBeenCalledWith(
      expect.objectContaining({ quickCheck: found }),
      expect.stringMatching(/FAILED its integrity check[\s\S]*npm run restore/),
    );
    monitor.stop();
  });
});
