// Text that reaches a spreadsheet (CSV or XLSX exports) must not run as a formula there: a
// name like `=HYPERLINK("http://x","y")` or `@SUM(…)` would. A text cell that starts with = + -
// @, a tab or a carriage return gets a leading apostrophe (Excel and LibreOffice then show it
// as text); a number written as text ("-3.5", "12.5%", "1,234") is left alone, and so is a
// lone "-" (an empty figure).
//
// csvFile is the one CSV writer (the hall's report export and the reports screen's table
// download both use it): pure, so the browser runs it too.

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER_TEXT = /^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$/;

/** True when a text cell would be read as a formula. */
export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text) && text !== '-' && !NUMBER_TEXT.test(text);
}

/** The text as a spreadsheet should show it: a leading apostrophe when it starts like a formula. */
export function spreadsheetText(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}

/** One CSV field: numbers as they are, text neutralised, then quoted when it needs to be. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'number' ? String(value) : spreadsheetText(String(value));
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export interface CsvOptions {
  /** Start with a byte-order mark, so Excel reads the file as UTF-8 (Chinese text). */
  bom?: boolean;
}

/**
 * Rows as a CSV file (RFC 4180): fields by csvField, separated by commas, every line ended
 * with CRLF, the last one too.
 */
export function csvFile(rows: readonly (readonly unknown[])[], options: CsvOptions = {}): string {
  const lines = rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
  return options.bom ? `\uFEFF${lines}` : lines;
}
