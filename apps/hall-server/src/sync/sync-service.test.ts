import type { Alert, HallChange, SyncStatus } from '@onestop/shared';
import { rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoSeed } from '../app/seed';
import { startOfBusinessDay } from '../domain/business-day';
import { accept } from '../domain/result';
import { startHallServer, type HallServer } from '../server';
import {
  clerkAtCounter,
  nextChange,
  ok,
  send,
  silent,
  tempDir,
  type HallClient,
} from '../test-support/hall-harness';
import type { SyncOptions } from './sync-service';

// The hall's nightly job on its own clock: it starts at the configured local time, a failed run
// is retried with backoff and jitter, and failures reach the duty leader as `sync_failed` alerts
// (one a business day). The center is a port nobody listens on; runs against a real center are
// in apps/central/src/sync.test.ts.

const TZ = 'Asia/Shanghai';
const DAY = '2026-11-23';
const HOUR = 3_600_000;

/** A local port that refuses connections: a WAN that is down. */
async function deadCenterUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

interface Night {
  server: HallServer;
  leader: HallClient;
  dataDir: string;
  setNow(t: number): void;
  /** Stops the hall server (as a crash would leave it, if the test wrote so) and starts it again. */
  restart(): Promise<void>;
}

let open: Night | null = null;
afterEach(async () => {
  if (!open) return;
  open.leader.disconnect();
  await open.server.close();
  rmSync(open.dataDir, { recursive: true, force: true });
  open = null;
});

async function startNight(start: number, sync: (dataDir: string) => SyncOptions): Promise<Night> {
  let now = start;
  const dataDir = tempDir('onestop-sync-service-');
  const options = sync(dataDir);
  const launch = async () => {
    const server = await startHallServer({
      dataDir,
      port: 0,
      host: '127.0.0.1',
      seed: demoSeed(start),
      clock: () => now,
      logger: silent,
      sync: options,
    });
    const leader = await clerkAtCounter(server.url, {
      deviceToken: 'demo-console',
      staffNo: '8001',
      pin: '8001',
    }).catch(async (err: unknown) => {
      await server.close();
      throw err;
    });
    return { server, leader: leader.socket };
  };
  const night: Night = {
    ...(await launch()),
    dataDir,
    setNow: (t) => (now = t),
    async restart() {
      night.leader.disconnect();
      await night.server.close();
      Object.assign(night, await launch());
    },
  };
  open = night;
  return night;
}

/** The next finished run the console hears of, with the `sync_failed` alerts published with it. */
async function finishedRun(socket: HallClient): Promise<{ status: SyncStatus; alerts: Alert[] }> {
  const alerts: Alert[] = [];
  const collect = (c: HallChange) =>
    alerts.push(...(c.records.alerts ?? []).filter((a) => a.kind === 'sync_failed'));
  socket.on('hall:changed', collect);
  try {
    // A run takes a backup first: on a busy CI machine that alone passed nextChange's 5 s.
    const change = await nextChange(
      socket,
      (c) => (c.records.syncStatus ?? []).some((s) => s.state === 'idle' && s.finishedAt !== null),
      20_000,
    );
    // A run's alert is written before its final status, so it has arrived by now.
    return { status: change.records.syncStatus!.at(-1)!, alerts };
  } finally {
    socket.off('hall:changed', collect);
  }
}

const syncFailedAlerts = (server: HallServer) =>
  server.hall.store.alerts.current(0).filter((a) => a.kind === 'sync_failed');

describe('the nightly job on the hall’s clock', () => {
  it('runs at the configured local time, retries with backoff and jitter, and alerts the duty leader once a day', async () => {
    const dayStart = startOfBusinessDay(DAY, TZ);
    const centerUrl = await deadCenterUrl();
    const { server, leader, setNow } = await startNight(dayStart + 3 * HOUR, (dataDir) => ({
      centerUrl,
      hallKey: 'k'.repeat(64),
      runAt: '03:15',
      backupDir: join(dataDir, 'backups'),
      requestAttempts: 1,
      runBackoff: { baseMs: 60_000, maxMs: 600_000 },
      random: () => 0.5, // the jitter's draw, fixed: delays are exact
      tickMs: 20,
    }));

    // The console's view before any run: nothing run yet, the next run at 03:15 local time.
    const before = ok(await send(leader, 'sync:status', {})).status;
    expect(before).toMatchObject({
      configured: true,
      runAt: '03:15',
      state: 'idle',
      result: null,
      startedAt: null,
      sent: 0,
      total: 0,
      nextRunAt: dayStart + 3 * HOUR + 15 * 60_000,
    });

    // 03:15 comes: the scheduled run backs up, fails to reach the center, and is retried after
    // the first backoff step (60 s) with jitter (0.5 of its upper half: 45 s).
    const first = finishedRun(leader);
    setNow(before.nextRunAt! + 1000);
    const failed = await first;
    expect(failed.status).toMatchObject({
      trigger: 'schedule',
      result: 'failed',
      failures: 1,
      startedAt: before.nextRunAt! + 1000,
      lastBackupError: null,
    });
    expect(failed.status.error).toMatch(/did not answer/);
    expect(failed.status.lastBackupFile).toMatch(/\.sqlite$/);
    expect(failed.status.nextRunAt).toBe(failed.status.finishedAt! + 45_000);
    expect(failed.alerts).toMatchObject([
      { kind: 'sync_failed', subjectId: 'sync', acknowledgedAt: null },
    ]);

    // The retry: the second step (120 s → 90 s); no second alert the same business day.
    const second = finishedRun(leader);
    setNow(failed.status.nextRunAt!);
    const retried = await second;
    expect(retried.status).toMatchObject({ trigger: 'retry', result: 'failed', failures: 2 });
    expect(retried.status.nextRunAt).toBe(retried.status.finishedAt! + 90_000);
    expect(retried.alerts).toEqual([]);
    expect(syncFailedAlerts(server)).toHaveLength(1);

    // What the console shows comes from one query too.
    const shown = ok(await send(leader, 'sync:status', {})).status;
    expect(shown).toMatchObject({
      state: 'idle',
      startedAt: retried.status.startedAt,
      finishedAt: retried.status.finishedAt,
      result: 'failed',
      sent: 0,
      total: 0,
      nextRunAt: retried.status.nextRunAt,
    });

    // Still failing the next business day: the duty leader hears of it again.
    const third = finishedRun(leader);
    setNow(dayStart + 27 * HOUR + 15 * 60_000);
    const nextDay = await third;
    expect(nextDay.status).toMatchObject({ result: 'failed', failures: 3 });
    expect(nextDay.alerts).toMatchObject([{ kind: 'sync_failed' }]);
    expect(syncFailedAlerts(server)).toHaveLength(2);
  });

  it('after a crash in the middle of a run, says it was interrupted and resumes it soon', async () => {
    const dayStart = startOfBusinessDay(DAY, TZ);
    const centerUrl = await deadCenterUrl();
    const night = await startNight(dayStart + 14 * HOUR, (dataDir) => ({
      centerUrl,
      hallKey: 'k'.repeat(64),
      backupDir: join(dataDir, 'backups'),
      requestAttempts: 1,
      resumeDelayMs: 10 * 60_000,
      tickMs: 20,
    }));
    // The status as a power cut in the middle of sending leaves it on disk.
    const cutAt = dayStart + 14 * HOUR;
    night.server.hall.runSystem('test-crash', (tx) =>
      accept(
        tx.write.syncStatus({
          ...tx.store.sync.status(),
          state: 'running',
          phase: 'sending',
          runId: 'run-cut',
          trigger: 'console',
          startedAt: cutAt,
          sent: 40,
          total: 100,
        }),
      ),
    );
    night.setNow(cutAt + HOUR);
    await night.restart();

    const after = ok(await send(night.leader, 'sync:status', {})).status;
    expect(after).toMatchObject({
      state: 'idle',
      phase: null,
      runId: 'run-cut',
      result: 'interrupted',
      finishedAt: cutAt + HOUR,
      sent: 40,
      total: 100,
      // Not at 02:30 tomorrow: ten minutes after the start, from where the center acknowledged.
      nextRunAt: cutAt + HOUR + 10 * 60_000,
    });

    const resumed = finishedRun(night.leader);
    night.setNow(after.nextRunAt!);
    const { status } = await resumed;
    expect(status).toMatchObject({ trigger: 'retry', result: 'failed', failures: 1 });
    expect(status.runId).not.toBe('run-cut');
  });

  it('backs up nightly without a center, and alerts the duty leader when the backup fails', async () => {
    const dayStart = startOfBusinessDay(DAY, TZ);
    const { server, leader, setNow } = await startNight(dayStart + 20 * HOUR, (dataDir) => {
      const notADirectory = join(dataDir, 'backups-file');
      writeFileSync(notADirectory, 'a file where the backup folder should be');
      return {
        centerUrl: null,
        hallKey: null,
        backupDir: join(notADirectory, 'backups'),
        tickMs: 20,
      };
    });
    const before = ok(await send(leader, 'sync:status', {})).status;
    expect(before).toMatchObject({ configured: false, runAt: '02:30' });
    expect(before.nextBackupAt).toBe(dayStart + 26 * HOUR + 30 * 60_000); // 02:30 tomorrow

    const night = finishedRun(leader);
    setNow(before.nextBackupAt!);
    const { status, alerts } = await night;
    expect(status).toMatchObject({ trigger: 'schedule', result: 'failed', lastBackupFile: null });
    expect(status.error).toMatch(/^backup failed: /);
    expect(status.lastBackupError).not.toBeNull();
    expect(status.nextBackupAt).toBe(before.nextBackupAt! + 24 * HOUR);
    expect(alerts).toMatchObject([{ kind: 'sync_failed', subjectId: 'sync' }]);
    expect(syncFailedAlerts(server)).toHaveLength(1);
  });
});
