// The bulletin's stylesheet: made for A4 paper first (Chromium's print to PDF, a browser's
// print dialog), readable on screen too. Each section starts a page, a table row is never cut
// in two and a table's header is repeated on every page it runs onto. The footer (hall,
// period, page n of m) is drawn in the page margin boxes.

/** A text as a CSS string's content: anything but letters, digits and a few signs escaped. */
export const cssString = (s: string) =>
  `"${s.replace(/[^\p{L}\p{N} ·–()-]/gu, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;

const fonts = `"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif`;

export function bulletinStyle(footer: { left: string; page: string }): string {
  return `
@page {
  size: A4;
  margin: 14mm 12mm 16mm;
  @bottom-left {
    content: ${cssString(footer.left)};
    font: 7.5pt ${fonts};
    color: #52606d;
  }
  @bottom-right {
    content: ${footer.page};
    font: 7.5pt ${fonts};
    color: #52606d;
  }
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0;
  font: 9.5pt/1.45 ${fonts};
  color: #1f2933;
}
@media screen {
  html { background: #e4e7eb; }
  body { max-width: 210mm; margin: 8mm auto; padding: 14mm 12mm; background: #fff; }
}
.masthead { border-bottom: 2pt solid #1f4e79; padding-bottom: 5pt; margin-bottom: 8pt; }
.masthead .hall { font-size: 10pt; color: #52606d; }
h1 { font-size: 20pt; line-height: 1.2; margin: 0; color: #1f4e79; }
.masthead .period { margin: 2pt 0 0; font-size: 10.5pt; }
.kpis { display: grid; grid-template-columns: repeat(3, 1fr); gap: 5pt; margin: 0 0 10pt; }
.kpi { border: 0.6pt solid #c8d1dc; border-radius: 3pt; padding: 4pt 7pt; break-inside: avoid; }
.kpi .label { display: block; font-size: 8.5pt; color: #52606d; }
.kpi .value { display: block; font-size: 17pt; font-weight: 700; line-height: 1.25; }
.kpi .sub { font-size: 8pt; color: #52606d; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 8pt 12pt; }
figure { margin: 0; break-inside: avoid; }
figcaption { font-weight: 700; font-size: 10pt; margin-bottom: 2pt; }
svg.chart { display: block; width: 100%; height: auto; font-family: inherit; }
section.sheet { break-before: page; }
h2 { font-size: 13pt; color: #1f4e79; margin: 0 0 4pt; break-after: avoid; }
h2 + .note { margin-top: -2pt; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 0 0 10pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th {
  background: #1f4e79;
  color: #fff;
  font-weight: 600;
  padding: 3pt 4pt;
  text-align: right;
  vertical-align: bottom;
  border: 0.5pt solid #1f4e79;
}
td {
  padding: 2.5pt 4pt;
  text-align: right;
  border-bottom: 0.5pt solid #d0d7de;
  font-variant-numeric: tabular-nums;
  white-space: nowrap;
}
th.text, td.text { text-align: left; }
td.text { white-space: normal; }
tbody tr:nth-child(even) td { background: #f3f6f9; }
td.none { color: #9aa5b1; }
tr.total td { font-weight: 700; border-top: 1pt solid #1f4e79; }
.note { color: #52606d; font-size: 8.5pt; margin: 0 0 6pt; }
.charts .wide { grid-column: 1 / -1; }
figure.half { width: 50%; }
`;
}
