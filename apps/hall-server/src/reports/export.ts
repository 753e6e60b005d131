import { csvFile, startsLikeFormula, type HallReport } from '@onestop/shared';
import type ExcelJS from 'exceljs';
import type { ExportContext } from './readable';
import {
  reportTables,
  summaryOf,
  tableOf,
  valueText,
  type Kind,
  type ReportTable,
  type Table,
  type Value,
} from './tables';

// A report as files for people, in one language: an XLSX workbook with one formatted sheet per
// table (figures stay numbers, shown as 83.3% or 12.5), CSV of one table written as Excel
// should show it, and the weekly bulletin (周通报, bulletin.ts) to print on A4. No internal
// id reaches a file: services by name, hours as 09:00–10:00. Machines read `report:get`.

export { reportToBulletinHtml } from './bulletin';
export { reportTables, type ReportTable };

const numberFormats: Partial<Record<Kind, string>> = {
  count: '0',
  decimal: '0.0',
  minutes: '0.0',
  signedMinutes: '+0.0;-0.0;0.0',
  percent: '0.0%',
};

/** A number or text (never an object: exceljs writes `{ formula }` objects as formulas). */
const xlsxValue = (value: Value, kind: Kind): number | string =>
  typeof value === 'number' ? value : valueText(value, kind);

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

function addSheet(book: ExcelJS.Workbook, table: Table): void {
  const sheet = book.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.headers.map((header, i) => ({ header, width: table.widths[i] }));
  for (const row of table.rows) {
    const added = sheet.addRow(row.map((v, i) => xlsxValue(v, table.kinds[i]!)));
    row.forEach((v, i) => {
      const format = numberFormats[table.kinds[i]!];
      if (typeof v === 'number' && format) added.getCell(i + 1).numFmt = format;
      else if (typeof v !== 'string') added.getCell(i + 1).alignment = { horizontal: 'right' };
    });
  }
  const header = sheet.getRow(1);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.headers.length } };
  keepAsText(sheet);
}

export async function reportToXlsx(report: HallReport, ctx: ExportContext): Promise<Buffer> {
  // Loaded at the first export, not at start: exceljs alone is a quarter of the start time.
  const { default: excel } = await import('exceljs');
  const book = new excel.Workbook();
  book.creator = 'OneStop';
  book.title = `${ctx.hallName} ${report.from} – ${report.to}`;
  const summary = book.addWorksheet(ctx.lang === 'zh' ? '概要' : 'Summary');
  for (const line of summaryOf(report, ctx)) {
    const row = summary.addRow([line.label, xlsxValue(line.value, line.kind)]);
    const format = numberFormats[line.kind];
    if (typeof line.value === 'number' && format) row.getCell(2).numFmt = format;
    row.getCell(2).alignment = { horizontal: 'left' };
  }
  summary.getColumn(1).width = 24;
  summary.getColumn(1).font = { bold: true };
  summary.getColumn(2).width = 40;
  keepAsText(summary);
  for (const table of ['services', 'clerks', 'hours', 'staffing', 'cases', 'estimates'] as const)
    addSheet(book, tableOf(report, table, ctx));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * CSV of one table for a person opening it in Excel: a BOM (so Excel reads UTF-8), headers in
 * the export's language, figures written as shown (83.3%, 12.5, 09:00–10:00, — for none).
 */
export function reportToCsv(report: HallReport, table: ReportTable, ctx: ExportContext): string {
  const t = tableOf(report, table, ctx);
  const rows = t.rows.map((r) => r.map((v, i) => valueText(v, t.kinds[i]!)));
  return csvFile([t.headers, ...rows], { bom: true });
}
