import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSeed } from '../app/seed';
import {
  connectClient,
  hallServerOn,
  send,
  startTestHall,
  tempDir,
} from '../test-support/hall-harness';

// A full disk and a damaged database are told, never hidden: the command is refused with
// storage_full (nothing acknowledged is lost), /api/v1/health answers 503 and says why.
// The full disk is real: the hall's data directory on a 4 MiB tmpfs (needs root and mount,
// as on the development machine and in CI); without them this one test is skipped and says so.

const MiB = 1024 * 1024;
let mountDir = '';
let mounted = false;

beforeAll(() => {
  mountDir = tempDir('onestop-disk-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mountDir], { stdio: 'pipe' });
    mounted = true;
  } catch (err) {
    console.warn(`faults-disk: cannot mount a tmpfs here (${(err as Error).message.trim()})`);
  }
});
afterAll(() => {
  if (mounted) execFileSync('umount', ['--lazy', mountDir]);
  rmSync(mountDir, { recursive: true, force: true });
});

async function health(url: string): Promise<{ status: number; body: string }> {
  const res = await fetch(`${url}/api/v1/health`);
  return { status: res.status, body: await res.text() };
}

/** Fills the file system with a filler file until no byte fits; returns the filler's path. */
function fillDisk(dir: string): string {
  const filler = join(dir, 'filler');
  const fd = openSync(filler, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch {
    try {
      for (;;) writeSync(fd, chunk, 0, 512);
    } catch {
      // full
    }
  } finally {
    closeSync(fd);
  }
  return filler;
}

describe('a full disk', () => {
  it('refuses the command with storage_full, keeps what was acknowledged, health 503', async (ctx) => {
    if (!mounted) ctx.skip();
    const dataDir = join(mountDir, 'data');
    mkdirSync(dataDir);
    const server = await hallServerOn(dataDir, {
      seed: demoSeed(Date.now()),
      limits: false,
      health: { minFreeBytes: 256 * 1024 },
    });
    try {
      const kiosk = await connectClient(server.url, { deviceToken: 'demo-kiosk-1' });
      const before = await send(kiosk, 'ticket:issue', {
        commandId: 'disk-before-full',
        serviceId: 'svc-billing',
      });
      expect(before.ok).toBe(true);
      expect((await health(server.url)).status).toBe(200);

      const filler = fillDisk(mountDir);
      const refused: string[] = [];
      for (let i = 0; i < 40; i++) {
        const ack = await send(kiosk, 'ticket:issue', {
          commandId: `disk-full-${String(i).padStart(3, '0')}`,
          serviceId: 'svc-billing',
          customer: { phone: null, accountNo: null, name: 'x'.repeat(30) },
        });
        if (!ack.ok) refused.push(ack.code);
      }
      expect(refused.length).toBeGreaterThan(0);
      expect(new Set(refused)).toEqual(new Set(['storage_full']));
      const full = await health(server.url);
      expect(full.status).toBe(503);
      expect(full.body).toContain('storage_full');

      // Space again: commands are written, health recovers, and the earlier ticket is there.
      rmSync(filler);
      await new Promise((r) => setTimeout(r, 5100)); // the write probe runs at most every 5 s
      expect((await health(server.url)).status).toBe(200);
      const after = await send(kiosk, 'ticket:issue', {
        commandId: 'disk-after-full',
        serviceId: 'svc-billing',
      });
      expect(after.ok).toBe(true);
      const snapshot = await send(kiosk, 'hall:snapshot', {});
      expect(snapshot.ok && snapshot.data.tickets.map((t) => t.id)).toContain(
        before.ok && before.data.ticket.id,
      );
      kiosk.disconnect();
    } finally {
      await server.close().catch(() => undefined);
    }
  }, 60_000);
});

describe('health tells the database and disk as they are', () => {
  it('answers 503 when free space is under the threshold (statfs reading injected)', async () => {
    let free = 10 * 1024 * MiB;
    const hall = await startTestHall({ seed: demoSeed(Date.now()) });
    const dataDir = hall.dataDir;
    await hall.server.close();
    const server = await hallServerOn(dataDir, {
      seed: demoSeed(Date.now()),
      health: { freeBytes: () => free },
    });
    try {
      const fine = await health(server.url);
      expect(fine.status).toBe(200);
      const body = JSON.parse(fine.body) as { data: Record<string, unknown> };
      expect(body.data).toMatchObject({
        database: { quickCheck: 'ok', lastWriteFault: null },
        clock: { trusted: true },
      });
      free = 10 * MiB;
      const low = await health(server.url);
      expect(low.status).toBe(503);
      expect(low.body).toMatch(/storage_full.*bytes free/);
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('answers 503 when the database fails its check', async () => {
    const hall = await startTestHall({ seed: demoSeed(Date.now()) });
    try {
      expect((await health(hall.server.url)).status).toBe(200);
      // Pages overwritten under the running hall, as a failing disk would leave them; its
      // cache dropped so they are read again. quick_check finds it on its next run.
      const db = hall.server.hall.store.db;
      db.pragma('wal_checkpoint(TRUNCATE)');
      const file = join(hall.dataDir, 'hall.sqlite');
      const fd = openSync(file, 'r+');
      const pages = statSync(file).size / 4096;
      for (let p = 3; p < pages; p += 2) writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, p * 4096);
      closeSync(fd);
      db.pragma('shrink_memory');
      await hall.server.health.recheck(); // in a worker thread: its result is awaited
      const answer = await health(hall.server.url);
      expect(answer.status).toBe(503);
      expect(answer.body).toContain('database_fault');
    } finally {
      await hall.close();
    }
  });
});
