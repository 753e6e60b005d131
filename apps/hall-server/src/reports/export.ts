import type { HallReport } from '@onestop/shared';
import ExcelJS from 'exceljs';

// A report as files: an XLSX workbook with one formatted sheet per table, CSV of the service
// and clerk tables, and the weekly bulletin (周通报) as a printable HTML page that Chromium or
// Electron prints to PDF.

type Column = { header: string; key: string; width: number; format?: 'percent' | 'minutes' };

const serviceColumns: Column[] = [
  { header: '业务 Service', key: 'serviceId', width: 18 },
  { header: '取号 Tickets', key: 'tickets', width: 12 },
  { header: '叫号 Called', key: 'called', width: 12 },
  { header: '等候中位 Wait p50 (min)', key: 'waitP50Sec', width: 22, format: 'minutes' },
  { header: '等候P90 Wait p90 (min)', key: 'waitP90Sec', width: 22, format: 'minutes' },
  { header: '达标率 Within target', key: 'withinTargetShare', width: 20, format: 'percent' },
  { header: '平均办理 Handling (min)', key: 'handleMeanSec', width: 22, format: 'minutes' },
  { header: '办理P90 Handling p90 (min)', key: 'handleP90Sec', width: 24, format: 'minutes' },
  { header: '过号率 No-show', key: 'noShowRate', width: 14, format: 'percent' },
  { header: '转办 Transfers', key: 'transfers', width: 14 },
  { header: '取消 Cancelled', key: 'cancellations', width: 14 },
];

const clerkColumns: Column[] = [
  { header: '工号 Staff no.', key: 'staffNo', width: 12 },
  { header: '姓名 Name', key: 'name', width: 14 },
  { header: '办结 Served', key: 'served', width: 12 },
  { header: '平均办理 Handling (min)', key: 'handleMeanSec', width: 22, format: 'minutes' },
  { header: '首办 Owned', key: 'owned', width: 12 },
  { header: '评价 Rated', key: 'rated', width: 12 },
  { header: '参评率 Coverage', key: 'ratingCoverage', width: 16, format: 'percent' },
  { header: '满意率 Satisfaction', key: 'satisfactionRate', width: 18, format: 'percent' },
  { header: '不满意 Dissatisfied', key: 'dissatisfied', width: 18 },
  { header: '意见 Opinions', key: 'opinions', width: 14 },
  { header: '工单 Cases', key: 'casesOwned', width: 12 },
  { header: '按期 On time', key: 'casesOnTime', width: 12 },
  { header: '超期 Overdue', key: 'overdue', width: 12 },
];

const hourColumns: Column[] = [
  { header: '时段 Hour', key: 'hour', width: 10 },
  { header: '到达/小时 Arrivals/h', key: 'arrivalsPerHour', width: 20 },
  { header: '平均办理 Handling (min)', key: 'handleMeanSec', width: 22, format: 'minutes' },
  { header: '等候中位 Wait p50 (min)', key: 'waitP50Sec', width: 22, format: 'minutes' },
  { header: '实际窗口 Counters serving', key: 'countersServing', width: 24 },
  { header: '建议窗口 Recommended', key: 'countersRecommended', width: 22 },
];

function cell(row: Record<string, unknown>, c: Column): unknown {
  const v = row[c.key];
  if (typeof v !== 'number') return v ?? '';
  return c.format === 'minutes' ? Math.round((v / 60) * 10) / 10 : v;
}

function addSheet(
  book: ExcelJS.Workbook,
  name: string,
  columns: Column[],
  rows: Record<string, unknown>[],
): void {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  for (const row of rows)
    sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, cell(row, c)])));
  const header = sheet.getRow(1);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
  columns.forEach((c, i) => {
    if (c.format === 'percent') sheet.getColumn(i + 1).numFmt = '0.0%';
    if (c.format === 'minutes') sheet.getColumn(i + 1).numFmt = '0.0';
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

export async function reportToXlsx(report: HallReport, hallName: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'OneStop';
  book.title = `${hallName} ${report.from} – ${report.to}`;
  const summary = book.addWorksheet('概要 Summary');
  summary.addRows([
    ['营业厅 Hall', hallName],
    ['期间 Range', `${report.from} – ${report.to}`],
    ['营业日 Business days', report.days],
    ['取号 Tickets', report.tickets],
    ['意见 Opinions', report.opinions.total],
    ['未结意见 Open opinions', report.opinions.open],
  ]);
  summary.getColumn(1).width = 26;
  summary.getColumn(1).font = { bold: true };
  summary.getColumn(2).width = 30;
  addSheet(book, '业务 Services', serviceColumns, report.services);
  addSheet(book, '人员考核 Clerks', clerkColumns, report.clerks);
  addSheet(book, '时段排班 Hours', hourColumns, report.hours);
  const accuracy = [
    ...report.estimates.byService.map((e) => ({ ...e, scope: 'service' })),
    ...report.estimates.byHour.map((e) => ({ ...e, scope: 'hour' })),
  ];
  addSheet(
    book,
    '预估准确度 Estimates',
    [
      { header: '维度 Scope', key: 'scope', width: 12 },
      { header: '项 Key', key: 'key', width: 16 },
      { header: '样本 n', key: 'n', width: 10 },
      { header: '平均绝对误差 MAE (min)', key: 'maeSec', width: 24, format: 'minutes' },
      { header: '偏差 Bias (min)', key: 'biasSec', width: 16, format: 'minutes' },
    ],
    accuracy,
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}

function csvField(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function toCsv(columns: Column[], rows: Record<string, unknown>[]): string {
  return [
    columns.map((c) => csvField(c.header)).join(','),
    ...rows.map((r) => columns.map((c) => csvField(cell(r, c))).join(',')),
  ].join('\r\n');
}

/** CSV of one table (`services`, `clerks` or `hours`), with a BOM so Excel reads it as UTF-8. */
export function reportToCsv(report: HallReport, table: 'services' | 'clerks' | 'hours'): string {
  const [columns, rows] =
    table === 'services'
      ? [serviceColumns, report.services]
      : table === 'clerks'
        ? [clerkColumns, report.clerks]
        : [hourColumns, report.hours];
  return `\uFEFF${toCsv(columns, rows as unknown as Record<string, unknown>[])}\r\n`;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function htmlTable(columns: Column[], rows: Record<string, unknown>[]): string {
  const fmt = (r: Record<string, unknown>, c: Column) => {
    const v = cell(r, c);
    if (c.format === 'percent' && typeof v === 'number') return `${(v * 100).toFixed(1)}%`;
    return escapeHtml(String(v));
  };
  return `<table><thead><tr>${columns.map((c) => `<th>${escapeHtml(c.header)}</th>`).join('')}</tr></thead>
<tbody>${rows.map((r) => `<tr>${columns.map((c) => `<td>${fmt(r, c)}</td>`).join('')}</tr>`).join('\n')}</tbody></table>`;
}

/** The weekly bulletin (周通报) as a page made for printing to A4 PDF. */
export function reportToBulletinHtml(report: HallReport, hallName: string): string {
  const rows = (list: unknown[]) => list as Record<string, unknown>[];
  const o = report.opinions;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<title>${escapeHtml(hallName)} 服务通报 ${report.from} – ${report.to}</title>
<style>
@page { size: A4 landscape; margin: 12mm; }
body { font: 11pt/1.4 "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #111; }
h1 { font-size: 18pt; margin: 0 0 4pt; } h2 { font-size: 13pt; margin: 14pt 0 4pt; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; page-break-inside: avoid; }
th, td { border: 1px solid #999; padding: 2pt 4pt; text-align: right; }
th { background: #1f4e79; color: #fff; } td:first-child, th:first-child { text-align: left; }
.meta { color: #444; }
</style></head><body>
<h1>${escapeHtml(hallName)} · 服务通报 Service bulletin</h1>
<p class="meta">${report.from} – ${report.to} · ${report.days} 个营业日 business days · ${report.tickets} 张号 tickets ·
意见 opinions ${o.total}(投诉 complaints ${o.byCategory.complaint},未结 open ${o.open})</p>
<h2>业务 Services</h2>${htmlTable(serviceColumns, rows(report.services))}
<h2>人员考核 Clerks</h2>${htmlTable(clerkColumns, rows(report.clerks))}
<h2>分时段排班 Staffing by hour (服务水平 ${Math.round(report.staffing.serviceLevel * 100)}% / ${Math.round(report.staffing.targetWaitSec / 60)} min)</h2>
${htmlTable(hourColumns, rows(report.hours))}
</body></html>`;
}
