import { SYNC_HEADERS, syncRoutes } from '@onestop/shared';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signRequest, startOfBusinessDay } from '@onestop/hall-server';
import { backends } from './test-support/center-harness';
import { startFaultProxy } from './test-support/fault-proxy';
import { nextHallId, syncCenter } from './test-support/sync-center';
import {
  boundsOf,
  expectMirror,
  startSyncedHall,
  workADay,
  type SyncedHall,
} from './test-support/synced-hall';

// The upward sync at its edges: requests made by hand (unsigned, replayed, too large), a row
// deleted at the center and repaired, a week offline. Every case ends with the center holding
// exactly one current copy of every hall record.

describe.each(backends)('upward sync into $name, at its edges', (backend) => {
  const sync = syncCenter(backend);
  const { hallWith, heldRows } = sync;

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
      const res = await fetch(`${sync.center.url}${path}`, {
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
      const key = sync.center.register(hallId);
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
        const key = sync.center.register(hallId);
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
        await sync.center.db.run(
          `DELETE FROM hall_records WHERE hall_id = $1 AND source_table = $2 AND record_id =
           (SELECT min(record_id) FROM hall_records WHERE hall_id = $1 AND source_table = $2)`,
          [hallId, table],
        );
      }
      const bounds = boundsOf(hall.server);
      const repaired = await hall.server.sync.runNow();
      expect(repaired).toMatchObject({ result: 'ok', mismatched: 3, unresolved: 0 });
      await expectMirror(sync.center.db, hall.server, bounds);
    } finally {
      await close();
    }
  });

  it('catches up after a week offline', async () => {
    const DAY = 86_400_000;
    let online = false;
    let now = startOfBusinessDay('2026-11-17', 'Asia/Shanghai') + 10 * 3_600_000;
    const hallId = nextHallId();
    const hallKey = sync.center.register(hallId);
    const proxy = await startFaultProxy(sync.center.url, () => (online ? 'pass' : 'refuse'));
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
      const days = await sync.center.db.query<{ day: string }>(
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
      await expectMirror(sync.center.db, hall.server, bounds);
    } finally {
      await hall?.close();
      await proxy.close();
    }
  });
});
