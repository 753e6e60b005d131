import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../../test-support/browser';
import { openConsole, openTab } from '../../test-support/console-hall';
import { callAndStart, finishVisit, useCounterScene } from '../../test-support/scene';

// Spot checks and the appraisal (抽查, issue 19) in Chromium at 1366×768: a clerk serves a
// visit; the duty leader picks it at the console, scores it item by item with a comment; the
// clerk reads the check on 我的事项; the reports' clerk table and the clerk's trend show it.

const scene = useCounterScene();
let desk: Page;
let console_: Page;
const size = { width: 1366, height: 768 };
const shot = (name: string) => `/tmp/spot-checks-${name}.png`;

describe.skipIf(!hasChromium)('a spot check at the console', () => {
  it('the duty leader scores a served visit item by item; the total is a percentage', async () => {
    desk = await scene.desk(2, '1002', { open: true });
    const ticket = await scene.issue('svc-billing');
    await callAndStart(desk, ticket.number);
    await finishVisit(desk);

    console_ = await openConsole(scene.browser, scene.url, '8001', size);
    await openTab(console_, 'spotChecks');
    const row = console_.locator(
      `[data-testid="spot-check-candidate"][data-label="${ticket.number}"]`,
    );
    await row.waitFor();
    expect(await row.textContent()).toContain('张丽');
    await row.getByRole('button', { name: '抽查' }).click();

    const dialog = console_.getByTestId('spot-check-dialog');
    const save = dialog.getByRole('button', { name: '保存抽查' });
    const points = { courtesy: 18, accuracy: 27, 'told-once': 20, 'first-handler': 15 };
    for (const [item, score] of Object.entries(points))
      await dialog.locator(`input[data-item="${item}"]`).fill(String(score));
    // One item left: no total yet, and nothing to send.
    expect(await dialog.getByTestId('spot-check-total').textContent()).toContain('请为每一项打分');
    expect(await save.isDisabled()).toBe(true);
    await dialog.locator('input[data-item="time-limit"]').fill('10');
    await dialog.getByRole('textbox', { name: '点评' }).fill('用语规范,一次告知到位;办理略超时限');
    expect(await dialog.getByTestId('spot-check-total').textContent()).toContain('合计 90%');
    await console_.screenshot({ path: shot('dialog') });
    await save.click();
    await dialog.waitFor({ state: 'detached' });

    await row.getByText('已抽查').waitFor();
    const record = console_
      .getByTestId('spot-check-records')
      .locator('[data-testid="spot-check"][data-pct="90"]');
    await record.waitFor();
    expect(await record.textContent()).toContain('用语规范');
    expect(scene.store().spotChecks.between('2000-01-01', '2999-12-31', null)).toMatchObject([
      { ticketId: ticket.id, staffId: scene.staffId('1002'), totalPct: 90 },
    ]);
    await console_.screenshot({ path: shot('console') });
  }, 180_000);

  it('the clerk reads the check on 我的事项, read-only', async () => {
    await desk.locator('[data-tab="mine"]').click();
    const mine = desk.getByTestId('my-spot-checks');
    const check = mine.locator('[data-testid="spot-check"][data-pct="90"]');
    await check.waitFor();
    const text = await check.textContent();
    expect(text).toContain('得分 90%');
    expect(text).toContain('礼貌用语 18/20');
    expect(text).toContain('王值班');
    expect(await mine.getByRole('button').count()).toBe(0);
    await check.scrollIntoViewIfNeeded();
    await desk.screenshot({ path: shot('mine') });
    await desk.context().close();
  }, 120_000);

  it('the appraisal row and the clerk’s trend show it', async () => {
    await openTab(console_, 'reports');
    await console_.locator('[data-section="clerks"]').click();
    const clerks = console_.getByTestId('table-clerks');
    await clerks.waitFor();
    const row = clerks.locator('tbody tr', { hasText: '张丽' });
    expect(await row.textContent()).toContain('90%');

    await console_.locator('[data-section="trends"]').click();
    const trends = console_.getByTestId('section-trends');
    await trends.getByTestId('trend-clerk').selectOption(scene.staffId('1002'));
    await trends.getByTestId('trend-months').selectOption('6');
    const spot = trends.locator('[data-testid="trend-spotCheckAvgPct"][data-last="90"]');
    await spot.waitFor();
    await trends.locator('[data-testid="trend-served"][data-last="1"]').waitFor();
    expect(await trends.getByTestId('trend-charts').locator('canvas').count()).toBe(5);
    await console_.screenshot({ path: shot('trend') });

    // A clerk with nothing in the months: the charts say so, every figure a dash.
    await trends.getByTestId('trend-clerk').selectOption(scene.staffId('1006'));
    await trends.getByTestId('trend-empty').waitFor();
    expect(await trends.getByTestId('trend-spotCheckAvgPct').getAttribute('data-last')).toBe('');
    await console_.context().close();
  }, 120_000);

  it('the admin keeps a service’s checklist: its own items, and back to the default', async () => {
    const admin = await openConsole(scene.browser, scene.url, '9000', size, 'demo-backoffice');
    await admin.locator('button[data-section="spotChecks"]').click();
    const section = admin.getByTestId('admin-spot-checklist');
    await section.getByTestId('checklist-kind').filter({ hasText: '默认清单' }).waitFor();
    const rows = section.getByTestId('checklist-item');
    expect(await rows.count()).toBe(5);
    // Drop 办理时限 and weigh 业务准确 at 45: a list of 100 points again.
    await rows.nth(4).getByRole('button', { name: '删除' }).click();
    await rows.nth(1).getByRole('spinbutton', { name: '分值' }).fill('45');
    await section.getByText('合计 100 分').waitFor();
    await section.getByRole('button', { name: '保存清单' }).click();
    await section.getByTestId('checklist-kind').filter({ hasText: '本业务清单' }).waitFor();
    expect(
      scene
        .store()
        .spotChecks.ownChecklist('svc-billing')
        ?.map((i) => i.weight),
    ).toEqual([20, 45, 20, 15]);
    await admin.screenshot({ path: shot('admin') });
    // The check saved before keeps the five items it was scored on.
    const [check] = scene.store().spotChecks.between('2000-01-01', '2999-12-31', null);
    expect(check?.items).toHaveLength(5);
    await section.getByRole('button', { name: '恢复默认' }).click();
    await section.getByTestId('checklist-kind').filter({ hasText: '默认清单' }).waitFor();
    expect(scene.store().spotChecks.ownChecklist('svc-billing')).toBeNull();
    await admin.context().close();
  }, 120_000);
});
