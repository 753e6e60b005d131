import { MAX_OPTIONS, QuestionInput, startsLikeFormula, type Question } from '@onestop/shared';
import type ExcelJS from 'exceljs';

// The question bank as an XLSX: the export's columns are the import's (docs/knowledge-checks.md).
// The import reads the first sheet, refuses the whole file on any bad row (naming each) and
// guards against hostile files: a size cap, a zip whose content would unpack past a few MB,
// formulas, too many rows or columns.

const LETTERS = 'ABCDEFGH'.slice(0, MAX_OPTIONS);
const OPTION_COLUMNS = [...LETTERS].map((l) => `option_${l.toLowerCase()}`);
export const XLSX_COLUMNS = [
  'id',
  'service_id',
  'topic',
  'kind',
  'prompt',
  ...OPTION_COLUMNS,
  'correct',
  'accepted',
  'explanation',
  'active',
] as const;
const REQUIRED = ['service_id', 'topic', 'kind', 'prompt', 'explanation'];

export const MAX_IMPORT_ROWS = 500;
/** What the file may unpack to, all parts together (a 46 KB zip can hold 47 MB of XML). */
export const MAX_UNPACKED_BYTES = 8 * 1024 * 1024;
const MAX_ERRORS_SHOWN = 20;

/** The file's rows read (each checked by the contract), with the rows that could not be. */
export type ImportRows =
  | { ok: true; rows: { row: number; question: QuestionInput }[]; errors: string[] }
  | { ok: false; errors: string[] };

/**
 * The sum of the sizes a zip says its parts unpack to (central directory), or null when it is
 * no zip we read (zip64, truncated, a size that does not fit).
 */
export function unpackedSize(buf: Buffer): number | null {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let end = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return null;
    const size = buf.readUInt32LE(at + 24);
    if (size === 0xffffffff) return null;
    total += size;
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return total;
}

/** A cell as text: numbers as written, rich text joined; a formula or an error is refused. */
function cellText(value: ExcelJS.CellValue): string | { problem: string } {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return { problem: 'a date where text belongs' };
  if ('formula' in value || 'sharedFormula' in value) return { problem: 'a formula' };
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  return { problem: 'a value that is not text' };
}

function letterIndices(text: string): number[] | string {
  const parts = text
    .toUpperCase()
    .split(/[,,、\s]+/)
    .filter(Boolean);
  const out: number[] = [];
  for (const p of parts) {
    const i = LETTERS.indexOf(p);
    if (p.length !== 1 || i < 0)
      return `correct: "${p}" is not an option letter A–${LETTERS.at(-1)}`;
    out.push(i);
  }
  return out;
}

function activeOf(text: string): boolean | string {
  const t = text.trim().toLowerCase();
  if (['', 'yes', 'y', 'true', '1', '是'].includes(t)) return true;
  if (['no', 'n', 'false', '0', '否', 'retired', '停用'].includes(t)) return false;
  return `active: "${text}" is not yes or no`;
}

/** One row's cells (by column name) as a question to save, or why not. */
function rowQuestion(cells: Record<string, string>): QuestionInput | string {
  const options: string[] = [];
  for (const col of OPTION_COLUMNS) {
    const v = cells[col]?.trim() ?? '';
    if (v !== '') options.push(v);
  }
  const correct = letterIndices(cells.correct ?? '');
  if (typeof correct === 'string') return correct;
  const active = activeOf(cells.active ?? '');
  if (typeof active === 'string') return active;
  const parsed = QuestionInput.safeParse({
    ...(cells.id?.trim() ? { id: cells.id.trim() } : {}),
    serviceId: cells.service_id?.trim() ?? '',
    topic: cells.topic?.trim() ?? '',
    kind: cells.kind?.trim().toLowerCase() ?? '',
    prompt: cells.prompt?.trim() ?? '',
    options,
    correct,
    accepted: (cells.accepted ?? '')
      .split('|')
      .map((a) => a.trim())
      .filter(Boolean),
    explanation: cells.explanation?.trim() ?? '',
    active,
  });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  return `${issue.path.join('.') || 'row'}: ${issue.message}`;
}

/** The questions of an XLSX's first sheet, each with its row number, or every problem found. */
export async function readQuestionsXlsx(file: Buffer): Promise<ImportRows> {
  const unpacked = unpackedSize(file);
  if (unpacked === null) return { ok: false, errors: ['the file is not an XLSX workbook'] };
  if (unpacked > MAX_UNPACKED_BYTES)
    return { ok: false, errors: [`the workbook unpacks to more than ${MAX_UNPACKED_BYTES} bytes`] };
  const { default: excel } = await import('exceljs');
  const book = new excel.Workbook();
  try {
    await book.xlsx.load(new Uint8Array(file).buffer);
  } catch {
    return { ok: false, errors: ['the file is not an XLSX workbook'] };
  }
  const sheet = book.worksheets[0];
  if (!sheet) return { ok: false, errors: ['the workbook has no sheet'] };
  if (sheet.actualRowCount - 1 > MAX_IMPORT_ROWS)
    return { ok: false, errors: [`more than ${MAX_IMPORT_ROWS} rows: split the file`] };
  if (sheet.columnCount > XLSX_COLUMNS.length + 5)
    return { ok: false, errors: [`more than ${XLSX_COLUMNS.length + 5} columns`] };

  const header = sheet.getRow(1);
  const columns = new Map<number, string>();
  const errors: string[] = [];
  header.eachCell((cell, col) => {
    const name = cellText(cell.value);
    const key = typeof name === 'string' ? name.trim().toLowerCase() : '';
    if (!(XLSX_COLUMNS as readonly string[]).includes(key))
      errors.push(
        `row 1: column ${col} "${typeof name === 'string' ? name.slice(0, 30) : '?'}" is not one of ${XLSX_COLUMNS.join(', ')}`,
      );
    else columns.set(col, key);
  });
  const named = new Set(columns.values());
  for (const r of REQUIRED) if (!named.has(r)) errors.push(`row 1: no column ${r}`);
  if (errors.length > 0) return { ok: false, errors };

  const rows: { row: number; question: QuestionInput }[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const cells: Record<string, string> = {};
    let problem: string | null = null;
    row.eachCell((cell, col) => {
      const name = columns.get(col);
      if (!name) {
        problem ??= `column ${col} has no header`;
        return;
      }
      const text = cellText(cell.value);
      if (typeof text !== 'string') problem ??= `${name}: ${text.problem}`;
      else cells[name] = text;
    });
    if (Object.values(cells).every((v) => v.trim() === '') && problem === null) return; // blank
    const question = problem ?? rowQuestion(cells);
    if (typeof question === 'string') errors.push(`row ${n}: ${question}`);
    else rows.push({ row: n, question });
  });
  if (rows.length === 0 && errors.length === 0)
    return { ok: false, errors: ['no questions in the sheet'] };
  return { ok: true, rows, errors };
}

/** At most MAX_ERRORS_SHOWN problems, in row order, and how many more there were. */
export function someErrors(errors: readonly { row: number; text: string }[]): string {
  const sorted = [...errors].sort((a, b) => a.row - b.row).map((e) => e.text);
  const more = sorted.length - MAX_ERRORS_SHOWN;
  return [...sorted.slice(0, MAX_ERRORS_SHOWN), ...(more > 0 ? [`and ${more} more`] : [])].join(
    '; ',
  );
}

/** The bank as an XLSX, one question a row, in the columns the import reads. */
export async function questionsToXlsx(questions: readonly Question[]): Promise<Buffer> {
  const { default: excel } = await import('exceljs');
  const book = new excel.Workbook();
  book.creator = 'OneStop';
  const sheet = book.addWorksheet('questions', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = XLSX_COLUMNS.map((header) => ({
    header,
    width: header === 'prompt' || header === 'explanation' ? 48 : 16,
  }));
  for (const q of questions) {
    const options = Object.fromEntries(OPTION_COLUMNS.map((c, i) => [c, q.options[i] ?? '']));
    sheet.addRow([
      q.id,
      q.serviceId,
      q.topic,
      q.kind,
      q.prompt,
      ...OPTION_COLUMNS.map((c) => options[c]),
      q.correct.map((i) => LETTERS[i]).join(','),
      q.accepted.join('|'),
      q.explanation,
      q.active ? 'yes' : 'no',
    ]);
  }
  sheet.getRow(1).font = { bold: true };
  // Text stays text when edited in Excel (a prompt starting with = is no formula).
  sheet.eachRow((row) =>
    row.eachCell((c) => {
      if (typeof c.value === 'string' && startsLikeFormula(c.value)) c.numFmt = '@';
    }),
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}
