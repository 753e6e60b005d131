import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHall } from '../app/hall';
import { demoSeed, seedHall } from '../app/seed';
import { silent, tempDir } from '../test-support/hall-harness';
import { openDatabase } from './db';
import { createStore } from './store';
import { walSync } from './wal-sync';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function database() {
  const dir = tempDir('onestop-walsync-');
  dirs.push(dir);
  const file = join(dir, 'hall.sqlite');
  return { db: openDatabase(file, { autoCheckpoint: false }), file };
}

describe('walSync', () => {
  it('commits at NORMAL and syncs the WAL for every caller, also callers that arrive during a sync', async () => {
    const { db, file } = database();
    const durable = walSync(db, file);
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // 1 = NORMAL
    db.exec('CREATE TABLE t (x INTEGER) STRICT; INSERT INTO t VALUES (1)');
    await expect(Promise.all([durable(), durable(), durable()])).resolves.toHaveLength(3);
    db.exec('INSERT INTO t VALUES (2)');
    await expect(durable()).resolves.toBeUndefined(); // the kept descriptor
    durable.close();
    db.close();
  });

  it('refuses when the WAL cannot be synced', async () => {
    const { db } = database();
    const elsewhere = tempDir('onestop-walsync-none-');
    dirs.push(elsewhere);
    const durable = walSync(db, join(elsewhere, 'gone.sqlite'));
    await expect(durable()).rejects.toMatchObject({ code: 'SQLITE_IOERR_FSYNC' });
    db.close();
  });
});

describe('a hall whose commits are synced after COMMIT', () => {
  it('acknowledges a command, and answers a query, only once its batch is on disk', async () => {
    const { db } = database();
    const store = createStore(db);
    const now = Date.now();
    await seedHall(store, demoSeed(now));
    let release!: () => void;
    let syncs = 0;
    const durable = () => {
      syncs++;
      return new Promise<void>((r) => (release = r));
    };
    const hall = createHall({ store, clock: () => now, logger: silent, durable });
    const kiosk = { deviceToken: 'demo-kiosk-1' };
    let acked = false;
    const issued = hall
      .execute('ticket:issue', { commandId: 'wal-sync-0001', serviceId: 'svc-billing' }, kiosk)
      .then((r) => ((acked = true), r));
    let answered = false;
    await vi.waitFor(() => expect([syncs, acked]).toEqual([1, false])); // committed, syncing
    const snapshot = hall.execute('hall:snapshot', {}, kiosk).then((r) => ((answered = true), r));
    await new Promise((r) => setTimeout(r, 50));
    expect([acked, answered]).toEqual([false, false]);
    release();
    expect((await issued).ack.ok).toBe(true);
    expect((await snapshot).ack.ok).toBe(true);
    db.close();
  });
});
