import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clerkAtCounter,
  connectClient,
  ok,
  send,
  startTestHall,
  type TestHall,
} from './test-support/hall-harness';

// Reports over a real hall: served visits → report:get → XLSX, CSV and the printable bulletin.

let hall: TestHall;
let leaderSession: string;
let today: string;

beforeAll(async () => {
  hall = await startTestHall();
  const url = hall.server.url;
  const kiosk = await connectClient(url, { deviceToken: 'demo-kiosk-1' });
  const clerk = await clerkAtCounter(url, {
    deviceToken: 'demo-desk-1',
    staffNo: '1001',
    pin: '1001',
    counterId: 'ctr-1',
  });
  for (let i = 0; i < 3; i++) {
    const issued = ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-billing' })).ticket;
    ok(await send(clerk.socket, 'ticket:call', { ticketId: issued.id }));
    ok(await send(clerk.socket, 'ticket:start', { ticketId: issued.id }));
    if (i === 0) {
      ok(
        await send(clerk.socket, 'case:open', {
          ticketId: issued.id,
          caseTypeId: 'ct-fault',
          summary: '表箱漏电',
        }),
      );
    }
    ok(await send(clerk.socket, 'ticket:finish', { ticketId: issued.id, outcome: 'completed' }));
  }
  ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-fault' }));
  today = ok(await send(kiosk, 'hall:snapshot', {})).businessDay;
  const leader = await clerkAtCounter(url, {
    deviceToken: 'demo-console',
    staffNo: '8001',
    pin: '8001',
  });
  leaderSession = leader.sessionToken;
  for (const s of [kiosk, clerk.socket, leader.socket]) s.disconnect();
});
afterAll(async () => {
  await hall.close();
});

const auth = () => ({ authorization: 'Bearer demo-console', 'x-staff-session': leaderSession });

describe('reports', () => {
  it('reports today’s visits to the duty leader over the socket', async () => {
    const leader = await connectClient(hall.server.url, {
      deviceToken: 'demo-console',
      sessionToken: leaderSession,
    });
    const report = ok(await send(leader, 'report:get', { from: today, to: today }));
    expect(report).toMatchObject({ days: 1, tickets: 4 });
    const billing = report.services.find((s) => s.serviceId === 'svc-billing')!;
    expect(billing).toMatchObject({ tickets: 3, called: 3, withinTargetShare: 1 });
    expect(report.clerks.find((c) => c.staffNo === '1001')).toMatchObject({
      served: 3,
      owned: 3,
      casesOwned: 1,
    });
    expect(report.cases).toMatchObject({ opened: 1, open: 1, overdue: 0, onTimeRate: null });
    expect(report.cases.byType).toEqual([
      expect.objectContaining({ caseTypeId: 'ct-fault', nameZh: '故障报修', opened: 1 }),
    ]);
    const empty = ok(await send(leader, 'report:get', { from: '2020-01-01', to: '2020-01-31' }));
    expect(empty).toMatchObject({ days: 0, tickets: 0, clerks: [] });
    expect(await send(leader, 'report:get', { from: today, to: '2020-01-01' })).toMatchObject({
      ok: false,
      code: 'invalid_payload',
    });
    leader.disconnect();
  });

  it('exports a formatted XLSX workbook that reads back', async () => {
    const res = await fetch(
      `${hall.server.url}/api/v1/report/export?from=${today}&to=${today}&format=xlsx`,
      { headers: auth() },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await res.arrayBuffer()) as never);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      '概要 Summary',
      '业务 Services',
      '人员考核 Clerks',
      '时段排班 Hours',
      '分业务排班 Staffing by service',
      '工单 Cases',
      '预估准确度 Estimates',
    ]);
    const services = book.getWorksheet('业务 Services')!;
    expect(services.getRow(1).getCell(1).value).toBe('业务 Service');
    expect(services.getRow(2).getCell(1).value).toBe('svc-billing');
    expect(services.getRow(2).getCell(2).value).toBe(3);
    expect(services.getColumn(6).numFmt).toBe('0.0%');
    const staffing = book.getWorksheet('分业务排班 Staffing by service')!;
    const billingArrivals = staffing
      .getSheetValues()
      .filter((row) => Array.isArray(row) && row[1] === 'svc-billing')
      .reduce((sum, row) => sum + Number((row as unknown[])[3]), 0);
    expect(billingArrivals).toBe(3); // in one business day, over however many hours
  });

  it('exports CSV with a BOM and refuses a kiosk', async () => {
    const csv = await fetch(
      `${hall.server.url}/api/v1/report/export?from=${today}&to=${today}&format=csv&table=clerks`,
      { headers: auth() },
    );
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: Excel reads UTF-8
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[1]).toMatch(/^1001,李明,3,/);
    const kiosk = await fetch(
      `${hall.server.url}/api/v1/report/export?from=${today}&to=${today}&format=csv`,
      { headers: { authorization: 'Bearer demo-kiosk-1' } },
    );
    expect(kiosk.status).toBe(403);
  });

  it('exports every table as CSV with its size, at the service level asked for', async () => {
    const get = (query: string) =>
      fetch(`${hall.server.url}/api/v1/report/export?from=${today}&to=${today}&${query}`, {
        headers: auth(),
      });
    for (const table of ['services', 'clerks', 'hours', 'staffing', 'cases', 'estimates']) {
      const res = await get(`format=csv&table=${table}`);
      expect(res.status, table).toBe(200);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(Number(res.headers.get('content-length')), table).toBe(bytes.length);
    }
    const xlsx = await get('format=xlsx&serviceLevel=0.9');
    expect(Number(xlsx.headers.get('content-length'))).toBe((await xlsx.arrayBuffer()).byteLength);
    const book90 = await get('format=html&serviceLevel=0.9');
    const book80 = await get('format=html');
    expect(await book90.text()).not.toEqual(await book80.text());
    expect((await get('format=csv&table=secrets')).status).toBe(400);
    const refused = await get('format=xlsx&serviceLevel=2');
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ ok: false, code: 'invalid_payload' });
  });

  it.skipIf(!existsSync('/usr/bin/chromium'))(
    'prints the weekly bulletin to PDF in Chromium',
    async () => {
      const browser = await chromium.launch({
        executablePath: '/usr/bin/chromium',
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      try {
        const page = await browser.newPage({ extraHTTPHeaders: auth() });
        await page.goto(
          `${hall.server.url}/api/v1/report/export?from=${today}&to=${today}&format=html`,
        );
        expect(await page.locator('h1').textContent()).toContain('服务通报');
        expect(await page.locator('table').count()).toBe(4);
        const pdf = await page.pdf({ format: 'A4', landscape: true });
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        expect(pdf.length).toBeGreaterThan(10_000);
      } finally {
        await browser.close();
      }
    },
  );
});
