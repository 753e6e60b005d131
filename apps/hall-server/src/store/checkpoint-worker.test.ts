import Database from 'better-sqlite3';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../test-support/hall-harness';
import { ensureNotInUse, openDatabase, startCheckpointer } from './db';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The rows the database file holds without its WAL: what checkpoints have copied back. */
function rowsInMainFile(file: string, dir: string): number {
  const copy = join(dir, 'copy.sqlite');
  rmSync(`${copy}-wal`, { force: true });
  copyFileSync(file, copy);
  const db = new Database(copy);
  try {
    return db.prepare('SELECT count(*) FROM t').pluck().get() as number;
  } catch {
    return 0; // the table itself is not there yet
  } finally {
    db.close();
  }
}

describe('startCheckpointer', () => {
  it("copies a busy hall's WAL back into the database from a worker thread, never on the hall's connection", async () => {
    const dir = tempDir('onestop-checkpoint-');
    dirs.push(dir);
    const file = join(dir, 'hall.sqlite');
    const db = openDatabase(file, { autoCheckpoint: false });
    const pragma = vi.spyOn(db, 'pragma');
    const failures: Error[] = [];
    const checkpointer = startCheckpointer(db, { intervalMs: 20, busyChanges: 10 }, (err) =>
      failures.push(err),
    );
    db.exec('CREATE TABLE t (x INTEGER) STRICT');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    for (let i = 0; i < 100; i++) insert.run(i);
    while (rowsInMainFile(file, dir) < 100) await new Promise((r) => setTimeout(r, 20));
    expect(pragma.mock.calls.map(([sql]) => sql)).not.toContain('wal_checkpoint(PASSIVE)');
    expect(failures).toEqual([]);

    checkpointer.stop(); // the worker's connection is closed when stop returns
    db.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(() => ensureNotInUse(file)).not.toThrow();
  });

  it('checkpoints an in-memory database on its own connection', () => {
    const db = openDatabase(':memory:');
    const checkpointer = startCheckpointer(db, { intervalMs: 20 });
    expect(checkpointer.hasWorker()).toBe(false);
    checkpointer.stop();
    db.close();
  });

  it("copies a quiet hall's few pages on this thread, starts a worker for a busy spell, and lets it go after a quiet one", async () => {
    const dir = tempDir('onestop-checkpoint-');
    dirs.push(dir);
    const file = join(dir, 'hall.sqlite');
    const db = openDatabase(file, { autoCheckpoint: false });
    const pragma = vi.spyOn(db, 'pragma');
    const onThisThread = () =>
      pragma.mock.calls.filter(([sql]) => sql === 'wal_checkpoint(PASSIVE)').length;
    const failures: Error[] = [];
    const checkpointer = startCheckpointer(
      db,
      { intervalMs: 20, idleMs: 200, busyChanges: 50 },
      (err) => failures.push(err),
    );
    const until = async (done: () => boolean) => {
      while (!done()) await new Promise((r) => setTimeout(r, 10));
    };
    db.exec('CREATE TABLE t (x INTEGER) STRICT');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    const write = (from: number, to: number) => {
      for (let i = from; i < to; i++) insert.run(i);
    };

    // A few rows (a heartbeat, a command): copied on this thread, no second engine.
    write(0, 5);
    await until(() => rowsInMainFile(file, dir) === 5);
    expect(onThisThread()).toBe(1);
    expect(checkpointer.hasWorker()).toBe(false);

    // A busy spell: a worker copies them.
    write(5, 105);
    await until(() => checkpointer.hasWorker());
    await until(() => rowsInMainFile(file, dir) === 105);
    expect(onThisThread()).toBe(1);
    // 200 ms without a busy spell: let go; quiet rows are this thread's again.
    await until(() => !checkpointer.hasWorker());
    write(105, 110);
    await until(() => rowsInMainFile(file, dir) === 110);
    expect(onThisThread()).toBe(2);

    // The next busy spell starts another.
    write(110, 210);
    await until(() => checkpointer.hasWorker());
    await until(() => rowsInMainFile(file, dir) === 210);
    expect(failures).toEqual([]);

    checkpointer.stop();
    db.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(() => ensureNotInUse(file)).not.toThrow();
  });
});
