import Database from 'better-sqlite3';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoSeed } from '../app/seed';
import { startHallServer } from '../server';
import {
  clerkAtCounter,
  connectClient,
  nextChange,
  ok,
  send,
  silent,
  tempDir,
} from '../test-support/hall-harness';
import { backupFileName, checkDatabaseFile, listBackups, pruneBackups, takeBackup } from './backup';
import { TIMELINE_OFFSET } from './cursor';
import { restoreHall } from './restore';

// Online backups of a working hall, the restore command, and the console's view of both.

const seed = demoSeed(Date.now());
const start = (dataDir: string, sync?: Parameters<typeof startHallServer>[0]['sync']) =>
  startHallServer({ dataDir, port: 0, host: '127.0.0.1', seed, logger: silent, sync });

describe('backups and restore', () => {
  it('backs up a working hall, restores it, and serves from the restored copy', async () => {
    const dataDir = tempDir();
    const backups = join(dataDir, 'backups');
    try {
      let server = await start(dataDir);
      const kiosk = await connectClient(server.url, { deviceToken: 'demo-kiosk-1' });
      const before = [];
      for (let i = 0; i < 3; i++)
        before.push(ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-billing' })).ticket);
      const backup = await takeBackup(server.hall.store.db, backups, Date.now());
      expect(checkDatabaseFile(backup.file)).toBe('ok');
      const copy = new Database(backup.file, { readonly: true });
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete'); // one self-contained file
      expect(copy.prepare('SELECT count(*) FROM tickets').pluck().get()).toBe(3);
      copy.close();
      const lost = ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-billing' })).ticket;
      const seqBefore = server.hall.store.hall.state().seq;
      // Not under a running hall server: it would go on serving the file moved aside.
      expect(() => restoreHall({ from: backup.file, dataDir })).toThrow(
        /in use: stop the hall server first/,
      );
      expect(readdirSync(dataDir).filter((f) => f.startsWith('replaced-'))).toEqual([]);
      kiosk.disconnect();
      await server.close();

      const result = restoreHall({ from: backup.file, dataDir });
      expect(result.movedAsideTo).not.toBeNull();
      expect(existsSync(join(result.movedAsideTo!, 'hall.sqlite'))).toBe(true);
      expect(result.seqAfter).toBe(result.seqBefore + TIMELINE_OFFSET);

      server = await start(dataDir);
      try {
        const desk = await clerkAtCounter(server.url, {
          deviceToken: 'demo-desk-1',
          staffNo: '1001',
          pin: '1001',
          counterId: 'ctr-1',
        });
        const snapshot = ok(await send(desk.socket, 'hall:snapshot', {}));
        expect(snapshot.tickets.map((t) => t.id).sort()).toEqual(before.map((t) => t.id).sort());
        expect(snapshot.tickets.some((t) => t.id === lost.id)).toBe(false);
        // Devices that had seen the lost timeline see a jump forward, never a step back.
        expect(snapshot.seq).toBeGreaterThan(seqBefore);
        const called = ok(await send(desk.socket, 'ticket:call-next', {}));
        expect(called.ticket.id).toBe(before[0]!.id);
        const audit = server.hall.store.log.recentAudit(50).map((a) => a.command);
        expect(audit).toContain('system:restore');
        desk.socket.disconnect();
      } finally {
        await server.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a damaged backup and leaves the hall as it was', async () => {
    const dataDir = tempDir();
    try {
      const server = await start(dataDir);
      await server.close();
      const bad = join(dataDir, 'not-a-backup.sqlite');
      writeFileSync(bad, 'this is not a database');
      expect(() => restoreHall({ from: bad, dataDir })).toThrow();
      expect(() => restoreHall({ from: join(dataDir, 'missing.sqlite'), dataDir })).toThrow(
        /no backup file/,
      );
      expect(readdirSync(dataDir).filter((f) => f.startsWith('replaced-'))).toEqual([]);
      expect(checkDatabaseFile(join(dataDir, 'hall.sqlite'))).toBe('ok');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('keeps backups for the configured days, and always the newest', () => {
    const dir = tempDir();
    const day = 86_400_000;
    const now = Date.parse('2026-11-24T02:30:00Z');
    try {
      for (const age of [0, 1, 13, 15, 40])
        writeFileSync(join(dir, backupFileName(now - age * day)), '');
      writeFileSync(join(dir, 'notes.txt'), '');
      const removed = pruneBackups(dir, 14, now);
      expect(removed).toHaveLength(2);
      expect(listBackups(dir).map((b) => (now - b.at) / day)).toEqual([13, 1, 0]);
      expect(existsSync(join(dir, 'notes.txt'))).toBe(true);
      // Everything old, nothing recent: the newest stays.
      expect(pruneBackups(dir, 14, now + 100 * day)).toHaveLength(2);
      expect(listBackups(dir)).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the console and the nightly job', () => {
  it('shows the status, and backs up on demand when no center is configured', async () => {
    const dataDir = tempDir();
    const server = await start(dataDir, {
      centerUrl: null,
      hallKey: null,
      backupDir: join(dataDir, 'backups'),
      tickMs: 3_600_000,
    });
    try {
      const leader = await clerkAtCounter(server.url, {
        deviceToken: 'demo-console',
        staffNo: '8001',
        pin: '8001',
      });
      const { status } = ok(await send(leader.socket, 'sync:status', {}));
      expect(status).toMatchObject({ configured: false, state: 'idle', runAt: '02:30' });
      expect(status.nextBackupAt).toBeGreaterThan(Date.now());
      const finished = nextChange(leader.socket, (c) =>
        (c.records.syncStatus ?? []).some((s) => s.state === 'idle' && s.lastBackupFile !== null),
      );
      const asked = ok(await send(leader.socket, 'sync:run-now', {}));
      expect(asked.status.requestedAt).not.toBeNull();
      const done = (await finished).records.syncStatus!.at(-1)!; // latest version last
      expect(done).toMatchObject({ result: 'ok', trigger: 'console', lastBackupError: null });
      expect(listBackups(join(dataDir, 'backups'))).toHaveLength(1);
      const again = ok(await send(leader.socket, 'sync:status', {}));
      expect(again.status.lastBackupAt).toBe(done.lastBackupAt);
      // The console's records since a sequence number carry it too.
      const since = ok(
        await send(leader.socket, 'hall:changes-since', { since: status.changeSeq }),
      );
      expect(since.records.syncStatus?.[0]?.lastBackupFile).toBe(done.lastBackupFile);
      leader.socket.disconnect();
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a run on a hall with neither a center nor backups', async () => {
    const dataDir = tempDir();
    const server = await start(dataDir);
    try {
      const leader = await clerkAtCounter(server.url, {
        deviceToken: 'demo-console',
        staffNo: '8001',
        pin: '8001',
      });
      expect(await send(leader.socket, 'sync:run-now', {})).toMatchObject({
        ok: false,
        code: 'sync_not_configured',
      });
      leader.socket.disconnect();
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
