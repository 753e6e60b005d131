import {
  commandNames,
  commands,
  fail,
  httpRoute,
  type Ack,
  type ErrorCode,
  type HallReport,
} from '@onestop/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { resolveActor, type Credentials } from '../app/actor';
import type { Hall } from '../app/hall';
import { refusalCountsOf } from '../app/health';
import {
  reportTables,
  reportToBulletinHtml,
  reportToCsv,
  reportToXlsx,
  type ReportTable,
} from '../reports/export';
import { exportContextOf, isExportLang } from '../reports/readable';
import { openApiDocument } from './openapi';
import { commandClassOf, rateLimitedAck, type Caller, type Limiter } from './rate-limits';

// The HTTP face of the same commands, for integrations (an LED controller, a mobile app, the
// utility's systems). Routes come from the contract: `ticket:issue` → POST /api/v1/ticket/issue.

const STATUS: Partial<Record<ErrorCode, number>> = {
  invalid_payload: 400,
  unknown_command: 404,
  not_found: 404,
  not_paired: 401,
  not_signed_in: 401,
  bad_credentials: 401,
  pairing_code_invalid: 401,
  forbidden: 403,
  wrong_device: 403,
  device_revoked: 403,
  staff_inactive: 403,
  payload_too_large: 413,
  sign_in_throttled: 429,
  pairing_throttled: 429,
  pin_too_weak: 400,
  rate_limited: 429,
  origin_not_allowed: 403,
  storage_full: 503,
  database_fault: 503,
  internal_error: 500,
};

export function statusOf(code: ErrorCode): number {
  return STATUS[code] ?? 409;
}

function header(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export function credentialsOf(req: FastifyRequest): Credentials {
  const auth = header(req, 'authorization');
  return {
    deviceToken: auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined,
    sessionToken: header(req, 'x-staff-session'),
    address: req.ip,
  };
}

function sendAck(reply: FastifyReply, ack: Ack<unknown>): FastifyReply {
  return reply
    .code(ack.ok ? 200 : statusOf(ack.code))
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .send(ack);
}

const EXPORTS = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
} as const;

/**
 * `GET /api/v1/report/export?from=…&to=…&format=xlsx|csv|html[&table=…][&serviceLevel=0.8]
 * [&lang=zh|en]`: the report as a file for people, in that language (names, not ids), with the
 * same access as `report:get` (the same range and service level checks). `html` is the printable weekly bulletin (print it to PDF from the browser or
 * Electron). The size goes in `content-length` so a screen can show the download's progress.
 */
async function exportReport(
  hall: Hall,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const query = req.query as Record<string, string | undefined>;
  const format = query.format ?? 'xlsx';
  const table = query.table ?? 'services';
  const lang = query.lang ?? 'zh';
  if (
    !(format in EXPORTS) ||
    !(reportTables as readonly string[]).includes(table) ||
    !isExportLang(lang)
  ) {
    return sendAck(
      reply,
      fail(
        'invalid_payload',
        `format must be xlsx, csv or html; table one of ${reportTables.join(', ')}; lang zh or en.`,
      ),
    );
  }
  const input = {
    from: query.from ?? null,
    to: query.to ?? null,
    ...(query.serviceLevel === undefined ? {} : { serviceLevel: query.serviceLevel }),
  };
  const { ack } = await hall.execute('report:get', input, credentialsOf(req));
  if (!ack.ok) return sendAck(reply, ack);
  const report = ack.data as HallReport;
  const ctx = exportContextOf(lang, hall.store.hall.state().config, hall.store.services.all());
  const body =
    format === 'xlsx'
      ? await reportToXlsx(report, ctx)
      : format === 'csv'
        ? reportToCsv(report, table as ReportTable, ctx)
        : reportToBulletinHtml(report, ctx);
  const file = `onestop-report-${report.from}-${report.to}${format === 'csv' ? `-${table}` : ''}.${format}`;
  return reply
    .code(200)
    .headers({
      'content-type': EXPORTS[format as keyof typeof EXPORTS],
      'content-disposition': format === 'html' ? 'inline' : `attachment; filename="${file}"`,
      'cache-control': 'no-store',
      'content-length': typeof body === 'string' ? Buffer.byteLength(body) : body.length,
    })
    .send(body);
}

/** The command's body: JSON (an empty body is `{}`), or `undefined` when it is not JSON. */
function parseBody(raw: unknown): { ok: true; value: unknown } | { ok: false } {
  if (raw === undefined || raw === null) return { ok: true, value: {} };
  const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : String(raw);
  if (text.length === 0) return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * The `Idempotency-Key` header stands for the body's `commandId`; when both are given they
 * must be the same id, or the caller would not know which one the hall remembers.
 */
function withIdempotencyKey(payload: unknown, key: string | undefined): Ack<unknown> {
  if (!key || !payload || typeof payload !== 'object' || Array.isArray(payload))
    return { ok: true, data: payload };
  const body = payload as { commandId?: unknown };
  if (!('commandId' in body)) return { ok: true, data: { ...body, commandId: key } };
  if (body.commandId !== key)
    return fail('invalid_payload', 'The Idempotency-Key header and the body commandId differ.');
  return { ok: true, data: payload };
}

function limitedReply(reply: FastifyReply, retryAfterMs: number): FastifyReply {
  reply.header('retry-after', Math.max(1, Math.ceil(retryAfterMs / 1000)));
  return sendAck(reply, rateLimitedAck(retryAfterMs));
}

/** Who a request counts against: its device, or its source address without one. */
function callerOf(hall: Hall, credentials: Credentials, ip: string): Caller {
  if (credentials.deviceToken) {
    const who = resolveActor(hall.store, credentials, hall.clock());
    if (who.ok && who.value.device) return { deviceId: who.value.device.id };
  }
  return { address: ip };
}

/** `/api/v1/*`: the contract's commands, the OpenAPI document, health and the report export. */
export function registerHttpApi(
  app: FastifyInstance,
  hall: Hall,
  opts: {
    version: string;
    limiter: Limiter;
    /** Database, disk and clock as they are (app/health.ts): 503 when commands cannot be written. */
    health?: () => { status: number; body: unknown };
  },
): void {
  let openapi: string | null = null;
  app.get('/api/v1/openapi.json', (_req, reply) => {
    openapi ??= JSON.stringify(openApiDocument(opts.version));
    return reply.type('application/json; charset=utf-8').send(openapi);
  });
  app.get('/api/v1/health', (_req, reply) => {
    // Requests refused for want of a valid device: counted in memory (not audited), shown here.
    const refusedAnonymous = refusalCountsOf(hall.refusedAnonymous());
    if (opts.health) {
      const { status, body } = opts.health();
      const b = body as { data?: object };
      const withCounts = { ...b, data: { ...b.data, refusedAnonymous } };
      return reply.code(status).type('application/json; charset=utf-8').send(withCounts);
    }
    const state = hall.store.hall.state();
    return sendAck(reply, {
      ok: true,
      data: {
        seq: state.seq,
        businessDay: state.businessDay,
        version: opts.version,
        refusedAnonymous,
      },
    });
  });
  // An export reads what `report:get` reads: it counts against the same per-device window.
  app.get('/api/v1/report/export', async (req, reply) => {
    const admitted = await opts.limiter.admit(
      callerOf(hall, credentialsOf(req), req.ip),
      commandClassOf('report:get', commands['report:get'].kind),
    );
    if (!admitted.ok) return limitedReply(reply, admitted.retryAfterMs);
    return exportReport(hall, req, reply);
  });

  for (const name of commandNames) {
    const { method, path } = httpRoute(name);
    const kind = commands[name].kind;
    app.route({
      method,
      url: path,
      handler: async (req, reply) => {
        const credentials = credentialsOf(req);
        const admitted = await opts.limiter.admit(
          callerOf(hall, credentials, req.ip),
          commandClassOf(name, kind),
        );
        if (!admitted.ok) return limitedReply(reply, admitted.retryAfterMs);
        const parsed =
          method === 'GET'
            ? { ok: true as const, value: { ...(req.query as object) } }
            : parseBody(req.body);
        if (!parsed.ok)
          return sendAck(reply, fail('invalid_payload', 'The body is not valid JSON.'));
        const payload = withIdempotencyKey(parsed.value, header(req, 'idempotency-key'));
        if (!payload.ok) return sendAck(reply, payload);
        const { ack } = await hall.execute(name, payload.data, credentials);
        return sendAck(reply, ack);
      },
    });
  }
}

/** Any other `/api/` path. */
export function unknownRoute(req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const path = req.url.split('?')[0] ?? '';
  return sendAck(reply, fail('unknown_command', `No route ${req.method} ${path.slice(0, 100)}.`));
}
