import { SYNC_HEADERS, syncRoutes, type SyncStatus } from '@onestop/shared';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest, startOfBusinessDay, type SyncOptions } from '@onestop/hall-server';
import { clerkAtCounter, ok, send } from '@onestop/hall-server/test-support/hall-harness';
import {
  backends,
  OFFICE_TOKEN,
  startTestCenter,
  type TestCenter,
} from './test-support/center-harness';
import { startFaultProxy, type Fault } from './test-support/fault-proxy';
import {
  boundsOf,
  expectMirror,
  startSyncedHall,
  workADay,
  type SyncedHall,
} from './test-support/synced-hall';

// The nightly upward sync end to end: real hall servers over real SQLite files, a real center
// on PGlite (and on the PostgreSQL server when DATABASE_URL is set), and the faults a WAN and a
// power cut bring. Every case ends with the center holding exactly one current copy of every
// hall record.

let hallNo = 0;
const nextHallId = () => `hall-${process.pid}-${++hallNo}`;
const isBatch = (method: string, path: string) => method === 'POST' && path.endsWith('/batches');

describe.each(backends)('upward sync into $name', (backend) => {
  let center: TestCenter;
  let pgliteDir: string | undefined;
  beforeAll(async () => {
    // PGlite in a directory, so that the center can be restarted with its data.
    pgliteDir =
      backend.name === 'pglite' ? mkdtempSync(join(tmpdir(), 'onestop-center-')) : undefined;
    center = await startTestCenter(backend, { dataDir: pgliteDir });
  });
  afterAll(async () => {
    await center?.close();
    if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
  });

  async function hallWith(
    options: {
      fault?: (batchNo: number) => Fault;
      sync?: Partial<SyncOptions>;
      clock?: () => number;
      key?: string;
    } = {},
  ) {
    const hallId = nextHallId();
    const hallKey = center.register(hallId);
    let batches = 0;
    const proxy = options.fault
      ? await startFaultProxy(center.url, (_i, method, path) =>
          isBatch(method, path) ? options.fault!(++batches) : 'pass',
        )
      : null;
    const hall = await startSyncedHall({
      hallId,
      centerUrl: proxy?.url ?? center.url,
      hallKey: options.key ?? hallKey,
      clock: options.clock,
      sync: options.sync,
    });
    return {
      hall,
      hallId,
      hallKey,
      proxy,
      async close() {
        await hall.close();
        await proxy?.close();
      },
    };
  }

  const heldRows = async (hallId: string) =>
    (
      await center.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM hall_records WHERE hall_id = $1',
        [hallId],
      )
    )[0]!.n;

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
      expect(await expectMirror(center.db, hall.server, bounds)).toBeGreaterThan(60);

      // Nothing changed since: the next run sends only what the last one wrote about itself.
      const again = await hall.server.sync.runNow('console');
      expect(again).toMatchObject({ result: 'ok', mismatched: 0 });
      expect(again.total).toBeLessThan(20);

      const day = hall.server.hall.store.hall.state().businessDay;
      const res = await fetch(`${center.url}/v1/summary?from=${day}&to=${day}&hall=${hallId}`, {
        headers: { authorization: `Bearer ${OFFICE_TOKEN}` },
      });
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
      const refused = await fetch(`${center.url}/v1/summary?from=${day}&to=${day}`);
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
      await expectMirror(center.db, hall.server, bounds);
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
      const twice = await center.db.query<{ deliveries: number; applied: number }>(
        'SELECT deliveries, applied FROM hall_batches WHERE hall_id = $1 AND deliveries > 1',
        [hallId],
      );
      expect(twice).toEqual([{ deliveries: 2, applied: expect.any(Number) }]);
      await expectMirror(center.db, hall.server, bounds);
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
      const centerCursors = await center.db.query<{ t: string; pos: string }>(
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
      const again = await center.db.query(
        'SELECT batch_id FROM hall_batches WHERE hall_id = $1 AND deliveries > 1',
        [hallId],
      );
      expect(again).toEqual([]); // nothing was sent twice: the run began where the center was
      await expectMirror(center.db, hall.server, bounds);
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
            await center.pause();
            restarting = center.restart();
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
      await expectMirror(center.db, hall.server, bounds);
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

  describe('requests made by hand', () => {
    const post = async (
      hallId: string,
      key: string,
      body: string,
      tamper: { body?: string; nonce?: string; timestamp?: number } = {},
    ) => {
      const path = syncRoutes.batches(hallId);
      const timestamp = tamper.timestamp ?? Date.now();
      const nonce = tamper.nonce ?? randomBytes(16).toString('hex');
      const signature = signRequest(key, { method: 'POST', path, body, timestamp, nonce });
      const res = await fetch(`${center.url}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SYNC_HEADERS.hall]: hallId,
          [SYNC_HEADERS.timestamp]: String(timestamp),
          [SYNC_HEADERS.nonce]: nonce,
          [SYNC_HEADERS.signature]: signature,
        },
        body: tamper.body ?? body,
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const row = (id: string, over: Record<string, unknown> = {}) => ({
      t: 'tickets',
      id,
      day: '2026-11-20',
      v: 3,
      d: { id, state: 'done' },
      ...over,
    });
    const batch = (rows: unknown[]) =>
      JSON.stringify({ batchId: `manual-${randomBytes(4).toString('hex')}`, cursors: {}, rows });

    it('refuses altered, replayed, stale and unknown requests', async () => {
      const hallId = nextHallId();
      const key = center.register(hallId);
      const good = batch([row('t-1')]);
      expect(await post(hallId, key, good, { body: batch([row('t-forged')]) })).toMatchObject({
        status: 401,
        body: { code: 'bad_signature' },
      });
      const nonce = randomBytes(16).toString('hex');
      expect((await post(hallId, key, good, { nonce })).status).toBe(200);
      expect(await post(hallId, key, good, { nonce })).toMatchObject({
        status: 401,
        body: { code: 'replayed_request' },
      });
      expect(await post(hallId, key, good, { timestamp: Date.now() - 3_600_000 })).toMatchObject({
        status: 401,
        body: { code: 'stale_request' },
      });
      expect(await post('no-such-hall', key, good)).toMatchObject({
        status: 401,
        body: { code: 'unknown_hall' },
      });
      expect(await heldRows(hallId)).toBe(1);
    });

    it.each([
      [
        'a day that is no date',
        [row('a'), row('b'), row('c', { day: '2026-02-30' })],
        /rows\.2\.day/,
      ],
      ['a row without its version', [row('a'), { ...row('b'), v: undefined }], /rows\.1\.v/],
      ['the same record twice', [row('a'), row('a')], /appears twice/],
      ['an unknown field', [{ ...row('a'), extra: 1 }], /rows\.0/],
      ['a table name that is no name', [row('a', { t: 'tickets; DROP TABLE x' })], /rows\.0\.t/],
      [
        'a column value that is an object',
        [row('a'), row('b', { d: { x: { y: 1 } } })],
        /rows\.1\.d/,
      ],
      [
        'a column name over 64 characters',
        [row('a', { d: { ['c'.repeat(65)]: 1 } })],
        /rows\.0\.d/,
      ],
      ['columns that are a list', [row('a', { d: [1, 2] })], /rows\.0\.d/],
    ])(
      'refuses a batch with %s whole, with a clear error, storing nothing',
      async (_n, rows, message) => {
        const hallId = nextHallId();
        const key = center.register(hallId);
        const res = await post(hallId, key, batch(rows));
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ ok: false, code: 'malformed_request' });
        expect(String(res.body.message)).toMatch(message);
        expect(String(res.body.message)).toMatch(/nothing was stored/);
        expect(await heldRows(hallId)).toBe(0);
        const notJson = await post(hallId, key, '{"batchId": ');
        expect(notJson).toMatchObject({ status: 400, body: { code: 'malformed_request' } });
      },
    );
  });

  it('finds a row deleted at the center and repairs it on the next run', async () => {
    const { hall, hallId, close } = await hallWith();
    try {
      await workADay(hall.server, 3);
      expect((await hall.server.sync.runNow()).result).toBe('ok');
      for (const table of ['tickets', 'audit_log', 'evaluations']) {
        await center.db.run(
          `DELETE FROM hall_records WHERE hall_id = $1 AND source_table = $2 AND record_id =
           (SELECT min(record_id) FROM hall_records WHERE hall_id = $1 AND source_table = $2)`,
          [hallId, table],
        );
      }
      const bounds = boundsOf(hall.server);
      const repaired = await hall.server.sync.runNow();
      expect(repaired).toMatchObject({ result: 'ok', mismatched: 3, unresolved: 0 });
      await expectMirror(center.db, hall.server, bounds);
    } finally {
      await close();
    }
  });

  it('catches up after a week offline', async () => {
    const DAY = 86_400_000;
    let online = false;
    let now = startOfBusinessDay('2026-11-17', 'Asia/Shanghai') + 10 * 3_600_000;
    const hallId = nextHallId();
    const hallKey = center.register(hallId);
    const proxy = await startFaultProxy(center.url, () => (online ? 'pass' : 'refuse'));
    let hall: SyncedHall | null = null;
    try {
      hall = await startSyncedHall({
        hallId,
        hallKey,
        centerUrl: proxy.url,
        clock: () => now,
        sync: { requestAttempts: 2, batchRows: 200 },
      });
      for (let d = 0; d < 7; d++) {
        await workADay(hall.server, 2);
        now += 16 * 3_600_000; // the night
        const failed = await hall.server.sync.runNow('schedule');
        expect(failed).toMatchObject({ result: 'failed', failures: d + 1 });
        now += DAY - 16 * 3_600_000;
      }
      online = true;
      now = Date.now(); // the WAN is back, and so is the center's clock
      const bounds = boundsOf(hall.server);
      const back = await hall.server.sync.runNow('retry');
      expect(back).toMatchObject({ result: 'ok', failures: 0, mismatched: 0 });
      const days = await center.db.query<{ day: string }>(
        `SELECT DISTINCT business_day::text AS day FROM hall_records
         WHERE hall_id = $1 AND source_table = 'tickets' ORDER BY 1`,
        [hallId],
      );
      expect(days.map((d) => d.day)).toEqual([
        '2026-11-17',
        '2026-11-18',
        '2026-11-19',
        '2026-11-20',
        '2026-11-21',
        '2026-11-22',
        '2026-11-23',
      ]);
      await expectMirror(center.db, hall.server, bounds);
    } finally {
      await hall?.close();
      await proxy.close();
    }
  });
});
