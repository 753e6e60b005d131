import { fail, HallReport } from '@onestop/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Hall } from '../app/hall';
import { reportTables, reportToBulletinHtml, reportToCsv, reportToXlsx } from '../reports/export';
import { exportContextOf, exportLangs } from '../reports/readable';
import { credentialsOf, langOfRequest, queryOf, sendAck } from './http-reply';

const EXPORTS = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
} as const;

const ExportQuery = z.object({
  format: z.enum(['xlsx', 'csv', 'html']).default('xlsx'),
  table: z.enum(reportTables).default('services'),
  lang: z.enum(exportLangs).default('zh'),
  from: z.unknown().optional(),
  to: z.unknown().optional(),
  serviceLevel: z.unknown().optional(),
});

/**
 * `GET /api/v1/report/export?from=…&to=…&format=xlsx|csv|html[&table=…][&serviceLevel=0.8]
 * [&lang=zh|en]`: the report as a file for people, in that language (names, not ids), with the
 * same access as `report:get` (the same range and service level checks). `html` is the
 * printable weekly bulletin (print it to PDF from the browser or Electron). The size goes in
 * `content-length` so a screen can show the download's progress.
 */
export async function exportReport(
  hall: Hall,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const lang = langOfRequest(req);
  const query = ExportQuery.safeParse(queryOf(req));
  if (!query.success) {
    return sendAck(
      reply,
      fail(
        'invalid_payload',
        `format must be xlsx, csv or html; table one of ${reportTables.join(', ')}; lang zh or en.`,
      ),
      lang,
    );
  }
  const { format, table, from, to, serviceLevel } = query.data;
  const input = {
    from: from ?? null,
    to: to ?? null,
    ...(serviceLevel === undefined ? {} : { serviceLevel }),
  };
  const { ack } = await hall.execute('report:get', input, credentialsOf(req));
  if (!ack.ok) return sendAck(reply, ack, lang);
  const report = HallReport.safeParse(ack.data);
  if (!report.success) return sendAck(reply, fail('internal_error'), lang);
  const r = report.data;
  const ctx = exportContextOf(
    query.data.lang,
    hall.store.hall.state().config,
    hall.store.services.all(),
  );
  const body =
    format === 'xlsx'
      ? await reportToXlsx(r, ctx)
      : format === 'csv'
        ? reportToCsv(r, table, ctx)
        : reportToBulletinHtml(r, ctx);
  const file = `onestop-report-${r.from}-${r.to}${format === 'csv' ? `-${table}` : ''}.${format}`;
  return reply
    .code(200)
    .headers({
      'content-type': EXPORTS[format],
      'content-disposition': format === 'html' ? 'inline' : `attachment; filename="${file}"`,
      'cache-control': 'no-store',
      'content-length': typeof body === 'string' ? Buffer.byteLength(body) : body.length,
    })
    .send(body);
}
