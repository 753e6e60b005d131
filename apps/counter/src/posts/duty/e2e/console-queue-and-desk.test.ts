import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { issueCallOrderScene } from '@onestop/hall-server/test-support/call-order-scene';
import {
  connectClient,
  daytimeClock,
  ok,
  send,
} from '@onestop/hall-server/test-support/hall-harness';
import { visitWithCase } from '@onestop/hall-server/test-support/suite-hall';
import { clerkAt, openConsole, openTab } from '../../../../test-support/console-hall';
import { adminSocket, consoleHall, hasChromium, leaderSocket } from './console-e2e';

// Issue 15 on the duty leader's console at 1366x768, against a real hall server in Chromium:
// the waiting tickets in calling order with why (11a), names instead of codes (11b), who is on
// the console after an admin stepped in and the step-out (11c), the cases owners keep while off
// (8), and sign-ins left from an earlier day with their date (6).

const min = 60_000;
const size = { width: 1366, height: 768 } as const;
let offset = -45 * min;
let leftOverAt = 0;
let page: Page;
/** The browsers' clock: noon on the hall's day, whatever the hour here; the hall's runs behind. */
const noon = daytimeClock(12);
const hallNow = () => noon() + offset;
const onNoon = (p: Page) => p.clock.install({ time: noon() });
const world = consoleHall({
  hall: { clock: hallNow },
  ready: async ({ url, store }) => {
    // A clerk's sign-in left open since yesterday evening (item 6): the hall lets a session run up
    // to 24 h when set so (expired ones are ended by the hall), so it can outlive the day change:
    // yesterday 23:30 in the hall's zone (Asia/Shanghai), under 24 h before the hall's 11:15.
    const admin = await adminSocket(url);
    ok(await send(admin, 'admin:configure', { settings: { sessionMaxHours: 24 } }));
    ok(await send(admin, 'staff:sign-out', {}));
    admin.disconnect();
    const { businessDay, config } = store.hall.state();
    expect(config.timeZone).toBe('Asia/Shanghai');
    leftOverAt = Date.parse(`${businessDay}T00:00:00+08:00`) - 30 * min;
    store.devices.insertSession(
      {
        id: 'ses-left-over',
        staffId: 'stf-clerk-6',
        deviceId: 'dev-desk-6',
        counterId: null,
        startedAt: leftOverAt,
        endedAt: null,
        changeSeq: 0,
      },
      'f'.repeat(64),
    );
    store.devices.touchSession('ses-left-over', hallNow());
  },
});
const { sockets } = world;
const store = () => world.store;

const rowsOf = (service: string) =>
  page.locator(`[data-testid="call-queue"][data-service="${service}"] tr[data-testid="queue-row"]`);

describe.skipIf(!hasChromium)('the console at 1366x768 (issue 15)', () => {
  it('lists the waiting tickets in calling order, each with why it stands there (11a)', async () => {
    const url = world.url;
    const kiosk = await connectClient(url, { deviceToken: 'demo-kiosk-1' });
    const leader = await leaderSocket(url);
    sockets.push(kiosk, leader);
    const { overdue, missed, within, vip, front, held } = await issueCallOrderScene(
      kiosk,
      leader,
      (ms) => (offset = ms),
    );
    sockets.push((await clerkAt(url, 1)).socket);

    page = await openConsole(world.browser, url, '8001', size, undefined, onNoon);
    page.setDefaultTimeout(15_000);
    await openTab(page, 'tickets');
    await page.locator('[data-testid="calling-queue"][data-state="ready"]').waitFor();
    await rowsOf('svc-billing').nth(5).waitFor();
    const numbers = await rowsOf('svc-billing').evaluateAll((rows) =>
      rows.map((r) => r.getAttribute('data-ticket')),
    );
    // Before: issue order (overdue, missed, within, vip, front, held).
    expect(numbers).toEqual([held, front, vip, overdue, within, missed].map((x) => x.number));
    const why = (number: string) =>
      rowsOf('svc-billing')
        .filter({ has: page.locator(`xpath=self::*[@data-ticket="${number}"]`) })
        .getByTestId('why');
    expect(await why(held.number).textContent()).toContain('指定 2 号窗口先叫');
    expect(await why(front.number).textContent()).toContain('回队优先');
    expect(await why(vip.number).textContent()).toContain('VIP 客户');
    expect(await why(overdue.number).textContent()).toMatch(/已超目标 \d+分,不再让位/);
    expect(await why(within.number).textContent()).toMatch(/目标等候内,还剩 \d+分/);
    expect(await why(missed.number).textContent()).toContain('暂让尚能达标的号先叫');

    // Each open counter's next tickets, in the same order: counter 1 serves billing.
    await openTab(page, 'hall');
    const next = page
      .locator('[data-testid="counter-card"][data-counter="1"]')
      .getByTestId('counter-next');
    await next.filter({ hasText: `${front.number} · ${vip.number} · ${overdue.number}` }).waitFor();
  });

  it('shows service categories and a counter’s services by name, not by code (11b)', async () => {
    const services = page
      .locator('[data-testid="counter-card"][data-counter="1"]')
      .getByTestId('counter-services');
    expect(await services.textContent()).toBe('电费缴纳、发票打印');

    const admin = await openConsole(
      world.browser,
      world.url,
      '9000',
      size,
      'demo-backoffice',
      onNoon,
    );
    await admin.getByTestId('admin-services').waitFor();
    const categories = await admin.getByTestId('service-category').allTextContents();
    expect(categories).toEqual(['电费与票据', '业扩报装', '用户变更', '报修与咨询', '电费与票据']);
    await admin
      .locator('tr[data-service="svc-fault"]')
      .getByRole('button', { name: '修改' })
      .click();
    const dialog = admin.getByTestId('service-dialog');
    const select = dialog.getByLabel('分类', { exact: true });
    expect(await select.locator('option:checked').textContent()).toBe('报修与咨询');
    await admin.keyboard.press('Escape');
    await admin.getByTestId('lang-toggle').click();
    await admin
      .getByTestId('service-category')
      .first()
      .filter({ hasText: 'Bills and invoices' })
      .waitFor();
    expect(await admin.locator('body').textContent()).not.toMatch(/\b(billing|enquiry)\b/);
    await admin.context().close();
  });

  it('shows who is on the console after an admin stepped in, and lets the admin step out (11c)', async () => {
    const occupants = page.getByTestId('occupant');
    await occupants.filter({ hasText: '王值班' }).waitFor();
    expect(await occupants.count()).toBe(1);

    await page.getByTestId('step-in').click();
    const dialog = page.getByTestId('step-in-dialog');
    await dialog.getByLabel('工号').fill('9000');
    await dialog.getByLabel('密码').fill('9000');
    await dialog.getByRole('button', { name: '介入值班台' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Now the admin works the console; the duty leader is still signed in on it.
    await page.getByTestId('clerk').filter({ hasText: '系统管理员' }).waitFor();
    await page
      .locator('[data-testid="occupant"][data-role="stepped-in"]')
      .filter({ hasText: '系统管理员' })
      .filter({ hasText: '介入' })
      .waitFor();
    const holder = page.locator('[data-testid="occupant"][data-role="holder"]');
    expect(await holder.textContent()).toMatch(/王值班 \(8001\).*\d+月\d+日 \d\d:\d\d 起/);
    const open = () =>
      store()
        .devices.openSessions()
        .filter((s) => s.deviceId === 'dev-console')
        .map((s) => s.staffId)
        .sort();
    expect(open()).toEqual(['stf-admin', 'stf-leader']);

    await page.getByTestId('step-out').click();
    await page.getByTestId('clerk').filter({ hasText: '王值班' }).waitFor();
    await page
      .locator('[data-testid="occupant"][data-role="stepped-in"]')
      .waitFor({ state: 'detached' });
    expect(open()).toEqual(['stf-leader']);
    // The duty leader's own tabs again, working.
    await openTab(page, 'alerts');

    // The header's 退出 hands the console back the same way as 退出介入.
    await page.getByTestId('step-in').click();
    await dialog.getByLabel('工号').fill('9000');
    await dialog.getByLabel('密码').fill('9000');
    await dialog.getByRole('button', { name: '介入值班台' }).click();
    await page.getByTestId('clerk').filter({ hasText: '系统管理员' }).waitFor();
    expect(open()).toEqual(['stf-admin', 'stf-leader']);
    await page.getByTestId('sign-out').click();
    await page.getByTestId('clerk').filter({ hasText: '王值班' }).waitFor();
    expect(open()).toEqual(['stf-leader']);
    await openTab(page, 'alerts');
  });

  it('lists the cases owners keep while they are off, customer masked, and says when there are none (8)', async () => {
    await openTab(page, 'opinions');
    await page.getByTestId('kept-cases-empty').waitFor();

    const url = world.url;
    const { socket: clerk } = await clerkAt(url, 3);
    const kiosk = await connectClient(url, { deviceToken: 'demo-kiosk-1' });
    sockets.push(kiosk);
    const opened = await visitWithCase(kiosk, clerk, {
      serviceId: 'svc-connection',
      customer: { phone: '13912345678', name: '张三丰' },
      caseTypeId: 'ct-connection',
      summary: '新装 10kV 专变用电',
    });
    // Not due for 15 days: the owner keeps it over the sign-off.
    ok(await send(clerk, 'staff:sign-out', {}));
    clerk.disconnect();

    const row = page.locator(`[data-testid="kept-case"][data-case="${opened.number}"]`);
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('业扩报装');
    expect(text).toContain('陈刚 (1003)');
    expect(text).toMatch(/\d+月\d+日 \d\d:\d\d 签退/);
    expect(text).toContain('勘查/方案答复');
    expect(await row.getByTestId('kept-customer').textContent()).toBe('张** · 139****5678');
    expect(await page.locator('body').textContent()).not.toContain('13912345678');
    await page.getByTestId('kept-cases-empty').waitFor({ state: 'detached' });
  });

  it('shows when each sign-in began, with the date and how long ago, marking one left from an earlier day (6)', async () => {
    await openTab(page, 'hall');
    const left = page.locator('[data-testid="on-duty"] li[data-staff="stf-clerk-6"]');
    await left.waitFor();
    // Yesterday's date and time (23:30 most hours), and how long ago (hours, or days past a day).
    const yesterday = new Date(leftOverAt + 8 * 60 * min);
    const hhmm = yesterday.toISOString().slice(11, 16);
    const date = `${yesterday.getUTCMonth() + 1}月${yesterday.getUTCDate()}日 ${hhmm} 起`;
    expect(await left.getByTestId('session-since').textContent()).toMatch(
      new RegExp(`^${date} \\((\\d+小时)?(\\d+分)?前\\)$`),
    );
    await left.getByTestId('stale-session').filter({ hasText: '前日遗留登录' }).waitFor();
    const today = page.locator('[data-testid="on-duty"] li[data-staff="stf-leader"]').first();
    // Today's: the time (the date and how long ago on hover), the list stays one line each.
    const since = today.getByTestId('session-since');
    expect(await since.textContent()).toMatch(/^\d\d:\d\d 起$/);
    expect(await since.getAttribute('title')).toMatch(/^\d+月\d+日 \d\d:\d\d 起 \(\d+分前\)$/);
    expect(await today.getByTestId('stale-session').count()).toBe(0);
  });
});
