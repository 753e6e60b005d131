import { csvField, startsLikeFormula, type HallReport } from '@onestop/shared';
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
  { header: '等候P90 Wait p90 (min)', key: 'waitP90Sec', width: 22, format: 'minutes' },
  { header: '达标率 Within target', key: 'withinTargetShare', width: 20, format: 'percent' },
  { header: '实际窗口 Counters serving', key: 'countersServing', width: 24 },
  { header: '建议窗口 Recommended', key: 'countersRecommended', width: 22 },
];

const caseColumns: Column[] = [
  { header: '类型 Case type', key: 'nameZh', width: 18 },
  { header: '受理 Opened', key: 'opened', width: 12 },
  { header: '办结 Closed', key: 'closed', width: 12 },
  { header: '按期 On time', key: 'onTime', width: 12 },
  { header: '按期率 On-time rate', key: 'onTimeRate', width: 18, format: 'percent' },
  { header: '在办 Open', key: 'open', width: 12 },
  { header: '超期 Overdue', key: 'overdue', width: 12 },
];

const estimateColumns: Column[] = [
  { header: '维度 Scope', key: 'scope', width: 12 },
  { header: '项 Key', key: 'key', width: 16 },
  { header: '样本 n', key: 'n', width: 10 },
  { header: '平均绝对误差 MAE (min)', key: 'maeSec', width: 24, format: 'minutes' },
  { header: '偏差 Bias (min)', key: 'biasSec', width: 16, format: 'minutes' },
];

/** The tables a report exports one by one (CSV). */
export const reportTables = [
  'services',
  'clerks',
  'hours',
  'staffing',
  'cases',
  'estimates',
] as const;
export type ReportTable = (typeof reportTables)[number];

function tableOf(report: HallReport, table: ReportTable): [Column[], Record<string, unknown>[]] {
  const rows = (list: unknown[]) => list as Record<string, unknown>[];
  switch (table) {
    case 'services':
      return [serviceColumns, rows(report.services)];
    case 'clerks':
      return [clerkColumns, rows(report.clerks)];
    case 'hours':
      return [hourColumns, rows(report.hours)];
    case 'staffing':
      return [
        [{ header: '业务 Service', key: 'serviceId', width: 18 }, ...hourColumns],
        rows(
          report.staffingByService.flatMap((s) =>
            s.hours.map((h) => ({ ...h, serviceId: s.serviceId })),
          ),
        ),
      ];
    case 'cases':
      return [
        caseColumns,
        rows([...report.cases.byType, { ...report.cases, nameZh: '合计 Total' }]),
      ];
    case 'estimates':
      return [
        estimateColumns,
        rows([
          ...report.estimates.byService.map((e) => ({ ...e, scope: 'service' })),
          ...report.estimates.byHour.map((e) => ({ ...e, scope: 'hour' })),
        ]),
      ];
  }
}

/** A number, or text (never an object: exceljs writes `{ formula }` objects as formulas). */
function cell(row: Record<string, unknown>, c: Column): number | string {
  const v = row[c.key];
  if (typeof v !== 'number') return v === null || v === undefined ? '' : String(v);
  return c.format === 'minutes' ? Math.round((v / 60) * 10) / 10 : v;
}

/**
 * exceljs writes a string as a text cell already; a text that starts like a formula also gets
 * the text number format, so that editing the cell in Excel does not turn it into one.
 */
function keepAsText(sheet: ExcelJS.Worksheet): void {
  sheet.eachRow((row) =>
    row.eachCell((c) => {
      if (typeof c.value === 'string' && startsLikeFormula(c.value)) c.numFmt = '@';
    }),
  );
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
  keepAsText(sheet);
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
    ['投诉 Complaints', report.opinions.byCategory.complaint],
    ['建议 Suggestions', report.opinions.byCategory.suggestion],
    ['表扬 Praise', report.opinions.byCategory.praise],
    ['更正 Corrections', report.opinions.byCategory.correction],
    ['重复诉求 Repeated', report.opinions.repeated],
    ['平均办结时长 Mean hours to close', report.opinions.meanHoursToClose ?? ''],
    ['未结意见 Open opinions', report.opinions.open],
    [
      `超${report.opinions.dueHours}小时未结 Open past ${report.opinions.dueHours} h`,
      report.opinions.openPastDue,
    ],
    ['工单按期率 Cases on time', report.cases.onTimeRate ?? ''],
    ['超期工单 Overdue cases', report.cases.overdue],
  ]);
  summary.getCell('B14').numFmt = '0.0%';
  summary.getColumn(1).width = 26;
  summary.getColumn(1).font = { bold: true };
  summary.getColumn(2).width = 30;
  keepAsText(summary);
  addSheet(book, '业务 Services', ...tableOf(report, 'services'));
  addSheet(book, '人员考核 Clerks', ...tableOf(report, 'clerks'));
  addSheet(book, '时段排班 Hours', ...tableOf(report, 'hours'));
  addSheet(book, '分业务排班 Staffing by service', ...tableOf(report, 'staffing'));
  addSheet(book, '工单 Cases', ...tableOf(report, 'cases'));
  addSheet(book, '预估准确度 Estimates', ...tableOf(report, 'estimates'));
  return Buffer.from(await book.xlsx.writeBuffer());
}

function toCsv(columns: Column[], rows: Record<string, unknown>[]): string {
  return [
    columns.map((c) => csvField(c.header)).join(','),
    ...rows.map((r) => columns.map((c) => csvField(cell(r, c))).join(',')),
  ].join('\r\n');
}

/** CSV of one table, with a BOM so Excel reads it as UTF-8. */
export function reportToCsv(report: HallReport, table: ReportTable): string {
  return `\uFEFF${toCsv(...tableOf(report, table))}\r\n`;
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
<h2>工单 Cases</h2>${htmlTable(...tableOf(report, 'cases'))}
<p class="meta">意见 Opinions: 重复诉求 repeated ${o.repeated} · 已结 closed ${o.closed}${o.meanHoursToClose === null ? '' : `(平均 mean ${o.meanHoursToClose} h)`} · 超${o.dueHours}小时未结 open past ${o.dueHours} h ${o.openPastDue}</p>
</body></html>`;
}
