import { type SyncStatus } from '@onestop/shared';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { clerkAtCounter, ok, send } from '@onestop/hall-server/test-support/hall-harness';
import { backends, OFFICE_TOKEN } from './test-support/center-harness';
import { boundsOf, expectMirror, workADay } from './test-support/synced-hall';
import { syncCenter } from './test-support/sync-center';

// The nightly upward sync end to end: real hall servers over real SQLite files, a real center
// on PGlite (and on the PostgreSQL server when DATABASE_URL is set), and the faults a WAN and a
// power cut bring. Every case ends with the center holding exactly one current copy of every
// hall record.

describe.each(backends)('upward sync into $name', (backend) => {
  const sync = syncCenter(backend);
  const { hallWith, heldRows } = sync;

  it('sends a day of records once, in batches, reconciles them, and sums them up for the office', async () => {
    const { hall, hallId, close } = await hallWith();
    try {
      await workADay(hall.server, 6);
      const bounds = boundsOf(hall.server);
      const status = await hall.server.sync.runNow('console');
      expect(status).toMatchObject({ state: 'idle', result: 'ok', error: null, unresolved: 0 });
      expect(status.sent).toBe(status.total);
      expect(status.total).toBeGreaterThan(60);
      expect(status.lastBackupFile).toMatch(/hall-.*\.sqlite$/);
      expect(status.nextRunAt).toBeGreaterThan(Date.now());
      expect(await expectMirror(sync.center.db, hall.server, bounds)).toBeGreaterThan(60);

      // Nothing changed since: the next run sends only what the last one wrote about itself.
      const again = await hall.server.sync.runNow('console');
      expect(again).toMatchObject({ result: 'ok', mismatched: 0 });
      expect(again.total).toBeLessThan(20);

      const day = hall.server.hall.store.hall.state().businessDay;
      const res = await fetch(
        `${sync.center.url}/v1/summary?from=${day}&to=${day}&hall=${hallId}`,
        {
          headers: { authorization: `Bearer ${OFFICE_TOKEN}` },
        },
      );
      const body = (await res.json()) as { data: { summaries: unknown[] } };
      expect(body.data.summaries).toEqual([
        {
          hallId,
          day,
          tickets: 6,
          served: 6,
          noShows: 0,
          waitMeanSec: expect.any(Number),
          waitP90Sec: expect.any(Number),
          rated: 6,
          satisfactionRate: 0.833, // 5 of 6 (very) satisfied, one neutral
          dissatisfied: 0,
          opinions: 1,
        },
      ]);
      const refused = await fetch(`${sync.center.url}/v1/summary?from=${day}&to=${day}`);
      expect(refused.status).toBe(401);
    } finally {
      await close();
    }
  });

  it('shows the console a run it started, with its progress', async () => {
    const { hall, close } = await hallWith({ sync: { batchRows: 15 } });
    try {
      await workADay(hall.server, 3);
      const leader = await clerkAtCounter(hall.server.url, {
        deviceToken: 'demo-console',
        staffNo: '8001',
        pin: '8001',
      });
      const seen: SyncStatus[] = [];
      const finished = new Promise<void>((resolve) =>
        leader.socket.on('hall:changed', (c) => {
          seen.push(...(c.records.syncStatus ?? []));
          if (c.records.syncStatus?.some((s) => s.result !== null && s.state === 'idle')) resolve();
        }),
      );
      ok(await send(leader.socket, 'sync:run-now', {}));
      await finished;
      const running = seen.filter((s) => s.state === 'running' && s.phase === 'sending');
      // A view is sent at most one message per 20 ms (docs/api.md), the records at their
      // latest: the console sees the run's progress in steps, not necessarily every batch.
      expect(running.length).toBeGreaterThan(0);
      const progress = running.map((s) => s.sent);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      expect(running.some((s) => s.sent > 0 && s.sent < s.total)).toBe(true);
      const last = seen.at(-1)!;
      expect(last).toMatchObject({ result: 'ok', trigger: 'console', requestedAt: null });
      expect(last.requestedBy).toBeNull();
      const { status } = ok(await send(leader.socket, 'sync:status', {}));
      expect(status).toMatchObject({ result: 'ok', sent: last.total, configured: true });
      leader.socket.disconnect();
    } finally {
      await close();
    }
  });

  it('survives the connection dropping in the middle of a batch', async () => {
    const { hall, proxy, close } = await hallWith({
      fault: (n) => (n === 2 || n === 5 ? 'cut-request' : 'pass'),
      sync: { batchRows: 10 },
    });
    try {
      await workADay(hall.server, 4);
      const bounds = boundsOf(hall.server);
      const status = await hall.server.sync.runNow();
      expect(status.result).toBe('ok');
      expect(proxy!.seen.filter((s) => s.endsWith('/batches')).length).toBeGreaterThan(5);
      await expectMirror(sync.center.db, hall.server, bounds);
    } finally {
      await close();
    }
  });

  it('changes nothing when the same batch arrives twice', async () => {
    // Batch 2 is delivered twice by the network (the second, a replay, is refused); batch 3 is
    // stored but its answer lost, so the hall sends it again (accepted, and it applies nothing).
    const { hall, hallId, close } = await hallWith({
      fault: (n) => (n === 2 ? 'duplicate' : n === 3 ? 'drop-response' : 'pass'),
      sync: { batchRows: 10 },
    });
    try {
      await workADay(hall.server, 4);
      const bounds = boundsOf(hall.server);
      expect((await hall.server.sync.runNow()).result).toBe('ok');
      const twice = await sync.center.db.query<{ deliveries: number; applied: number }>(
        'SELECT deliveries, applied FROM hall_batches WHERE hall_id = $1 AND deliveries > 1',
        [hallId],
      );
      expect(twice).toEqual([{ deliveries: 2, applied: expect.any(Number) }]);
      await expectMirror(sync.center.db, hall.server, bounds);
    } finally {
      await close();
    }
  });

  it('resumes where the center is when the hall dies between its store and the acknowledgement', async () => {
    let kill = true;
    const { hall, hallId, close } = await hallWith({
      sync: {
        hooks: {
          afterBatchStored(batch) {
            if (kill && batch.batchId.endsWith('-2')) throw new Error('power cut');
          },
        },
      },
    });
    try {
      await workADay(hall.server, 4);
      const bounds = boundsOf(hall.server);
      const cut = await hall.server.sync.runNow();
      expect(cut).toMatchObject({ result: 'failed', error: 'power cut' });
      const centerCursors = await sync.center.db.query<{ t: string; pos: string }>(
        'SELECT source_table AS t, pos::text AS pos FROM hall_cursors WHERE hall_id = $1',
        [hallId],
      );
      const hallCursors = hall.server.hall.store.sync.cursors();
      // The center stored batch 2 with its cursors; the hall never recorded it.
      expect(centerCursors.some((c) => (hallCursors[c.t]?.pos ?? 0) < Number(c.pos))).toBe(true);
      kill = false;
      await hall.restart();
      const resumed = await hall.server.sync.runNow();
      expect(resumed).toMatchObject({ result: 'ok', failures: 0 });
      expect(resumed.total).toBeLessThan(cut.total);
      const again = await sync.center.db.query(
        'SELECT batch_id FROM hall_batches WHERE hall_id = $1 AND deliveries > 1',
        [hallId],
      );
      expect(again).toEqual([]); // nothing was sent twice: the run began where the center was
      await expectMirror(sync.center.db, hall.server, bounds);
    } finally {
      await close();
    }
  });

  it('waits out a center restarted in the middle of a run', async () => {
    let restarting: Promise<void> | null = null;
    const { hall, close } = await hallWith({
      sync: {
        requestAttempts: 60,
        requestBackoff: { baseMs: 50, maxMs: 250 },
        hooks: {
          async afterBatchStored(batch) {
            if (restarting || !batch.batchId.endsWith('-1')) return;
            await sync.center.pause();
            restarting = sync.center.restart();
          },
        },
      },
    });
    try {
      await workADay(hall.server, 4);
      const bounds = boundsOf(hall.server);
      const status = await hall.server.sync.runNow();
      await restarting;
      expect(restarting).not.toBeNull();
      expect(status.result).toBe('ok');
      await expectMirror(sync.center.db, hall.server, bounds);
    } finally {
      await close();
    }
  });

  it('refuses a hall with the wrong key, and stores nothing', async () => {
    const { hall, hallId, close } = await hallWith({
      key: randomBytes(32).toString('hex'),
      sync: { requestAttempts: 2 },
    });
    try {
      await workADay(hall.server, 2);
      const status = await hall.server.sync.runNow();
      expect(status).toMatchObject({ result: 'failed', failures: 1 });
      expect(status.error).toMatch(/bad_signature.*signature does not match/);
      // Retried later, with backoff: between half and all of the first run-retry step.
      expect(status.nextRunAt! - status.finishedAt!).toBeGreaterThanOrEqual(30_000);
      expect(status.nextRunAt! - status.finishedAt!).toBeLessThanOrEqual(60_000);
      expect(await heldRows(hallId)).toBe(0);
    } finally {
      await close();
    }
  });
});
