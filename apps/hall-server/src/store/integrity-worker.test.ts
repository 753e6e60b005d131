import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/hall-harness';
import { ensureNotInUse, openDatabase, type Db } from './db';
import { startIntegrityCheck } from './integrity-worker';

const dirs: string[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) if (db.open) db.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A hall database held open by "the hall" (this connection), with some rows in its WAL. */
function hallDatabase(): { db: Db; file: string } {
  const dir = tempDir('onestop-integrity-');
  dirs.push(dir);
  const file = join(dir, 'hall.sqlite');
  const db = openDatabase(file, { autoCheckpoint: false });
  dbs.push(db);
  db.exec('CREATE TABLE history (id INTEGER PRIMARY KEY, body BLOB NOT NULL) STRICT');
  const insert = db.prepare('INSERT INTO history (body) VALUES (randomblob(400))');
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run();
  })();
  return { db, file };
}

describe('startIntegrityCheck', () => {
  it("checks the database on a connection of its own, beside the hall's open one", async () => {
    const { file } = hallDatabase();
    let started = false;
    const check = startIntegrityCheck(file, () => (started = true));
    expect(await check.result).toBe('ok');
    expect(started).toBe(true);
  });

  it('tells what it finds in damaged pages', async () => {
    const { db, file } = hallDatabase();
    db.pragma('wal_checkpoint(TRUNCATE)');
    const fd = openSync(file, 'r+');
    for (let p = 3; p < 40; p += 2) writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, p * 4096);
    closeSync(fd);
    const found = await startIntegrityCheck(file).result;
    expect(found).not.toBe('ok');
    expect(found).toMatch(/page|tree|malformed|corrupt/i);
  });

  it('a database gone is a finding, not a worker failure', async () => {
    const dir = tempDir('onestop-integrity-');
    dirs.push(dir);
    expect(await startIntegrityCheck(join(dir, 'gone.sqlite')).result).toMatch(/^SQLITE_CANTOPEN/);
  });

  it('stopped at once, it opens nothing (or closes what it opened before returning)', () => {
    const { db, file } = hallDatabase();
    startIntegrityCheck(file).stop();
    db.close();
    expect(() => ensureNotInUse(file)).not.toThrow();
  });
});
