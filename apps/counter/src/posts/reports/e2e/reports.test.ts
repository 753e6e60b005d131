import ExcelJS from 'exceljs';
import { readFileSync, rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestHall, type TestHall } from '@onestop/hall-server/test-support/hall-harness';
import { reportHandlers } from '@onestop/hall-server/test-support/handlers';
import { hasChromium, launchChromium, openScreen, signIn } from '../../../../test-support/browser';
import { buildCounterOnce } from '../../../../test-support/build-once';
import { playReportsDay } from '../../../../test-support/reports-hall';

// The console's reports tab in Chromium against a real hall: the duty leader signs in, today's
// few visits show the right figures, an empty range shows the empty state, tables sort by any
// column, and the exports (XLSX read back with exceljs, a table's CSV, the bulletin to print)
// arrive as files; a fault in the hall server shows the error state with a retry.

let hall: TestHall;
let browser: Browser;
let page: Page;
let today: string;

beforeAll(async () => {
  await buildCounterOnce();
  hall = await startTestHall();
  today = (await playReportsDay(hall.server.url)).businessDay;
  browser = await launchChromium();
  page = await openScreen(browser, `${hall.server.url}/console?token=demo-console#reports`, {
    width: 1920,
    height: 1080,
  });
  await page.getByTestId('sign-in').waitFor();
  await signIn(page, '8001');
  await page.getByRole('tab', { name: '统计报表' }).click();
  await page.getByTestId('reports').waitFor();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  // The last test closes the hall server already.
  await hall?.close().catch(() => rmSync(hall.dataDir, { recursive: true, force: true }));
});

const cellsOf = (testId: string) =>
  page
    .getByTestId(testId)
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
const figure = (name: string) =>
  page.locator(`[data-testid="reports-headline"] [data-figure="${name}"] .figure-value`);

describe.skipIf(!hasChromium)('the reports tab', () => {
  it('shows today’s figures: per service, the appraisal, cases and opinions', async () => {
    await page.locator('[data-testid="reports"][data-state="ready"]').waitFor();
    expect(await page.locator('[data-preset="today"]').getAttribute('aria-selected')).toBe('true');
    expect(await page.getByTestId('range-from').inputValue()).toBe(today);
    // Five tickets, four served; of the two ratings one is 非常满意.
    expect(await figure('tickets').textContent()).toBe('5');
    expect(await figure('served').textContent()).toBe('4');
    expect(await figure('satisfaction').textContent()).toBe('50.0%');
    expect(await figure('opinions').textContent()).toBe('1');

    // Services by tickets, largest first: 电费缴纳 4 (3 called), 故障报修 1.
    const services = await cellsOf('table-services');
    expect(services.map((r) => r.slice(1, 3))).toEqual([
      ['4', '3'],
      ['1', '1'],
    ]);
    expect(services[0]![5]).toBe('100.0%'); // called at once: within target

    await page.locator('[data-section="clerks"]').click();
    const clerks = await cellsOf('table-clerks');
    // 李明: served 3, owned 3, rated 2, coverage 66.7%, satisfaction 50%, 1 不满意.
    expect(clerks[0]!.slice(0, 3)).toEqual(['1001', '李明', '3']);
    expect(clerks[0]!.slice(4, 9)).toEqual(['3', '2', '66.7%', '50.0%', '1']);
    // 张丽: served 1, no ratings, one case open and not overdue.
    expect(clerks[1]!.slice(0, 3)).toEqual(['1002', '张丽', '1']);
    expect(clerks[1]![7]).toBe('—');
    expect(clerks[1]!.slice(10, 13)).toEqual(['1', '0', '0']); // cases owned, on time, overdue

    await page.locator('[data-section="cases"]').click();
    expect(await cellsOf('table-cases')).toEqual([['故障报修', '1', '0', '0', '—', '1', '0']]);
    await page.locator('[data-section="opinions"]').click();
    expect((await cellsOf('table-opinions-category'))[0]!.slice(0, 2)).toEqual(['投诉', '1']);
    await page.locator('[data-section="staffing"]').click();
    const arrivals = async () =>
      (await cellsOf('table-hours')).reduce((sum, r) => sum + Number(r[1]), 0);
    expect(await arrivals()).toBe(5); // one day: arrivals per hour add up to the day's tickets
    await page.getByTestId('staffing-scope').selectOption('svc-fault');
    expect(await page.getByTestId('staffing-rule').textContent()).toContain('该业务的目标等候');
    expect(await arrivals()).toBe(1);
    await page.locator('[data-section="hours"]').click();
    await page.getByTestId('chart-heatmap').locator('canvas').first().waitFor();
    // No remedy granted today: the section says so, no empty chart.
    await page.locator('[data-section="remedies"]').click();
    const remedies = page.getByTestId('section-remedies');
    expect(await remedies.textContent()).toBe('这段时间没有补救。');
    expect(await remedies.getByTestId('chart-remedies').count()).toBe(0);
    expect(await page.locator('.generated').textContent()).toMatch(/^1 个营业日/);
  });

  it('shows the wait told against the naive estimate, and the share past the range', async () => {
    await page.locator('[data-section="estimates"]').click();
    const summary = page.getByTestId('estimates-summary');
    await summary.waitFor();
    // Every ticket was called at once: nobody waited past the upper end of their range.
    expect(await summary.getAttribute('data-over-high')).toBe('0');
    expect(await summary.textContent()).toContain('简单估算');
    expect(await summary.textContent()).toContain('0.0%');
    const header = await page
      .getByTestId('table-estimates-service')
      .locator('thead th')
      .allTextContents();
    expect(header.join(' ')).toContain('简单估算误差');
    expect(header.join(' ')).toContain('超出预估上限');
  });

  it('sorts a table by any column, both ways, and says so with aria-sort', async () => {
    await page.locator('[data-section="clerks"]').click();
    const table = page.getByTestId('table-clerks');
    const served = table.locator('th[data-column="served"]');
    expect(await served.getAttribute('aria-sort')).toBe('descending');
    await served.locator('button').click();
    expect(await served.getAttribute('aria-sort')).toBe('ascending');
    expect((await cellsOf('table-clerks')).map((r) => r[1])).toEqual(['张丽', '李明']);
    const name = table.locator('th[data-column="name"]');
    await name.locator('button').click();
    expect(await name.getAttribute('aria-sort')).toBe('ascending');
    expect(await served.getAttribute('aria-sort')).toBe('none');
    expect((await cellsOf('table-clerks')).map((r) => r[1])).toEqual(['李明', '张丽']);
    await name.locator('button').click();
    expect(await name.getAttribute('aria-sort')).toBe('descending');
    expect((await cellsOf('table-clerks')).map((r) => r[1])).toEqual(['张丽', '李明']);
  });

  it('exports the XLSX workbook, which reads back with the day’s figures', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-xlsx').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`onestop-report-${today}-${today}.xlsx`);
    await page.locator('[data-testid="export-outcome"][data-result="saved"]').waitFor();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await download.path())!) as never);
    const clerks = book.getWorksheet('人员考核')!;
    expect(clerks.getRow(2).values).toEqual(expect.arrayContaining(['1001', '李明', 3]));
    const services = book.getWorksheet('业务')!;
    expect([services.getRow(2).getCell(1).value, services.getRow(2).getCell(2).value]).toEqual([
      '电费缴纳',
      4,
    ]);
    expect(book.getWorksheet('工单')!.getRow(2).getCell(2).value).toBe(1);
    for (const sheet of book.worksheets)
      sheet.eachRow((row) =>
        row.eachCell((c) => expect(String(c.value), sheet.name).not.toMatch(/svc-|stf-|ct-/)),
      );
  });

  it('saves a table as shown, hours as 09:00–10:00', async () => {
    await page.locator('[data-section="staffing"]').click();
    await page.getByTestId('staffing-scope').selectOption('svc-billing');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('table-hours-csv').click(),
    ]);
    const lines = readFileSync((await csv.path())!, 'utf8').split('\r\n');
    expect(lines[1]).toMatch(/^\d\d:00–\d\d:00,/);
    expect(lines.join('\n')).not.toMatch(/svc-|0\.\d{3,}/);
    await page.getByTestId('staffing-scope').selectOption('hall');
    await page.locator('[data-section="clerks"]').click(); // where the tests before left it
  });

  it('exports a table as CSV from the server, and the bulletin into a frame to print', async () => {
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('table-clerks-csv').click(),
    ]);
    expect(csv.suggestedFilename()).toBe(`onestop-report-${today}-${today}-clerks.csv`);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.split('\r\n')[1]).toMatch(/^1001,李明,3,/);

    await page.getByTestId('export-bulletin').click();
    await page.locator('[data-testid="export-outcome"][data-result="printing"]').waitFor();
    const bulletin = page.frameLocator('iframe.bulletin-frame');
    expect(await bulletin.locator('h1').textContent()).toContain('服务通报');
  });

  it('shows an empty range as an empty state, not an error, and English on the toggle', async () => {
    await page.getByTestId('range-from').fill('2020-01-01');
    await page.getByTestId('range-to').fill('2020-01-31');
    await page.getByTestId('reports-empty').waitFor();
    expect(await page.getByTestId('reports-empty').textContent()).toContain(
      '2020-01-01 至 2020-01-31 没有数据',
    );
    expect(await page.getByTestId('reports-error').count()).toBe(0);
    await page.locator('[data-preset="today"]').click();
    await page.locator('[data-testid="reports"][data-state="ready"]').waitFor();
    await page.getByTestId('lang-toggle').click();
    await page.getByRole('tab', { name: 'Appraisal' }).waitFor();
    expect(await page.locator('[data-preset="lastMonth"]').textContent()).toBe('Last month');
    // One day, one business day (not "1 business days"); the empty remedies in English.
    expect(await page.locator('.generated').textContent()).toMatch(/^1 business day · /);
    await page.locator('[data-section="remedies"]').click();
    expect(await page.getByTestId('section-remedies').textContent()).toBe(
      'No remedies in this range.',
    );
    await page.screenshot({ path: 'docs/screenshots/reports-remedies-empty-en.png' });
    // the files follow the screen's language
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-xlsx').click(),
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await download.path())!) as never);
    expect(book.getWorksheet('Services')!.getRow(2).getCell(1).value).toBe('Bill payment');
  });

  it('says so when the hall server cannot compute a report, and computes it again on retry', async () => {
    await page.getByTestId('lang-toggle').click(); // back to Chinese
    await page.locator('[data-testid="reports"][data-state="ready"]').waitFor();
    // A fault inside the hall server (a disk error, say) while the report is computed.
    const failing = vi.spyOn(reportHandlers['report:get'], 'run').mockImplementation(() => {
      throw new Error('disk I/O error (injected by the test)');
    });
    try {
      await page.locator('[data-preset="lastWeek"]').click();
      const error = page.getByTestId('reports-error');
      await error.waitFor();
      expect(await error.getAttribute('role')).toBe('alert');
      expect(await error.textContent()).toContain('统计没有完成');
      expect(await error.textContent()).toContain('服务器发生意外错误,未做任何更改。');
      expect(await page.getByTestId('export-xlsx').isDisabled()).toBe(true);
      expect(failing).toHaveBeenCalled();
    } finally {
      failing.mockRestore();
    }
    await page.getByTestId('reports-error').getByRole('button', { name: '重试' }).click();
    await page
      .locator(
        '[data-testid="reports"][data-state="empty"], [data-testid="reports"][data-state="ready"]',
      )
      .waitFor();
    expect(await page.getByTestId('reports-error').count()).toBe(0);
    await page.locator('[data-preset="today"]').click();
    await page.locator('[data-testid="reports"][data-state="ready"]').waitFor();
    expect(await figure('tickets').textContent()).toBe('5');
  });

  it('keeps the last figures, marked, when the hall server goes away, and says offline for a new range', async () => {
    await hall.server.close();
    await page.getByTestId('reports-stale').waitFor();
    expect(await page.getByTestId('export-xlsx').isDisabled()).toBe(true);
    expect(await figure('tickets').textContent()).toBe('5');
    await page.locator('[data-preset="lastWeek"]').click();
    await page.getByTestId('reports-offline').waitFor();
  });
});
