import ExcelJS from 'exceljs';
import { demoCaseTypes } from '../app/demo-hall';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clerkAtCounter,
  connectClient,
  ok,
  send,
  startTestHall,
  type TestHall,
} from '../test-support/hall-harness';

// A staff or case type name that starts like a formula flows into the report exports: the CSV
// shows it as text (a leading apostrophe), the XLSX holds it as a text cell, never a formula.

const LINK = '=HYPERLINK("http://x","y")';
const DDE = "+cmd|' /C calc'!A0";
let hall: TestHall;
let session: string;
let today: string;

beforeAll(async () => {
  hall = await startTestHall();
  const url = hall.server.url;
  const admin = await clerkAtCounter(url, {
    deviceToken: 'demo-console',
    staffNo: '9000',
    pin: '9000',
  });
  session = admin.sessionToken;
  ok(
    await send(admin.socket, 'admin:save-staff', {
      staff: { id: 'stf-clerk-1', staffNo: '1001', name: LINK, roles: ['clerk'] },
    }),
  );
  const fault = demoCaseTypes.find((t) => t.id === 'ct-fault')!;
  ok(await send(admin.socket, 'admin:save-case-type', { caseType: { ...fault, nameZh: DDE } }));
  const kiosk = await connectClient(url, { deviceToken: 'demo-kiosk-1' });
  const clerk = await clerkAtCounter(url, {
    deviceToken: 'demo-desk-1',
    staffNo: '1001',
    pin: '1001',
    counterId: 'ctr-1',
  });
  const ticket = ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-fault' })).ticket;
  ok(await send(clerk.socket, 'ticket:call', { ticketId: ticket.id }));
  ok(await send(clerk.socket, 'ticket:start', { ticketId: ticket.id }));
  ok(
    await send(clerk.socket, 'case:open', {
      ticketId: ticket.id,
      caseTypeId: 'ct-fault',
      summary: '表箱漏电',
    }),
  );
  ok(await send(clerk.socket, 'ticket:finish', { ticketId: ticket.id, outcome: 'case_opened' }));
  today = ok(await send(kiosk, 'hall:snapshot', {})).businessDay;
  for (const s of [kiosk, clerk.socket, admin.socket]) s.disconnect();
});

afterAll(async () => {
  await hall.close();
});

const exported = (query: string) =>
  fetch(`${hall.server.url}/api/v1/report/export?from=${today}&to=${today}&${query}`, {
    headers: { authorization: 'Bearer demo-console', 'x-staff-session': session },
  });

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
