import {
  centerPaths,
  httpStatusOf,
  parseSyncPath,
  syncActions,
  SyncBatch,
  SyncReconcileRequest,
  type SyncAck,
  type SyncCursor,
  type SyncErrorCode,
  type SyncState,
} from '@onestop/shared';
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { nonceStore, verifySignature } from './auth';
import type { HallDirectory } from './config';
import type { CentralDb } from './db';
import { isRealDay } from './days';
import { partitionKeeper, storeBatch, type IngestMethod } from './ingest';
import { migrate } from './migrate';
import { reconcile } from './reconcile';
import { hallDaySummaries } from './summary';

// The regional center's HTTP service. Halls (signed requests):
//   GET  /v1/halls/:hall/sync-state   where to resume
//   POST /v1/halls/:hall/batches      a batch of records (stored whole, or not at all)
//   POST /v1/halls/:hall/reconcile    per-day counts and checksums → match or mismatch
// The regional office (Authorization: Bearer <office token>):
//   GET  /v1/summary?from=YYYY-MM-DD&to=YYYY-MM-DD[&hall=…]

export interface CentralOptions {
  db: CentralDb;
  halls: HallDirectory;
  logger?: Logger;
  clock?: () => number;
  maxBodyBytes?: number;
  ingest?: IngestMethod;
}

class Refused extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: SyncAck<unknown>): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += bytes.length;
    if (size > limit) throw new Refused('too_large', `the body is over ${limit} bytes`);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

const gunzipAsync = promisify(gunzip);

/** The body as sent, signed as sent: gzip is undone after the signature is checked. */
async function decode(req: IncomingMessage, raw: Buffer, limit: number): Promise<Buffer> {
  const encoding = req.headers['content-encoding'];
  if (!encoding || encoding === 'identity') return raw;
  if (encoding !== 'gzip')
    throw new Refused('malformed_request', `unknown content-encoding ${encoding}`);
  try {
    return await gunzipAsync(raw, { maxOutputLength: limit });
  } catch {
    throw new Refused(
      'malformed_request',
      'the gzip body cannot be read (or is too large); nothing was stored',
    );
  }
}

function parse<T>(schema: z.ZodType<T>, body: Buffer): T {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw new Refused('malformed_request', 'the body is not valid JSON; nothing was stored');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || '(body)';
    throw new Refused(
      'malformed_request',
      `${where}: ${issue?.message ?? 'invalid'}${parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : ''}; nothing was stored`,
    );
  }
  return parsed.data;
}

/** Starts the center: migrates the database, then serves. */
export async function startCentral(
  options: CentralOptions & {
    port?: number;
    host?: string;
    /** PEM certificate (chain) and key: the center speaks HTTPS itself. */
    tls?: { cert: string | Buffer; key: string | Buffer };
  },
): Promise<{ server: Server; url: string; port: number; close(): Promise<void> }> {
  await migrate(options.db);
  const handler = createCentralHandler(options);
  const listener = (req: IncomingMessage, res: ServerResponse) => void handler(req, res);
  const server: Server = options.tls
    ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, listener)
    : createServer(listener);
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '0.0.0.0', resolve),
  );
  const address = server.address();
  const port = address && typeof address === 'object' ? address.port : 0;
  return {
    server,
    port,
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function createCentralHandler(options: CentralOptions) {
  const { db, halls, logger } = options;
  const clock = options.clock ?? Date.now;
  const limit = options.maxBodyBytes ?? 64 * 1024 * 1024;
  const partitions = partitionKeeper(db);
  const nonces = nonceStore(db);

  async function authenticate(req: IncomingMessage, path: string, hallId: string, body: Buffer) {
    const verdict = verifySignature(
      { method: req.method ?? 'GET', path, headers: req.headers, body },
      hallId,
      (id) => halls.keyOf(id),
      clock(),
    );
    if (!verdict.ok) throw new Refused(verdict.code, verdict.message);
    if (!(await nonces.remember(hallId, verdict.nonce, clock())))
      throw new Refused('replayed_request', 'this request was already received (a replay)');
  }

  async function syncState(hallId: string): Promise<SyncState> {
    const rows = await db.query<{ source_table: string; pos: string | number; key: string }>(
      'SELECT source_table, pos::text AS pos, key FROM hall_cursors WHERE hall_id = $1',
      [hallId],
    );
    const last = await db.query<{ at: string | null }>(
      `SELECT (extract(epoch FROM max(last_received_at)) * 1000)::bigint::text AS at
       FROM hall_batches WHERE hall_id = $1`,
      [hallId],
    );
    const cursors: Record<string, SyncCursor> = {};
    for (const r of rows) cursors[r.source_table] = { pos: Number(r.pos), key: r.key };
    const at = last[0]?.at;
    return { hallId, cursors, lastBatchAt: at ? Number(at) : null };
  }

  function officeAllowed(req: IncomingMessage): boolean {
    const auth = req.headers.authorization ?? '';
    const given = Buffer.from(auth.startsWith('Bearer ') ? auth.slice(7).trim() : '');
    const expected = Buffer.from(halls.officeToken());
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://center');
    const method = req.method ?? 'GET';
    if (method === 'GET' && url.pathname === centerPaths.health) {
      send(res, 200, { ok: true, data: { engine: db.engine } });
      return;
    }
    if (method === 'GET' && url.pathname === centerPaths.summary) {
      if (!officeAllowed(req))
        throw new Refused('unauthorized', 'the office token is missing or wrong');
      const from = url.searchParams.get('from') ?? '';
      const to = url.searchParams.get('to') ?? '';
      if (!isRealDay(from) || !isRealDay(to) || from > to)
        throw new Refused('malformed_request', 'from and to must be days YYYY-MM-DD, from ≤ to');
      const hallId = url.searchParams.get('hall') ?? undefined;
      send(res, 200, {
        ok: true,
        data: { summaries: await hallDaySummaries(db, { from, to, hallId }) },
      });
      return;
    }
    const sync = parseSyncPath(url.pathname);
    if (!sync) throw new Refused('not_found', `no route ${method} ${url.pathname}`);
    const { hallId, action } = sync;
    const raw = await readBody(req, limit);
    await authenticate(req, `${url.pathname}${url.search}`, hallId, raw);
    if (syncActions[action].method !== method)
      throw new Refused('not_found', `no route ${method} ${url.pathname}`);
    const body = await decode(req, raw, limit);
    if (action === 'state') {
      send(res, 200, { ok: true, data: await syncState(hallId) });
    } else if (action === 'batches') {
      const batch = parse(SyncBatch, body);
      const badDay = batch.rows.findIndex((r) => !isRealDay(r.day));
      if (badDay >= 0)
        throw new Refused(
          'malformed_request',
          `rows.${badDay}.day: not a calendar date; nothing was stored`,
        );
      const ack = await storeBatch(db, partitions, hallId, batch, options.ingest);
      logger?.info(
        { hallId, batchId: batch.batchId, rows: ack.received, applied: ack.applied },
        'batch stored',
      );
      send(res, 200, { ok: true, data: ack });
    } else {
      const request = parse(SyncReconcileRequest, body);
      if (request.days.some((d) => !isRealDay(d.day)))
        throw new Refused('malformed_request', 'days: not calendar dates');
      send(res, 200, { ok: true, data: { results: await reconcile(db, hallId, request) } });
    }
  }

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      await route(req, res);
    } catch (err) {
      if (err instanceof Refused) {
        if (err.code !== 'not_found') logger?.warn({ code: err.code, url: req.url }, err.message);
        send(res, httpStatusOf(err.code), { ok: false, code: err.code, message: err.message });
        req.resume();
        return;
      }
      logger?.error({ err, url: req.url }, 'request failed');
      if (!res.headersSent)
        send(res, 500, {
          ok: false,
          code: 'internal_error',
          message: 'the center failed; nothing was stored',
        });
      else res.end();
    }
  };
}
