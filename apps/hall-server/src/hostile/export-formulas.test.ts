import ExcelJS from 'exceljs';
import { demoCaseTypes } from '../app/demo-hall';
import { describe, expect, it } from 'vitest';
import { ok, send } from '../test-support/hall-harness';
import { namedExportHall } from '../test-support/hostile';

// A staff or case type name that starts like a formula flows into the report exports: the CSV
// shows it as text (a leading apostrophe), the XLSX holds it as a text cell, never a formula.

const LINK = '=HYPERLINK("http://x","y")';
const DDE = "+cmd|' /C calc'!A0";
const { exportUrl, headers } = namedExportHall({
  serviceId: 'svc-fault',
  async rename(admin) {
    ok(
      await send(admin, 'admin:save-staff', {
        staff: { id: 'stf-clerk-1', staffNo: '1001', name: LINK, roles: ['clerk'] },
      }),
    );
    const fault = demoCaseTypes.find((t) => t.id === 'ct-fault')!;
    ok(await send(admin, 'admin:save-case-type', { caseType: { ...fault, nameZh: DDE } }));
  },
  async finish(clerk, ticketId) {
    ok(await send(clerk, 'case:open', { ticketId, caseTypeId: 'ct-fault', summary: '表箱漏电' }));
    ok(await send(clerk, 'ticket:finish', { ticketId, outcome: 'case_opened' }));
  },
});

const exported = (query: string) => fetch(exportUrl(query), { headers: headers() });

/** Fields of a CSV line as a spreadsheet reads them (quotes undone). */
const fields = (line: string) =>
  [...line.matchAll(/"((?:[^"]|"")*)"|([^,]*)/g)].map((m) => m[1]?.replaceAll('""', '"') ?? m[2]);

describe('formulas in exports', () => {
  it.each([
    ['clerks', LINK],
    ['cases', DDE],
  ])('the %s CSV shows the name as text', async (table, name) => {
    const res = await exported(`format=csv&table=${table}`);
    expect(res.status).toBe(200);
    const cells = (await res.text()).split('\r\n').flatMap(fields);
    expect(cells).toContain(`'${name}`);
    expect(cells.filter((c) => /^[=+@\t\r]/.test(c ?? ''))).toEqual([]);
  });

  it('the XLSX holds the name as a text cell, not a formula', async () => {
    const res = await exported('format=xlsx');
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const found: ExcelJS.Cell[] = [];
    book.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (String(cell.value).includes('HYPERLINK') || String(cell.value).includes('cmd|'))
            found.push(cell);
        }),
      ),
    );
    expect(found.length).toBeGreaterThanOrEqual(2);
    for (const cell of found) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeFalsy();
      expect(cell.numFmt).toBe('@');
    }
  });
});
