import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../../test-support/browser';
import { openConsole, openTab } from '../../test-support/console-hall';
import { button, callAndStart, useCounterScene } from '../../test-support/scene';

// Remedy authority (授权) in Chromium: the clerk serving a customer grants a remedy within
// their limit (granted at once, in the duty leader's daily review); one above the limit waits,
// the duty leader approves it at the console, and the clerk's desk shows it approved.

const scene = useCounterScene();
let desk: Page;
let console_: Page;
const customer = { phone: '13800002222', accountNo: null, name: '孙女士' };

const grants = () =>
  scene.store().remedies.between({ from: '2000-01-01', to: '2999-12-31', staffId: null });

/** Opens the grant dialog on the visit in front of the clerk and fills it. */
async function grant(page: Page, yuan: string, reason: string): Promise<void> {
  await button(page, 'remedy').click();
  const dialog = page.getByTestId('remedy-dialog');
  await dialog.getByRole('combobox', { name: '补救项目' }).selectOption({ label: '减免违约金' });
  await dialog.getByRole('textbox', { name: '金额(元)' }).fill(yuan);
  await dialog.getByRole('textbox', { name: '原因(客户遇到了什么,为何补救)' }).fill(reason);
}

describe.skipIf(!hasChromium)('a remedy at the counter', () => {
  it('within the limit: granted at once, and in the duty leader’s review', async () => {
    desk = await scene.desk(2, '1002', { open: true });
    const ticket = await scene.issue('svc-billing', { customer });
    await callAndStart(desk, ticket.number);

    await grant(desk, '150', '抄表错误导致的违约金');
    const dialog = desk.getByTestId('remedy-dialog');
    expect(await dialog.getByTestId('remedy-limits').textContent()).toContain('200.00 元');
    expect(await dialog.getByTestId('remedy-over-limit').count()).toBe(0);
    await desk.screenshot({ path: 'docs/screenshots/remedy-grant-dialog.png' });
    await dialog.getByRole('button', { name: '给予补救' }).click();

    const outcome = desk.getByTestId('remedy-outcome');
    await outcome.locator('[data-testid="grant-state"][data-state="granted"]').waitFor();
    expect(grants()).toMatchObject([
      { state: 'granted', amount: 15_000, ticketId: ticket.id, customerMasked: '138****2222' },
    ]);
    await outcome.getByRole('button', { name: '关闭' }).click();

    console_ = await openConsole(scene.browser, scene.url, '8001', { width: 1366, height: 768 });
    await openTab(console_, 'remedies');
    const review = console_.getByTestId('remedy-review');
    await review.locator('[data-testid="remedy-grant"][data-state="granted"]').waitFor();
    expect(await review.textContent()).toContain('抄表错误导致的违约金');
    expect(await review.getByTestId('remedy-totals').textContent()).toContain('150.00');
    // An earlier day is asked of the hall (remedy:list): none yesterday; back to today.
    const today = scene.store().hall.state().businessDay;
    const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    await review.getByLabel('复核日期').fill(yesterday);
    await review.getByText('这一天没有补救。').waitFor();
    await review.getByLabel('复核日期').fill(today);
    await review.getByLabel('复核日期').blur();
    await review.locator('[data-testid="remedy-grant"][data-state="granted"]').waitFor();
  }, 180_000);

  it('above the limit: it waits, the duty leader approves, the desk shows it approved', async () => {
    await grant(desk, '500', '多次上门未果,客户损失较大');
    const dialog = desk.getByTestId('remedy-dialog');
    await dialog.getByTestId('remedy-over-limit').waitFor();
    await dialog.getByRole('button', { name: '给予补救' }).click();
    const outcome = desk.getByTestId('remedy-outcome');
    await outcome.locator('[data-testid="grant-state"][data-state="pending"]').waitFor();
    expect(await outcome.getByTestId('grant-waiting').textContent()).toContain('单次限额');
    // One way to close it (关闭, or Escape), beside withdrawing: no 取消 doing the same.
    expect(await outcome.getByRole('button').allTextContents()).toEqual(['撤回申请', '关闭']);
    await desk.screenshot({ path: 'docs/screenshots/remedy-waiting.png' });

    // The console: the tab counts it, the approvals list says who, what, how much, which limit.
    const approvals = console_.getByTestId('remedy-approvals');
    const row = approvals.locator('[data-testid="remedy-grant"][data-state="pending"]');
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain('张丽');
    expect(text).toContain('500.00 元');
    expect(text).toContain('单次限额');
    expect(text).toContain('多次上门未果');
    await console_.screenshot({ path: 'docs/screenshots/remedy-approvals.png' });
    expect(
      scene
        .store()
        .alerts.current(0)
        .filter((a) => a.kind === 'grant_awaiting_approval'),
    ).toHaveLength(1);

    await row.getByRole('button', { name: '批准', exact: true }).click();
    const decide = console_.getByTestId('remedy-decide-dialog');
    await decide.getByRole('textbox', { name: '审批意见' }).fill('情况属实,同意');
    await decide.screenshot({ path: 'docs/screenshots/remedy-decide-dialog.png' });
    await decide.getByRole('button', { name: '批准', exact: true }).click();
    await approvals.getByText('没有等待审批的补救。').waitFor();

    // The clerk's dialog is still open: the decision arrives live.
    await outcome.locator('[data-testid="grant-state"][data-state="approved"]').waitFor();
    expect(await outcome.textContent()).toContain('情况属实,同意');
    const approved = grants().find((g) => g.state === 'approved');
    expect(approved).toMatchObject({ amount: 50_000, decisionNote: '情况属实,同意' });
    await outcome.getByRole('button', { name: '关闭' }).click();
    await desk.context().close();
  }, 180_000);

  it('the reports show what the remedies cost: per clerk, and which problems cost most', async () => {
    await openTab(console_, 'reports');
    await console_.locator('[data-section="remedies"]').click();
    const section = console_.getByTestId('section-remedies');
    await section.getByTestId('table-remedies-by-class').waitFor();
    const byClass = await section.getByTestId('table-remedies-by-class').textContent();
    expect(byClass).toContain('电费账单');
    expect(byClass).toContain('650.00');
    expect(await section.getByTestId('remedy-totals').textContent()).toContain('已给予 2 次');
    await console_.screenshot({ path: 'docs/screenshots/remedy-report.png' });
    await console_.locator('[data-section="clerks"]').click();
    const clerks = console_.getByTestId('table-clerks');
    await clerks.waitFor();
    expect(await clerks.textContent()).toContain('650.00');
    await console_.context().close();
  }, 120_000);

  it('the admin keeps the catalogue: a new remedy with a clerk’s limits', async () => {
    // The console desk still holds the duty leader's session: the admin signs in elsewhere.
    const admin = await openConsole(
      scene.browser,
      scene.url,
      '9000',
      { width: 1366, height: 768 },
      'demo-backoffice',
    );
    await admin.locator('button[data-section="remedies"]').click();
    const list = admin.getByTestId('admin-remedy-kinds');
    await list.locator('tr[data-remedy-kind="waive-penalty"]').waitFor();
    expect(await list.locator('tr[data-remedy-kind]').count()).toBe(5);
    await list.getByRole('button', { name: '新建补救项目' }).click();
    const dialog = admin.getByTestId('remedy-kind-dialog');
    await dialog.getByLabel('编号').fill('callback-apology');
    await dialog.getByLabel('中文名称').fill('上门致歉');
    await dialog.getByLabel('英文名称').fill('Apology visit');
    await dialog.getByRole('combobox', { name: '单位' }).selectOption({ label: '次' });
    await dialog
      .getByRole('combobox', { name: '默认问题类别' })
      .selectOption({ label: '服务态度' });
    const clerkRow = dialog.locator('tr[data-role="clerk"]');
    await clerkRow.getByRole('checkbox').check();
    await clerkRow.getByLabel('每人每月').fill('5');
    await dialog.screenshot({ path: 'docs/screenshots/remedy-catalogue-dialog.png' });
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'detached' });
    await list.locator('tr[data-remedy-kind="callback-apology"]').waitFor();
    await admin.screenshot({ path: 'docs/screenshots/remedy-catalogue.png' });
    expect(scene.store().remedies.kindById('callback-apology')).toMatchObject({
      unit: 'count',
      complaintClass: 'service_attitude',
      limits: {
        clerk: { perGrant: 1, perCustomerPerDay: 1, perStaffPerMonth: 5 },
        backoffice: null,
        guide: null,
        duty_leader: null,
      },
      active: true,
    });
    await admin.context().close();
  }, 120_000);

  it('in English: the dialog, a count remedy and its limits', async () => {
    const page = await scene.desk(1, '1001', { open: true });
    const ticket = await scene.issue('svc-billing');
    await callAndStart(page, ticket.number);
    await page.getByRole('button', { name: 'English' }).click();
    await button(page, 'remedy').click();
    const dialog = page.getByTestId('remedy-dialog');
    await dialog.getByRole('heading', { name: 'Grant a remedy' }).waitFor();
    await dialog
      .getByRole('combobox', { name: 'Remedy' })
      .selectOption({ label: 'Repair crew today' });
    expect(await dialog.getByTestId('remedy-limits').textContent()).toContain('Your limits: 1 ×');
    await dialog.getByRole('textbox', { name: 'Count' }).fill('2');
    await dialog.getByTestId('remedy-over-limit').waitFor();
    expect(await dialog.getByRole('combobox', { name: 'Complaint class' }).inputValue()).toBe(
      'outage',
    );
    await page.screenshot({ path: 'docs/screenshots/remedy-grant-dialog-en.png' });
    await dialog.getByRole('button', { name: /Cancel/ }).click();
    await page.context().close();
  }, 120_000);
});
