// Regional center ingest into the real PostgreSQL server: rows per second for a batched
// multi-row INSERT, an INSERT … SELECT FROM unnest(arrays) (PGlite's path) and COPY, each as the
// center stores a batch (day partition, rows, cursors, batch receipt, one transaction). COPY two
// ways: always into a staging table and then INSERT … ON CONFLICT, or (the center's way)
// straight into the records table, falling back to the staging table and the upsert when any
// row is already stored; the latter with 1, 2 and 4 halls sending at once, and with every row
// already stored (the same rows again: nothing changes). Then whole signed batches over HTTP
// through the center's service — with the halls' encoding (JSON, gzip, signature) in the same
// process, and the center alone with every request encoded beforehand — and the time a
// province takes.
//
//   npm run bench:central                          # DATABASE_URL or the local server
//   npm run bench:central -- --halls 40               # longer measurements (sustained rate)
//
// It works in a schema of its own and drops it at the end.

import type { SyncBatch, SyncRow } from '@onestop/shared';
import { randomBytes } from 'node:crypto';
import {
  createCentralHandler,
  migrate,
  partitionKeeper,
  storeBatch,
  type CentralDb,
  type CentralOptions,
  type Transaction,
} from '@onestop/central';
import { dropTestDb, openTestDb } from '@onestop/central/test-support/center-harness';
import { createCenterClient, requestBody, signedRequest } from '@onestop/hall-server';
import { syncRoutes } from '@onestop/shared';
import { createServer } from 'node:http';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const HALLS = arg('--halls', 10);
const ROWS = arg('--rows', 20_000);
const BATCH = arg('--batch', 5_000); // the hall's default (SYNC_BATCH_ROWS)
const PROVINCE = 10_000;
const DAY = '2026-11-23';
const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

// ---------------------------------------------------------------------------------------------
// A hall's night, shaped like the real thing: mostly audit rows and ticket transitions, then
// tickets, evaluations and the rest, with the hall tables' own columns and value sizes.

const uuid = () =>
  randomBytes(16)
    .toString('hex')
    .replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
const at = (i: number) => 1_795_400_000_000 + i * 1700;

function hallNight(rows: number): SyncRow[] {
  const out: SyncRow[] = [];
  const tickets = Math.round(rows * 0.05);
  let seq = 1000;
  for (let i = 0; i < tickets; i++) {
    const id = uuid();
    out.push({
      t: 'tickets',
      id,
      day: DAY,
      v: ++seq,
      d: {
        id,
        business_day: DAY,
        service_id: 'svc-billing',
        number: `A${String(i + 1).padStart(3, '0')}`,
        daily_seq: i + 1,
        state: 'done',
        priority: 'normal',
        is_returning: 0,
        source: 'kiosk',
        customer_phone: i % 3 === 0 ? '13800138000' : null,
        customer_account_no: null,
        customer_name: null,
        note: null,
        issued_at: at(i),
        queued_at: at(i),
        target_counter_id: null,
        counter_id: 'ctr-2',
        serving_staff_id: 'stf-clerk-2',
        owner_staff_id: 'stf-clerk-2',
        called_at: at(i) + 400_000,
        first_called_at: at(i) + 400_000,
        recall_count: 0,
        started_at: at(i) + 430_000,
        finished_at: at(i) + 600_000,
        outcome: 'completed',
        items: '["缴费"]',
        state_reason: null,
        transfer_count: 0,
        estimated_wait_sec: 380,
        updated_at: at(i) + 600_000,
        change_seq: seq,
      },
    });
    out.push({
      t: 'evaluations',
      id: uuid(),
      day: DAY,
      v: ++seq,
      d: {
        ticket_id: id,
        counter_id: 'ctr-2',
        staff_id: 'stf-clerk-2',
        state: 'rated',
        score: 'very_satisfied',
        reasons: '[]',
        created_at: at(i) + 600_000,
        deadline_at: at(i) + 630_000,
        answered_at: at(i) + 610_000,
        change_seq: seq,
      },
    });
  }
  let rowid = 0;
  while (out.length < rows) {
    const n = out.length;
    if (n % 4 === 0) {
      rowid++;
      out.push({
        t: 'ticket_transitions',
        id: String(rowid),
        day: DAY,
        v: 0,
        d: {
          id: rowid,
          ticket_id: uuid(),
          from_state: 'called',
          to_state: 'serving',
          at: at(n),
          service_id: 'svc-billing',
          counter_id: 'ctr-2',
          staff_id: 'stf-clerk-2',
          reason: null,
        },
      });
    } else {
      rowid++;
      out.push({
        t: 'audit_log',
        id: String(rowid),
        day: DAY,
        v: 0,
        d: {
          id: rowid,
          at: at(n),
          device_id: 'dev-desk-2',
          staff_id: 'stf-clerk-2',
          command: 'ticket:call-next',
          command_id: uuid(),
          payload: `{"commandId":"${uuid()}"}`,
          result: n % 9 === 0 ? 'queue_empty' : 'ok',
          reason: null,
          seq: seq + n,
        },
      });
    }
  }
  return out;
}

const batchesOf = (rows: SyncRow[]): SyncBatch[] => {
  const out: SyncBatch[] = [];
  for (let i = 0; i < rows.length; i += BATCH)
    out.push({ batchId: `bench-${uuid()}`, cursors: {}, rows: rows.slice(i, i + BATCH) });
  return out;
};

// ---------------------------------------------------------------------------------------------
// Ways in.

/** The classic batched INSERT: multi-row VALUES, 1,000 rows a statement. */
async function valuesInsert(tx: Transaction, hallId: string, rows: readonly SyncRow[]) {
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const params: unknown[] = [];
    const tuples = chunk.map((r) => {
      params.push(hallId, r.day, r.t, r.id, r.v, JSON.stringify(r.d));
      const b = params.length - 6;
      return `($${b + 1}, $${b + 2}::date, $${b + 3}, $${b + 4}, $${b + 5}::bigint, $${b + 6}::jsonb)`;
    });
    await tx.run(
      `INSERT INTO hall_records (hall_id, business_day, source_table, record_id, change_seq, data)
       VALUES ${tuples.join(', ')}
       ON CONFLICT (hall_id, business_day, source_table, record_id) DO UPDATE
         SET change_seq = EXCLUDED.change_seq, data = EXCLUDED.data, received_at = now()
         WHERE hall_records.change_seq < EXCLUDED.change_seq`,
      params,
    );
  }
}

type Way = 'values' | 'unnest' | 'copy' | 'copy-upsert';

async function ingest(
  db: CentralDb,
  way: Way,
  hallIds: string[],
  night: SyncRow[],
  parallel: number,
) {
  const partitions = partitionKeeper(db);
  await partitions.ensure([DAY]);
  const batches = batchesOf(night);
  const queue = hallIds.flatMap((hallId) => batches.map((b) => ({ hallId, batch: b })));
  const started = performance.now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const { hallId, batch } = job;
        if (way === 'values') {
          await db.transaction((tx) => valuesInsert(tx, hallId, batch.rows));
        } else {
          await storeBatch(db, partitions, hallId, batch, way === 'unnest' ? 'insert' : way);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return (hallIds.length * night.length) / seconds;
}

/**
 * Whole batches as halls send them: signed, over HTTP, parsed and checked by the center. With
 * `prepared`, every request is encoded (JSON, gzip, signature) before the clock starts, so the
 * figure is the center's alone — a hall does that work on its own machine.
 */
async function overHttp(
  db: CentralDb,
  hallIds: string[],
  night: SyncRow[],
  parallel: number,
  prepared: boolean,
) {
  const keys = new Map(hallIds.map((h) => [h, randomBytes(32).toString('hex')]));
  const options: CentralOptions = {
    db,
    halls: { keyOf: (h) => keys.get(h) ?? null, officeToken: () => 'x'.repeat(32) },
  };
  const handler = createCentralHandler(options);
  const server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  if (typeof address !== 'object' || address === null)
    throw new Error('the center is not listening');
  const base = `http://127.0.0.1:${address.port}`;
  const jobs = hallIds.flatMap((hallId) => batchesOf(night).map((batch) => ({ hallId, batch })));
  const send = async ({ hallId, batch }: (typeof jobs)[number]) => {
    await createCenterClient({ url: base, hallId, key: keys.get(hallId)! }).sendBatch(batch);
  };
  const requests = prepared
    ? await Promise.all(
        jobs.map(async ({ hallId, batch }) => {
          const body = await requestBody('POST', batch);
          const route = syncRoutes.batches(hallId);
          const hall = { url: base, hallId, key: keys.get(hallId)! };
          return signedRequest(hall, { method: 'POST', route, ...body }, Date.now());
        }),
      )
    : [];
  const post = async (request: (typeof requests)[number]) => {
    const res = await fetch(request.url, request.init);
    if (!res.ok) throw new Error(`the center refused a batch: ${await res.text()}`);
    await res.arrayBuffer();
  };
  const queue: (() => Promise<void>)[] = prepared
    ? requests.map((r) => () => post(r))
    : jobs.map((job) => () => send(job));
  const started = performance.now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await next();
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  server.closeAllConnections();
  server.close();
  return (hallIds.length * night.length) / seconds;
}

// ---------------------------------------------------------------------------------------------

const db = await openTestDb({ name: 'postgres', url }, {});
const lines: string[] = [];
const log = (line: string) => {
  lines.push(line);
  console.log(line);
};
try {
  await migrate(db);
  const night = hallNight(ROWS);
  const bytes = night.reduce((n, r) => n + JSON.stringify(r.d).length, 0) / night.length;
  const version = (
    await db.query<{ v: string }>('SELECT current_setting($1) AS v', ['server_version'])
  )[0]!.v;
  log(
    `PostgreSQL ${version}; ${HALLS} halls × ${ROWS} rows (a night: ${Math.round((night.filter((r) => r.t === 'audit_log').length / ROWS) * 100)}% audit rows), ` +
      `${Math.round(bytes)} bytes of JSON a row, batches of ${BATCH}`,
  );
  const halls = (prefix: string) => Array.from({ length: HALLS }, (_, i) => `${prefix}-${i + 1}`);
  const rate = (r: number) => `${Math.round(r).toLocaleString('en-US')} rows/s`;
  const results: [string, number][] = [];
  const measure = async (label: string, run: () => Promise<number>) => {
    const r = await run();
    results.push([label, r]);
    log(`  ${label.padEnd(56)} ${rate(r)}`);
    return r;
  };
  await ingest(db, 'copy', halls('warmup').slice(0, 1), night, 1);
  await measure('batched INSERT (multi-row VALUES), 1 connection', () =>
    ingest(db, 'values', halls('values'), night, 1),
  );
  await measure('INSERT … SELECT FROM unnest, 1 connection', () =>
    ingest(db, 'unnest', halls('unnest'), night, 1),
  );
  await measure('COPY + always INSERT … ON CONFLICT, 1 connection', () =>
    ingest(db, 'copy-upsert', halls('upsert1'), night, 1),
  );
  await measure('COPY + always INSERT … ON CONFLICT, 4 connections', () =>
    ingest(db, 'copy-upsert', halls('upsert4'), night, 4),
  );
  const copy1 = await measure('COPY straight in (else staged upsert), 1 connection', () =>
    ingest(db, 'copy', halls('copy1'), night, 1),
  );
  const copy2 = await measure('COPY straight in (else staged upsert), 2 connections', () =>
    ingest(db, 'copy', halls('copy2'), night, 2),
  );
  const copy4 = await measure('COPY straight in (else staged upsert), 4 connections', () =>
    ingest(db, 'copy', halls('copy4'), night, 4),
  );
  await measure('COPY, the same batches again (nothing changes)', () =>
    ingest(db, 'copy', halls('copy1'), night, 2),
  );
  await measure('signed batches over HTTP, hall and center, 2 at once', () =>
    overHttp(db, halls('http'), night, 2, false),
  );
  const http = await measure('signed batches over HTTP, the center alone, 2 at once', () =>
    overHttp(db, halls('http-center'), night, 2, true),
  );
  const best = Math.max(copy1, copy2, copy4);
  const province = PROVINCE * ROWS;
  const hours = (r: number) => (province / r / 3600).toFixed(1);
  log(
    `A province of ${PROVINCE.toLocaleString('en-US')} halls × ${ROWS.toLocaleString('en-US')} rows = ` +
      `${(province / 1e6).toFixed(0)} M rows a night: ${hours(best)} h by COPY at the best rate above, ` +
      `${hours(http)} h through one center process over HTTP (more processes, or replicas, divide it).`,
  );
} finally {
  await dropTestDb(db);
}
