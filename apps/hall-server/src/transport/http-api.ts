import {
  commandNames,
  httpRoute,
  type CommandName,
  type ErrorCode,
  type HallReport,
} from '@onestop/shared';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Hall } from '../app/hall';
import {
  reportTables,
  reportToBulletinHtml,
  reportToCsv,
  reportToXlsx,
  type ReportTable,
} from '../reports/export';
import { openApiDocument } from './openapi';
import { MAX_PAYLOAD_BYTES } from './socket-server';

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
  internal_error: 500,
};

export function statusOf(code: ErrorCode): number {
  return STATUS[code] ?? 409;
}

const routes = new Map<string, CommandName>(
  commandNames.map((name) => {
    const r = httpRoute(name);
    return [`${r.method} ${r.path}`, name];
  }),
);

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(text);
}

class TooLarge extends Error {}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_PAYLOAD_BYTES) throw new TooLarge();
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function credentialsOf(req: IncomingMessage) {
  const auth = header(req, 'authorization');
  return {
    deviceToken: auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined,
    sessionToken: header(req, 'x-staff-session'),
  };
}

const EXPORTS = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
} as const;

/**
 * `GET /api/v1/report/export?from=…&to=…&format=xlsx|csv|html[&table=…][&serviceLevel=0.8]`:
 * the report as a file, with the same access as `report:get` (the same range and service level
 * checks). `html` is the printable weekly bulletin (print it to PDF from the browser or
 * Electron). The size goes in `content-length` so a screen can show the download's progress.
 */
async function exportReport(
  hall: Hall,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const format = url.searchParams.get('format') ?? 'xlsx';
  const table = url.searchParams.get('table') ?? 'services';
  if (!(format in EXPORTS) || !(reportTables as readonly string[]).includes(table)) {
    send(res, 400, {
      ok: false,
      code: 'invalid_payload',
      message: `format must be xlsx, csv or html; table one of ${reportTables.join(', ')}.`,
    });
    return;
  }
  const serviceLevel = url.searchParams.get('serviceLevel');
  const input = {
    from: url.searchParams.get('from'),
    to: url.searchParams.get('to'),
    ...(serviceLevel === null ? {} : { serviceLevel }),
  };
  const { ack } = await hall.execute('report:get', input, credentialsOf(req));
  if (!ack.ok) {
    send(res, statusOf(ack.code), ack);
    return;
  }
  const report = ack.data as HallReport;
  const config = hall.store.hall.state().config;
  const hallName = `${config.nameZh}`;
  const body =
    format === 'xlsx'
      ? await reportToXlsx(report, hallName)
      : format === 'csv'
        ? reportToCsv(report, table as ReportTable)
        : reportToBulletinHtml(report, hallName);
  const file = `onestop-report-${report.from}-${report.to}${format === 'csv' ? `-${table}` : ''}.${format}`;
  res.writeHead(200, {
    'content-type': EXPORTS[format as keyof typeof EXPORTS],
    'content-disposition': format === 'html' ? 'inline' : `attachment; filename="${file}"`,
    'cache-control': 'no-store',
    'content-length': typeof body === 'string' ? Buffer.byteLength(body) : body.length,
  });
  res.end(body);
}

/** Answers `/api/v1/*`; returns false for any other path. */
export function createHttpApi(hall: Hall, version: string) {
  let openapi: string | null = null;
  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://hall');
    if (!url.pathname.startsWith('/api/')) return false;
    if (req.method === 'GET' && url.pathname === '/api/v1/openapi.json') {
      openapi ??= JSON.stringify(openApiDocument(version));
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(openapi);
      return true;
    }
    if (req.method === 'GET' && url.pathname === '/api/v1/health') {
      const state = hall.store.hall.state();
      send(res, 200, {
        ok: true,
        data: { seq: state.seq, businessDay: state.businessDay, version },
      });
      return true;
    }
    if (req.method === 'GET' && url.pathname === '/api/v1/report/export') {
      await exportReport(hall, req, res, url);
      return true;
    }
    const name = routes.get(`${req.method} ${url.pathname}`);
    if (!name) {
      send(res, 404, {
        ok: false,
        code: 'unknown_command',
        message: `No route ${req.method} ${url.pathname}.`,
      });
      return true;
    }
    let payload: unknown;
    try {
      payload = req.method === 'GET' ? Object.fromEntries(url.searchParams) : await readJson(req);
    } catch (err) {
      const code: ErrorCode = err instanceof TooLarge ? 'payload_too_large' : 'invalid_payload';
      send(res, statusOf(code), {
        ok: false,
        code,
        message:
          err instanceof TooLarge ? 'The request is too large.' : 'The body is not valid JSON.',
      });
      req.resume();
      return true;
    }
    const key = header(req, 'idempotency-key');
    if (
      key &&
      payload &&
      typeof payload === 'object' &&
      !Array.isArray(payload) &&
      !('commandId' in payload)
    ) {
      payload = { ...payload, commandId: key };
    }
    const { ack } = await hall.execute(name, payload, credentialsOf(req));
    send(res, ack.ok ? 200 : statusOf(ack.code), ack);
    return true;
  };
}
