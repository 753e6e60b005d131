import type { HallDaySummary, SyncBatch, SyncRow } from '@onestop/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestOf } from '@onestop/hall-server';
import type { CentralDb } from './db';
import { partitionKeeper, storeBatch } from './ingest';
import { loadMigrations, migrate } from './migrate';
import { centerDigests } from './reconcile';
import { hallDaySummaries } from './summary';
import { backends, dropTestDb, openTestDb } from './test-support/center-harness';

// The center's store on PGlite (and on the PostgreSQL server when DATABASE_URL is set): its
// upsert rules, cursors, day partitions, the reconciliation checksum computed in SQL the same
// way the hall computes it, and the office's cross-hall summary.

describe.each(backends)('the store on $name', (backend) => {
  let db: CentralDb;
  beforeAll(async () => {
    db = await openTestDb(backend);
    await migrate(db);
  });
  afterAll(async () => {
    if (db) await dropTestDb(db);
  });

  const row = (id: string, v: number, day = '2026-11-20', d: SyncRow['d'] = {}): SyncRow => ({
    t: 'tickets',
    id,
    day,
    v,
    d: { id, v, ...d },
  });
  const batch = (rows: SyncRow[], cursors: SyncBatch['cursors'] = {}): SyncBatch => ({
    batchId: `b-${Math.random().toString(36).slice(2, 10)}`,
    cursors,
    rows,
  });
  const held = (hallId: string) =>
    db.query<{ id: string; v: string; state: string | null; day: string }>(
      `SELECT record_id AS id, change_seq::text AS v, data->>'state' AS state, business_day::text AS day
       FROM hall_records WHERE hall_id = $1 ORDER BY record_id`,
      [hallId],
    );

  it('keeps the newest version of each record, whatever order versions arrive in', async () => {
    const partitions = partitionKeeper(db);
    const newer = batch([row('a', 5, undefined, { state: 'done' }), row('b', 2)]);
    expect(await storeBatch(db, partitions, 'h-order', newer)).toMatchObject({
      received: 2,
      applied: 2,
    });
    // An older version of a, a repeat of b, a new c: only c changes anything.
    const mixed = batch([row('a', 3, undefined, { state: 'waiting' }), row('b', 2), row('c', 1)]);
    expect(await storeBatch(db, partitions, 'h-order', mixed)).toMatchObject({ applied: 1 });
    expect(await storeBatch(db, partitions, 'h-order', mixed)).toMatchObject({ applied: 0 });
    // A newer version of b with a new d: both stored, nothing else touched.
    const newer2 = batch([row('d', 1), row('b', 4, undefined, { state: 'serving' })]);
    expect(await storeBatch(db, partitions, 'h-order', newer2)).toMatchObject({ applied: 2 });
    expect(await held('h-order')).toEqual([
      { id: 'a', v: '5', state: 'done', day: '2026-11-20' },
      { id: 'b', v: '4', state: 'serving', day: '2026-11-20' },
      { id: 'c', v: '1', state: null, day: '2026-11-20' },
      { id: 'd', v: '1', state: null, day: '2026-11-20' },
    ]);
    // Every delivery was received and counted, on the fast path and on the upsert alike.
    const receipts = await db.query<{ n: string; deliveries: string }>(
      `SELECT count(*)::text AS n, sum(deliveries)::text AS deliveries FROM hall_batches
       WHERE hall_id = 'h-order'`,
    );
    expect(receipts).toEqual([{ n: '3', deliveries: '4' }]);
    // Another hall's record with the same id is another record.
    await storeBatch(db, partitions, 'h-other', batch([row('a', 1)]));
    expect(await held('h-order')).toHaveLength(4);
  });

  it('stores a large batch whose last row is already there, once, keeping the newer version', async () => {
    const partitions = partitionKeeper(db);
    await storeBatch(
      db,
      partitions,
      'h-large',
      batch([row('r-04999', 9, undefined, { state: 'done' })]),
    );
    // 5,000 rows, only the last known (and older there): the fast path is refused near its end.
    const rows = Array.from({ length: 5000 }, (_, i) => row(`r-${String(i).padStart(5, '0')}`, 3));
    expect(await storeBatch(db, partitions, 'h-large', batch(rows))).toMatchObject({
      received: 5000,
      applied: 4999,
    });
    const stored = await held('h-large');
    expect(stored).toHaveLength(5000);
    expect(stored.at(-1)).toEqual({ id: 'r-04999', v: '9', state: 'done', day: '2026-11-20' });
    expect(stored.filter((r) => r.v === '3')).toHaveLength(4999);
  });

  it('moves cursors forward only', async () => {
    const partitions = partitionKeeper(db);
    const cursorOf = async () =>
      (
        await db.query<{ pos: string; key: string }>(
          "SELECT pos::text AS pos, key FROM hall_cursors WHERE hall_id = 'h-cursor'",
        )
      )[0];
    await storeBatch(
      db,
      partitions,
      'h-cursor',
      batch([row('x', 9)], { tickets: { pos: 9, key: 'x' } }),
    );
    await storeBatch(
      db,
      partitions,
      'h-cursor',
      batch([row('w', 9)], { tickets: { pos: 9, key: 'w' } }),
    );
    expect(await cursorOf()).toEqual({ pos: '9', key: 'x' });
    // Keys compare bytewise, as the hall orders them: 'Z' (0x5A) before 'a' (0x61).
    await storeBatch(db, partitions, 'h-cursor', batch([], { tickets: { pos: 12, key: 'Z' } }));
    await storeBatch(db, partitions, 'h-cursor', batch([], { tickets: { pos: 12, key: 'a' } }));
    expect(await cursorOf()).toEqual({ pos: '12', key: 'a' });
  });

  it('creates a partition per business day, and again if one was dropped', async () => {
    const partitions = partitionKeeper(db);
    await storeBatch(
      db,
      partitions,
      'h-days',
      batch([row('d1', 1, '2026-10-01'), row('d2', 1, '2026-10-02')]),
    );
    const names = async () =>
      (
        await db.query<{ name: string }>(
          `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
           JOIN pg_class p ON p.oid = i.inhparent
           WHERE p.relname = 'hall_records' AND p.relnamespace = to_regnamespace($1)
             AND c.relname LIKE 'hall_records_d202610%' ORDER BY 1`,
          [db.schema],
        )
      ).map((r) => r.name);
    expect(await names()).toEqual(['hall_records_d20261001', 'hall_records_d20261002']);
    await db.exec('DROP TABLE hall_records_d20261002');
    await storeBatch(db, partitions, 'h-days', batch([row('d3', 1, '2026-10-02')]));
    expect(await names()).toEqual(['hall_records_d20261001', 'hall_records_d20261002']);
  });

  it('computes the reconciliation checksum exactly as the hall does', async () => {
    const partitions = partitionKeeper(db);
    const rows = Array.from({ length: 300 }, (_, i) =>
      row(`r-${i}-${'é'.repeat(i % 3)}`, i * 7919, '2026-09-09'),
    );
    await storeBatch(db, partitions, 'h-digest', batch(rows));
    const digests = await centerDigests(db, 'h-digest', ['2026-09-09', '2026-09-10']);
    expect(digests.get('2026-09-09')?.get('tickets')).toEqual(digestOf(rows));
    expect(digests.has('2026-09-10')).toBe(false);
  });

  it('keeps a text with U+0000 (jsonb cannot) with a visible replacement', async () => {
    const partitions = partitionKeeper(db);
    await storeBatch(
      db,
      partitions,
      'h-nul',
      batch([row('n', 1, undefined, { note: 'a\u0000b' })]),
    );
    const [r] = await db.query<{ note: string }>(
      "SELECT data->>'note' AS note FROM hall_records WHERE hall_id = 'h-nul'",
    );
    expect(r!.note).toBe('a\uFFFDb');
  });

  it('sums up every hall per business day for the regional office', async () => {
    const partitions = partitionKeeper(db);
    const at = (sec: number) => 1_741_000_000_000 + sec * 1000;
    const ticket = (id: string, day: string, state: string, waitSec: number | null): SyncRow => ({
      t: 'tickets',
      id,
      day,
      v: 1,
      d: { id, state, issued_at: at(0), first_called_at: waitSec === null ? null : at(waitSec) },
    });
    const evaluation = (id: string, day: string, state: string, score: string | null) => ({
      t: 'evaluations',
      id,
      day,
      v: 1,
      d: { id, state, score },
    });
    const opinion = (id: string, day: string) => ({ t: 'opinions', id, day, v: 1, d: { id } });
    await storeBatch(
      db,
      partitions,
      'h-sum-a',
      batch([
        ticket('a1', '2025-03-03', 'done', 60),
        ticket('a2', '2025-03-03', 'done', 120),
        ticket('a3', '2025-03-03', 'no_show', 300),
        ticket('a4', '2025-03-03', 'cancelled', null),
        evaluation('ae1', '2025-03-03', 'rated', 'very_satisfied'),
        evaluation('ae2', '2025-03-03', 'rated', 'dissatisfied'),
        evaluation('ae3', '2025-03-03', 'not_rated', null),
        opinion('ao1', '2025-03-03'),
        ticket('a5', '2025-03-04', 'done', 30),
      ]),
    );
    await storeBatch(
      db,
      partitions,
      'h-sum-b',
      batch([
        ticket('b1', '2025-03-03', 'waiting', null),
        evaluation('be1', '2025-03-03', 'rated', 'satisfied'),
        opinion('bo1', '2025-03-03'),
        opinion('bo2', '2025-03-03'),
        ticket('b2', '2025-03-05', 'done', 10), // after the range asked for
      ]),
    );
    const day = (over: Partial<HallDaySummary>): HallDaySummary => ({
      hallId: 'h-sum-a',
      day: '2025-03-03',
      tickets: 0,
      served: 0,
      noShows: 0,
      waitMeanSec: null,
      waitP90Sec: null,
      rated: 0,
      satisfactionRate: null,
      dissatisfied: 0,
      opinions: 0,
      ...over,
    });
    const a3 = day({
      tickets: 4,
      served: 2,
      noShows: 1,
      waitMeanSec: 160, // (60 + 120 + 300) / 3: tickets never called do not count
      waitP90Sec: 264, // interpolated between 120 and 300
      rated: 2,
      satisfactionRate: 0.5,
      dissatisfied: 1,
      opinions: 1,
    });
    const b3 = day({
      hallId: 'h-sum-b',
      tickets: 1,
      rated: 1,
      satisfactionRate: 1,
      opinions: 2,
    });
    const a4 = day({
      day: '2025-03-04',
      tickets: 1,
      served: 1,
      waitMeanSec: 30,
      waitP90Sec: 30,
    });
    expect(await hallDaySummaries(db, { from: '2025-03-01', to: '2025-03-04' })).toEqual([
      a3,
      b3,
      a4,
    ]);
    expect(
      await hallDaySummaries(db, { from: '2025-03-01', to: '2025-03-04', hallId: 'h-sum-b' }),
    ).toEqual([b3]);
    expect(await hallDaySummaries(db, { from: '2025-03-06', to: '2025-03-31' })).toEqual([]);
  });

  it('migrates once, and refuses a database from a newer build', async () => {
    expect(await migrate(db)).toEqual([]);
    await db.run("INSERT INTO schema_migrations (id, name) VALUES (99, 'from-the-future')");
    await expect(migrate(db)).rejects.toThrow(/does not know/);
    await db.run('DELETE FROM schema_migrations WHERE id = 99');
    expect(loadMigrations().map((m) => m.id)).toEqual([1]);
  });
});
