import type { ChildProcess } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  existsSync,
  openSync,
  rmSync,
  statSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { demoSeed } from '../app/seed';
import { takeBackup } from '../sync/backup';
import {
  connectClient,
  hallServerOn,
  ok,
  send,
  startTestHall,
  tempDir,
} from '../test-support/hall-harness';
import { freePort, hallProcess, killHard, listening } from '../test-support/hall-process';

// Faults told, never hidden: a hall whose database is missing, empty, older than its newest
// backup, damaged, or lost its WAL after a crash refuses to start and names the restore
// command, instead of seeding a new hall (numbers from 001 again) or serving a broken one.

const RESTORE = 'npm run restore -- --from latest';
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A demo hall that issued `count` tickets, took a backup into <dataDir>/backups and stopped. */
async function hallWithBackup(count: number): Promise<{ dataDir: string; numbers: string[] }> {
  const hall = await startTestHall({ seed: demoSeed(Date.now()), server: { limits: false } });
  const kiosk = await connectClient(hall.server.url, { deviceToken: 'demo-kiosk-1' });
  const numbers: string[] = [];
  for (let i = 0; i < count; i++)
    numbers.push(
      ok(
        await send(kiosk, 'ticket:issue', {
          commandId: `db-fault-${i}-xyz`,
          serviceId: 'svc-billing',
        }),
      ).ticket.number,
    );
  kiosk.disconnect();
  await takeBackup(hall.server.hall.store.db, join(hall.dataDir, 'backups'), Date.now());
  await hall.server.close();
  dirs.push(hall.dataDir);
  return { dataDir: hall.dataDir, numbers };
}

function startDemo(dataDir: string) {
  return hallServerOn(dataDir, {
    seed: demoSeed(Date.now()),
  });
}

describe('the database checked at start', () => {
  it('refuses a missing database when backups hold the hall', async () => {
    const { dataDir } = await hallWithBackup(3);
    for (const s of ['', '-wal', '-shm']) rmSync(join(dataDir, `hall.sqlite${s}`), { force: true });
    await expect(startDemo(dataDir)).rejects.toThrow(RESTORE);
    expect(existsSync(join(dataDir, 'hall.sqlite'))).toBe(false); // nothing created meanwhile
  });

  it('refuses an empty database file when backups hold the hall', async () => {
    const { dataDir } = await hallWithBackup(3);
    truncateSync(join(dataDir, 'hall.sqlite'), 0);
    await expect(startDemo(dataDir)).rejects.toThrow(/empty[\s\S]*npm run restore/);
  });

  it('refuses a database older than the newest backup', async () => {
    const hall = await startTestHall({ seed: demoSeed(Date.now()) });
    dirs.push(hall.dataDir);
    await hall.server.close();
    const old = join(hall.dataDir, 'old.sqlite');
    copyFileSync(join(hall.dataDir, 'hall.sqlite'), old);
    await hall.restart();
    const kiosk = await connectClient(hall.server.url, { deviceToken: 'demo-kiosk-1' });
    ok(await send(kiosk, 'ticket:issue', { commandId: 'older-issue-1', serviceId: 'svc-billing' }));
    kiosk.disconnect();
    await takeBackup(hall.server.hall.store.db, join(hall.dataDir, 'backups'), Date.now());
    await hall.server.close();
    copyFileSync(old, join(hall.dataDir, 'hall.sqlite'));
    await expect(startDemo(hall.dataDir)).rejects.toThrow(
      /older than the newest backup[\s\S]*npm run restore/,
    );
  });

  it('refuses a damaged database', async () => {
    const { dataDir } = await hallWithBackup(30);
    const file = join(dataDir, 'hall.sqlite');
    const pages = statSync(file).size / 4096;
    expect(pages).toBeGreaterThan(8);
    const fd = openSync(file, 'r+');
    const garbage = Buffer.alloc(4096, 0x5a);
    for (let p = 3; p < pages; p += 2) writeSync(fd, garbage, 0, 4096, p * 4096);
    await new Promise<void>((r) => setImmediate(r));
    await expect(startDemo(dataDir)).rejects.toThrow(/damaged[\s\S]*npm run restore/);
  });

  it('still starts a fresh demo hall and a fresh test hall (no backups, no database)', async () => {
    const fresh = tempDir();
    dirs.push(fresh);
    const server = await startDemo(fresh);
    await server.close();
    const again = await startDemo(fresh); // a clean stop, then a start
    await again.close();
  });
});

describe('the database checked while the hall serves', () => {
  it('a page damaged after start is told by the next check: health 503 and an error in the log', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    const dataDir = tempDir();
    dirs.push(dataDir);
    const server = await hallServerOn(dataDir, { seed: demoSeed(Date.now()), logger });
    try {
      const url = `${server.url}/api/v1/health`;
      expect((await fetch(url)).status).toBe(200);
      // Pages overwritten under the running hall, as a failing disk would leave them. The
      // check runs on a connection of its own: the hall's page cache does not hide them.
      server.hall.store.db.pragma('wal_checkpoint(TRUNCATE)');
      const file = join(dataDir, 'hall.sqlite');
      const fd = openSync(file, 'r+');
      const pages = statSync(file).size / 4096;
      for (let p = 3; p < pages; p += 2) writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, p * 4096);
      closeSync(fd);
      const check = server.health.recheck();
      expect(server.health.report().database.quickCheckRunning).toBe(true);
      expect(await check).not.toBe('ok');
      const answer = await fetch(url);
      expect(answer.status).toBe(503);
      const body = (await answer.json()) as {
        code: string;
        message: string;
        data: { database: { quickCheck: string; quickCheckRunning: boolean } };
      };
      expect(body.code).toBe('database_fault');
      expect(body.message).toContain('the database failed its check');
      expect(body.data.database).toMatchObject({
        quickCheck: await check,
        quickCheckRunning: false,
      });
      const told = lines.map((l) => JSON.parse(l) as { level: number; msg: string });
      expect(told).toContainEqual(
        expect.objectContaining({
          level: 50,
          msg: expect.stringMatching(/FAILED its integrity check[\s\S]*npm run restore/),
        }),
      );
    } finally {
      await server.close().catch(() => undefined);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// An unclean stop (SIGKILL) whose WAL is then deleted: the acknowledged changes in it are gone.

/** `npm start` as its own process; resolves when it listens or exits (with its output). */
async function spawnHall(
  dataDir: string,
  port: number,
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; exitCode: number | null; output: string }> {
  const run = hallProcess(dataDir, port, env);
  const exitCode = await listening(run);
  return { child: run.child, exitCode, output: run.output() };
}

describe('an unclean stop', () => {
  it('refuses to start when the WAL was deleted after a SIGKILL, and starts when it is there', async () => {
    const { dataDir, port, db } = await killedHall();
    const url = `http://127.0.0.1:${port}`;

    // With its WAL the killed hall comes back (SQLite replays it).
    copyFileSync(`${db}-wal`, join(dataDir, 'saved-wal'));
    const second = await spawnHall(dataDir, port);
    expect(second.exitCode, second.output).toBeNull();
    const again = await connectClient(url, { deviceToken: 'demo-kiosk-1' });
    const snapshot = ok(await send(again, 'hall:snapshot', {}));
    expect(snapshot.tickets.filter((t) => t.serviceId === 'svc-billing')).toHaveLength(5);
    again.disconnect();
    await killHard(second.child);

    // Without it, the hall refuses and says how to restore.
    rmSync(`${db}-wal`);
    const third = await spawnHall(dataDir, port);
    await killHard(third.child);
    expect(third.exitCode, third.output).not.toBe(0);
    expect(third.exitCode).not.toBeNull();
    expect(third.output).toContain('WAL');
    expect(third.output).toContain(RESTORE);
  }, 90_000);
});

/** A demo hall (its own process) that issued 5 tickets and was killed: its WAL holds them. */
async function killedHall(): Promise<{ dataDir: string; port: number; db: string }> {
  const dataDir = tempDir();
  dirs.push(dataDir);
  const port = await freePort();
  const first = await spawnHall(dataDir, port, { DEMO: '1' });
  expect(first.exitCode, first.output).toBeNull();
  const kiosk = await connectClient(`http://127.0.0.1:${port}`, { deviceToken: 'demo-kiosk-1' });
  for (let i = 0; i < 5; i++)
    ok(
      await send(kiosk, 'ticket:issue', {
        commandId: `wal-fault-${i}-xyz`,
        serviceId: 'svc-billing',
      }),
    );
  kiosk.disconnect();
  await killHard(first.child);
  const db = join(dataDir, 'hall.sqlite');
  expect(statSync(`${db}-wal`).size).toBeGreaterThan(32);
  return { dataDir, port, db };
}

async function refusedStart(dataDir: string, port: number, env: Record<string, string>) {
  const run = await spawnHall(dataDir, port, env);
  await killHard(run.child);
  expect(run.exitCode, run.output).toBe(78);
  return run.output;
}

describe('a WAL or database file lost after a SIGKILL', () => {
  it('refuses a WAL truncated to 0 bytes like a missing one', async () => {
    const { dataDir, port, db } = await killedHall();
    truncateSync(`${db}-wal`, 0);
    const output = await refusedStart(dataDir, port, { DEMO: '1' });
    expect(output).toContain('WAL');
    expect(output).toContain(RESTORE);
  }, 90_000);

  it('refuses a WAL without the WAL magic like a missing one', async () => {
    const { dataDir, port, db } = await killedHall();
    const fd = openSync(`${db}-wal`, 'r+');
    writeSync(fd, Buffer.alloc(32, 0), 0, 32, 0);
    const output = await refusedStart(dataDir, port, { DEMO: '1' });
    expect(output).toContain('WAL');
    expect(output).toContain(RESTORE);
  }, 90_000);

  it.each([
    ['deleted', 'DEMO=1'],
    ['deleted', 'DEMO=0'],
    ['emptied', 'DEMO=1'],
    ['emptied', 'DEMO=0'],
  ])(
    'refuses a main file %s while its WAL remains (%s), creating nothing',
    async (how, env) => {
      const { dataDir, port, db } = await killedHall();
      if (how === 'deleted') rmSync(db);
      else truncateSync(db, 0);
      const output = await refusedStart(dataDir, port, { DEMO: env.slice(-1) });
      expect(output).toContain('WAL');
      expect(output).toContain(RESTORE);
      if (how === 'deleted') expect(existsSync(db)).toBe(false);
      else expect(statSync(db).size).toBe(0);
    },
    90_000,
  );
});

describe('start-up settings', () => {
  it('DEMO=0 on a data directory with no hall: refused (78), names npm run setup, creates nothing', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const output = await refusedStart(dataDir, await freePort(), { DEMO: '0' });
    expect(output).toContain('npm run setup');
    expect(existsSync(join(dataDir, 'hall.sqlite'))).toBe(false);
  }, 60_000);

  it.each(['false', 'true', 'no', '', ' 1'])(
    'DEMO=%j is refused (exit 78, a configuration error) with a clear message',
    async (value) => {
      const dataDir = tempDir();
      dirs.push(dataDir);
      const run = await spawnHall(dataDir, await freePort(), { DEMO: value });
      await killHard(run.child);
      expect(run.exitCode, run.output).toBe(78);
      expect(run.output).toMatch(/DEMO must be 0 .*or 1/);
      expect(existsSync(join(dataDir, 'hall.sqlite'))).toBe(false);
    },
    60_000,
  );
});
