import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumPath,
  cspViolations,
  launchChromium,
  pdfPageSizes,
  watchCsp,
} from './test-support/print-pdf';
import { connectClient, ok, send, startTestHall, type TestHall } from './test-support/hall-harness';
import { demoStaffOn } from './test-support/suite-hall';

// Reports over a real hall: served visits → report:get → XLSX, CSV and the printable bulletin.

let hall: TestHall;
let leaderSession: string;
let today: string;

beforeAll(async () => {
  hall = await startTestHall();
  const url = hall.server.url;
  const kiosk = await connectClient(url, { deviceToken: 'demo-kiosk-1' });
  const clerk = await demoStaffOn(url, 'demo-desk-1', '1001', 'ctr-1');
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
  const leader = await demoStaffOn(url, 'demo-console', '8001');
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

  it('exports a workbook people can read: names, hours as spans, percentages, no ids', async () => {
    const res = await fetch(
      `${hall.server.url}/api/v1/report/export?from=${today}&to=${today}&format=xlsx`,
      { headers: auth() },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await res.arrayBuffer()) as never);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      '概要',
      '业务',
      '人员考核',
      '时段排班',
      '分业务排班',
      '工单',
      '预估准确度',
    ]);
    const services = book.getWorksheet('业务')!;
    expect(services.getRow(1).getCell(1).value).toBe('业务');
    expect(services.getRow(2).getCell(1).value).toBe('电费缴纳');
    expect(services.getRow(2).getCell(2).value).toBe(3);
    // a share stays a number, shown as a percentage (100.0%), not 1
    expect(services.getRow(1).getCell(6).value).toBe('达标率');
    expect(services.getRow(2).getCell(6).value).toBe(1);
    expect(services.getRow(2).getCell(6).numFmt).toBe('0.0%');
    const hours = book.getWorksheet('时段排班')!;
    expect(String(hours.getRow(2).getCell(1).value)).toMatch(/^\d\d:00–\d\d:00$/);
    const summary = book.getWorksheet('概要')!;
    // one business day: its date and weekday (a range reads 2026-11-23 (周一) – 2026-11-29 (周日))
    expect(String(summary.getRow(2).getCell(2).value)).toMatch(
      new RegExp(`^${today} \\(周[一二三四五六日]\\)$`),
    );
    const staffing = book.getWorksheet('分业务排班')!;
    const billingArrivals = staffing
      .getSheetValues()
      .filter((row) => Array.isArray(row) && row[1] === '电费缴纳')
      .reduce((sum, row) => sum + Number((row as unknown[])[3]), 0);
    expect(billingArrivals).toBe(3); // in one business day, over however many hours
    for (const sheet of book.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((c) => {
          expect(String(c.value), `${sheet.name} ${c.address}`).not.toMatch(/svc-|stf-|ct-/);
        }),
      );
    }
  });

  it('exports the workbook in English when asked, and refuses an unknown language', async () => {
    const get = (lang: string) =>
      fetch(
        `${hall.server.url}/api/v1/report/export?from=${today}&to=${today}&format=xlsx&lang=${lang}`,
        { headers: auth() },
      );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await (await get('en')).arrayBuffer()) as never);
    expect(book.worksheets[1]!.name).toBe('Services');
    const services = book.getWorksheet('Services')!;
    expect(services.getRow(1).getCell(1).value).toBe('Service');
    expect(services.getRow(2).getCell(1).value).toBe('Bill payment');
    expect(String(book.getWorksheet('Summary')!.getRow(2).getCell(2).value)).toMatch(
      new RegExp(`^${today} \\((Mon|Tue|Wed|Thu|Fri|Sat|Sun)\\)$`),
    );
    const refused = await get('fr');
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ ok: false, code: 'invalid_payload' });
  });

  it('exports CSV for people: a BOM, headers in the language, formatted figures', async () => {
    const get = (query: string) =>
      fetch(`${hall.server.url}/api/v1/report/export?from=${today}&to=${today}&${query}`, {
        headers: auth(),
      });
    const bytes = Buffer.from(await (await get('format=csv&table=clerks')).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: Excel reads UTF-8
    const clerks = bytes.toString('utf8').slice(1).split('\r\n');
    expect(clerks[0]).toMatch(/^工号,姓名,办结,/);
    // Issue 18's appraisal figures travel in the export too.
    expect(clerks[0]).toMatch(
      /,补救,补救金额\(元\),补救措施,承诺兑现,承诺失信,大客户自办,大客户他办,测验,测验均分\(%\),测验通过,抽查,抽查均分\(%\)/,
    );
    expect(clerks[1]).toMatch(/^1001,李明,3,/);
    const services = (await (await get('format=csv&table=services')).text()).split('\r\n');
    expect(services[1]).toMatch(/^电费缴纳,3,3,\d+\.\d,\d+\.\d,100\.0%,/);
    const hours = (await (await get('format=csv&table=hours&lang=en')).text()).split('\r\n');
    expect(hours[0]).toMatch(/^Hour,Arrivals per hour,/);
    expect(hours[1]).toMatch(/^\d\d:00–\d\d:00,/);
    for (const table of ['services', 'clerks', 'hours', 'staffing', 'cases', 'estimates']) {
      for (const lang of ['zh', 'en']) {
        const text = await (await get(`format=csv&table=${table}&lang=${lang}`)).text();
        expect(text, `${table} ${lang}`).not.toMatch(/svc-|stf-|ct-|0\.\d{3,}/);
      }
    }
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

  it.skipIf(!existsSync(chromiumPath))(
    'prints the weekly bulletin on A4 pages in Chromium, its charts drawn without a script',
    async () => {
      const browser = await launchChromium();
      try {
        const page = await browser.newPage({ extraHTTPHeaders: auth() });
        await watchCsp(page);
        const res = await page.goto(
          `${hall.server.url}/api/v1/report/export?from=${today}&to=${today}&format=html`,
        );
        expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
        expect(await page.locator('h1').textContent()).toContain('服务通报');
        expect(await page.locator('script').count()).toBe(0);
        expect(await page.locator('svg.chart').count()).toBeGreaterThanOrEqual(4);
        const body = await page.locator('body').innerText();
        expect(body).toContain('电费缴纳');
        expect(body).not.toMatch(/svc-|stf-|ct-/);
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        const pages = pdfPageSizes(pdf);
        expect(pages.length).toBeGreaterThanOrEqual(1);
        expect(pages.length).toBeLessThanOrEqual(5);
        for (const p of pages) expect(p).toEqual({ widthMm: 210, heightMm: 297 });
        expect(await cspViolations(page)).toEqual([]);
      } finally {
        await browser.close();
      }
    },
  );
});
