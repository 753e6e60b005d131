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
    const stop = startCheckpointer(db, 20, (err) => failures.push(err));
    db.exec('CREATE TABLE t (x INTEGER) STRICT');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    for (let i = 0; i < 100; i++) insert.run(i);
    while (rowsInMainFile(file, dir) < 100) await new Promise((r) => setTimeout(r, 20));
    expect(pragma.mock.calls.map(([sql]) => sql)).not.toContain('wal_checkpoint(PASSIVE)');
    expect(failures).toEqual([]);

    stop(); // the worker's connection is closed when stop returns
    db.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(() => ensureNotInUse(file)).not.toThrow();
  });

  it('checkpoints an in-memory database on its own connection', () => {
    const db = openDatabase(':memory:');
    const stop = startCheckpointer(db, 20);
    stop();
    db.close();
  });
});
