import { csvFile } from '@onestop/shared';

// A table as CSV the way it is on screen (header words, formatted cells, current order), with
// a BOM and CRLF so Excel opens it as UTF-8. Cells that start like a formula (= + - @) are
// shown as text, numbers such as -3.5 stay numbers (the contract's csvFile).

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return csvFile([header, ...rows], { bom: true });
}
