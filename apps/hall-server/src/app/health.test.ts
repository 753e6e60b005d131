import { HealthAnswer } from '@onestop/shared';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ensureNotInUse, openDatabase, type Db } from '../store/db';
import { tempDir } from '../test-support/hall-harness';
import { createHealthMonitor, healthOf, QUICK_CHECK_NOT_RUN, type HealthReport } from './health';

// The health answer as the contract declares it (HealthAnswer), serving and not.

const report = (over: Partial<HealthReport['database']> = {}, freeBytes = 1e9): HealthReport => ({
  database: {
    quickCheck: 'ok',
    quickCheckAt: 1,
    quickCheckRunning: false,
    lastWriteFault: null,
    walBytes: 0,
    ...over,
  },
  disk: { freeBytes, minFreeBytes: 64 * 1024 * 1024 },
  clock: { trusted: true, offsetMs: 0, jumps: 0, lastJump: null },
});
const hall = { seq: 12, businessDay: '2026-12-03', version: '0.1.0' };
const refusedAnonymous = { total: 0, byCommand: [] };

describe('healthOf', () => {
  it.each([
    ['serving', report(), 200, true, undefined],
    [
      'a failed write',
      report({ lastWriteFault: { code: 'database_fault', detail: 'SQLITE_IOERR: x', at: 2 } }),
      503,
      false,
      'database_fault',
    ],
    ['a full disk', report({}, 1000), 503, false, 'storage_full'],
    ['a failed check', report({ quickCheck: 'row 3 missing' }), 503, false, 'database_fault'],
    ['a check running', report({ quickCheckRunning: true }), 200, true, undefined],
    [
      'the first full check still running (a big database just started)',
      report({ quickCheck: QUICK_CHECK_NOT_RUN, quickCheckRunning: true }),
      200,
      true,
      undefined,
    ],
    [
      'a failed check, the next one running',
      report({ quickCheck: 'row 3 missing', quickCheckRunning: true }),
      503,
      false,
      'database_fault',
    ],
  ])('%s → %i, as the contract says', (_what, r, status, ok, code) => {
    const { status: s, body } = healthOf(r, hall);
    expect(s).toBe(status);
    const answer = HealthAnswer.parse({ ...body, data: { ...body.data, refusedAnonymous } });
    expect(answer.ok).toBe(ok);
    if (!answer.ok) expect(answer.code).toBe(code);
  });

  it('refuses an answer missing its data', () => {
    expect(HealthAnswer.safeParse({ ok: true }).success).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// The check itself: quick_check reads the whole file, so it runs in a worker thread.

const dirs: string[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) if (db.open) db.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A hall database with `mib` MiB of filler rows: enough for quick_check to take a while. */
function databaseOf(mib: number): { db: Db; file: string } {
  const dir = tempDir('onestop-health-');
  dirs.push(dir);
  const file = join(dir, 'hall.sqlite');
  const db = openDatabase(file);
  dbs.push(db);
  db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, body BLOB NOT NULL) STRICT');
  db.exec('CREATE INDEX filler_body ON filler (body)');
  const insert = db.prepare('INSERT INTO filler (body) VALUES (randomblob(400))');
  db.transaction(() => {
    for (let i = 0; i < mib * 1024; i++) insert.run();
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  return { db, file };
}

const trusted = () => ({ trusted: true, offsetMs: 0, jumps: 0, lastJump: null });
const logs = () => ({ error: vi.fn(), warn: vi.fn() });

describe('createHealthMonitor: quick_check', () => {
  it("runs in a worker thread: the event loop turns while it runs, the hall's connection is not used", async () => {
    const { db, file } = databaseOf(24);
    const prepare = vi.spyOn(db, 'prepare');
    const monitor = createHealthMonitor({
      db,
      file,
      now: Date.now,
      clock: trusted,
      quickCheck: 'ok',
      quickCheckEveryMs: 3_600_000,
    });
    let done = false;
    const check = Promise.resolve(monitor.recheck()).finally(() => (done = true));
    // Counted, not timed: on the event loop the check would finish before any turn.
    let turns = 0;
    while (!done) {
      expect(monitor.report().database.quickCheckRunning).toBe(true);
      await new Promise<void>((r) => setImmediate(r));
      turns++;
    }
    expect(await check).toBe('ok');
    expect(turns).toBeGreaterThan(10);
    expect(monitor.report().database).toMatchObject({ quickCheck: 'ok', quickCheckRunning: false });
    expect(prepare.mock.calls.map(([sql]) => sql)).not.toContainEqual(
      expect.stringMatching(/quick_check/),
    );
    monitor.stop();
  });

  it('starts at once when start-up left the full check to it, and reports it running meanwhile', async () => {
    const { db, file } = databaseOf(1);
    const log = logs();
    const monitor = createHealthMonitor({ db, file, now: Date.now, clock: trusted, logger: log });
    expect(monitor.report().database).toMatchObject({
      quickCheck: QUICK_CHECK_NOT_RUN,
      quickCheckRunning: true,
    });
    expect(healthOf(monitor.report(), hall).status).toBe(200);
    expect(await monitor.recheck()).toBe('ok'); // joins the running one
    expect(monitor.report().database).toMatchObject({ quickCheck: 'ok', quickCheckRunning: false });
    expect(log.error).not.toHaveBeenCalled();
    monitor.stop();
  });

  it('stop() waits for a running check to close its connection (the database is free after)', () => {
    const { db, file } = databaseOf(8);
    const monitor = createHealthMonitor({
      db,
      file,
      now: Date.now,
      clock: trusted,
      quickCheck: 'ok',
    });
    void monitor.recheck();
    monitor.stop();
    db.close();
    expect(() => ensureNotInUse(file)).not.toThrow(); // no connection left (no busy wait)
  });

  it('an in-memory database is checked on the event loop, and the log says so', async () => {
    const db = openDatabase(':memory:');
    dbs.push(db);
    const log = logs();
    const monitor = createHealthMonitor({
      db,
      file: ':memory:',
      now: Date.now,
      clock: trusted,
      quickCheck: 'ok',
      freeBytes: () => 1e9,
      logger: log,
    });
    expect(log.warn).toHaveBeenCalledWith(expect.stringMatching(/in memory.*event loop/));
    const check = monitor.recheck();
    expect(monitor.report().database.quickCheckRunning).toBe(false); // done already
    expect(await check).toBe('ok');
    monitor.stop();
  });
});
