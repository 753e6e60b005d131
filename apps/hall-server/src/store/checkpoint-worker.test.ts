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
  it("copies the WAL back into the database from a worker thread, never on the hall's connection", async () => {
    const dir = tempDir('onestop-checkpoint-');
    dirs.push(dir);
    const file = join(dir, 'hall.sqlite');
    const db = openDatabase(file, { autoCheckpoint: false });
    const pragma = vi.spyOn(db, 'pragma');
    const failures: Error[] = [];
    const checkpointer = startCheckpointer(db, { intervalMs: 20 }, (err) => failures.push(err));
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

  it('starts its worker on the first write, lets it go after a quiet spell, and starts another on the next write', async () => {
    const dir = tempDir('onestop-checkpoint-');
    dirs.push(dir);
    const file = join(dir, 'hall.sqlite');
    const db = openDatabase(file, { autoCheckpoint: false });
    const failures: Error[] = [];
    const checkpointer = startCheckpointer(db, { intervalMs: 20, idleMs: 200 }, (err) =>
      failures.push(err),
    );
    const until = async (done: () => boolean) => {
      while (!done()) await new Promise((r) => setTimeout(r, 10));
    };
    // Nothing written since it started: no second engine in memory.
    await new Promise((r) => setTimeout(r, 100));
    expect(checkpointer.hasWorker()).toBe(false);

    db.exec('CREATE TABLE t (x INTEGER) STRICT');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    for (let i = 0; i < 10; i++) insert.run(i);
    await until(() => checkpointer.hasWorker());
    await until(() => rowsInMainFile(file, dir) === 10);
    await until(() => !checkpointer.hasWorker()); // 200 ms with nothing to checkpoint

    for (let i = 10; i < 20; i++) insert.run(i);
    await until(() => checkpointer.hasWorker());
    await until(() => rowsInMainFile(file, dir) === 20);
    expect(failures).toEqual([]);

    checkpointer.stop();
    db.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(() => ensureNotInUse(file)).not.toThrow();
  });
});
