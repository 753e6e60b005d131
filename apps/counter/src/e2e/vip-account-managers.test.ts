import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { clerkAtCounter, ok, send } from '@onestop/hall-server/test-support/hall-harness';
import { openScreen, signIn, sizes } from '../../test-support/browser';
import { openConsole } from '../../test-support/console-hall';
import { ensureKioskBuiltOnce } from '../../test-support/console-kiosk';
import { kioskSocket } from '../../test-support/demo-staff';
import { button, openDesk } from '../../test-support/scene';
import { consoleHall, hasChromium, leaderSocket } from '../posts/duty/e2e/console-e2e';

// VIP account managers (大客户经理) in Chromium, end to end: the admin names 陈刚 (1003) the
// manager of VIP 3100000001 on the console; 陈刚 opens counter 3; the VIP takes a number at the
// kiosk by account number and is told 陈* will serve them at counter 3; counter 1's call-next
// does not get the VIP, counter 3's calls them first. With 陈刚 signed out, the VIP's next
// ticket has VIP priority, and 陈刚's desk shows the arrival once he signs in, and the VIP on
// his "My VIPs" panel. Screenshots: docs/screenshots/vip-*.png.

const VIP = '3100000001';
const shots = fileURLToPath(new URL('../../../../docs/screenshots/', import.meta.url));

const world = consoleHall({ build: ensureKioskBuiltOnce, timeoutMs: 300_000 });

async function desk(n: number, staffNo: string, open = true): Promise<Page> {
  if (open) return openDesk(world.browser, world.url, n, staffNo, { open });
  const page = await openScreen(world.browser, `${world.url}/counter?token=demo-desk-${n}`, {
    ...sizes.workstation,
  });
  await signIn(page, staffNo);
  return page;
}

async function kioskTakesNumber(kiosk: Page, service: RegExp): Promise<string> {
  await kiosk.getByRole('button', { name: service }).first().click();
  await kiosk.getByRole('button', { name: '户号' }).click();
  for (const d of VIP) await kiosk.getByRole('button', { name: d, exact: true }).click();
  await expect.poll(() => kiosk.locator('.vip').first().textContent()).toContain('尊敬的VIP客户');
  await kiosk.getByRole('button', { name: '取号', exact: true }).click();
  return (await kiosk.getByTestId('ticket-number').textContent())!.trim();
}

describe.skipIf(!hasChromium)('VIP account managers', () => {
  it('routes a VIP to their manager’s counter, and tells the manager when away', async () => {
    mkdirSync(shots, { recursive: true });
    // The admin names the manager.
    const admin = await openConsole(world.browser, world.url, '9000');
    await admin.locator('button[data-section="customers"]').click();
    const tab = admin.getByTestId('admin-customers');
    // A row of the list fills the form to change that customer.
    await tab.locator(`tr[data-account="${VIP}"]`).click();
    expect(await tab.getByLabel('户号', { exact: true }).inputValue()).toBe(VIP);
    await tab.getByTestId('manager-picker').selectOption({ label: '1003 陈刚(0)' });
    await tab.getByRole('button', { name: '保存' }).click();
    await tab
      .locator(`tr[data-account="${VIP}"]`)
      .getByTestId('manager')
      .filter({ hasText: '陈刚' })
      .waitFor();
    expect(world.store.customers.byAccountNo(VIP)?.accountManagerStaffId).toBe('stf-clerk-3');
    await expect
      .poll(() => tab.getByTestId('manager-picker').locator('option').allTextContents())
      .toContain('1003 陈刚(1)');
    await admin.screenshot({ path: `${shots}vip-admin-customers.png` });
    await admin.context().close();

    // The manager at counter 3 (new connections, accounts); another clerk at counter 1 (billing).
    const manager = await desk(3, '1003');
    const other = await desk(1, '1001');
    const kioskDevice = await kioskSocket(world.url);
    world.sockets.push(kioskDevice);
    const plain = ok(await send(kioskDevice, 'ticket:issue', { serviceId: 'svc-billing' }));

    // The VIP takes a billing number at the kiosk: routed to counter 3, whatever the service.
    const kiosk = await openScreen(world.browser, `${world.url}/kiosk?token=demo-kiosk-1`, {
      width: 1080,
      height: 1920,
    });
    const vipNumber = await kioskTakesNumber(kiosk, /电费缴纳/);
    const greeting = kiosk.getByTestId('account-manager');
    expect(await greeting.textContent()).toBe('您的客户经理 陈* 将在 3 号窗口为您服务,请留意叫号');
    await kiosk.screenshot({ path: `${shots}vip-kiosk-greeting.png` });
    await kiosk.context().close();

    // Counter 1 serves billing, yet calls the ordinary ticket; counter 3 calls the VIP first.
    await button(other, 'callNext').click();
    await other.getByTestId('current-number').filter({ hasText: plain.ticket.number }).waitFor();
    await button(manager, 'callNext').click();
    await manager.getByTestId('current-number').filter({ hasText: vipNumber }).waitFor();
    await button(manager, 'start').click();
    await manager.getByTestId('current-state').filter({ hasText: '办理中' }).waitFor();
    await button(manager, 'finish').click();
    await manager.getByTestId('finish-dialog').getByRole('button', { name: '办结' }).click();
    await manager.getByTestId('no-ticket').waitFor();
    await manager.context().close();
    // The visit became a case with a promised time (opened on another desk of the manager's).
    const served = world.store.tickets
      .visible(world.store.hall.state().businessDay)
      .find((t) => t.number === vipNumber)!;
    const managerDesk = await clerkAtCounter(world.url, {
      deviceToken: 'demo-desk-5',
      staffNo: '1003',
      pin: '1003',
    });
    world.sockets.push(managerDesk.socket);
    const opened = ok(
      await send(managerDesk.socket, 'case:open', {
        ticketId: served.id,
        caseTypeId: 'ct-connection',
        summary: '二期厂房增容',
        customer: { accountNo: VIP, phone: null, name: '上海某某制造有限公司' },
      }),
    ).case;

    // The manager is signed out by the duty leader; the VIP comes back.
    const leader = await leaderSocket(world.url);
    world.sockets.push(leader);
    ok(await send(leader, 'override:sign-out', { staffId: 'stf-clerk-3', reason: '外出拜访客户' }));
    const again = ok(
      await send(kioskDevice, 'ticket:issue', {
        serviceId: 'svc-connection',
        customer: { accountNo: VIP, phone: null, name: null },
      }),
    );
    expect(again.ticket).toMatchObject({ priority: 'vip', targetCounterId: null });
    expect(again.accountManager).toBeUndefined();

    // Signed in again: the arrival notice, before a counter is even chosen.
    const back = await desk(3, '1003', false);
    const notice = back.getByTestId('vip-arrival');
    await notice.filter({ hasText: again.ticket.number }).waitFor();
    await expect
      .poll(() => notice.textContent())
      .toContain(`大客户 上*********(户号 ******0001)已到厅,号码 ${again.ticket.number},正在等候`);
    await back.locator('button[data-counter="3"]').click();
    await back.getByTestId('workstation').waitFor();
    await back.getByTestId('vip-arrival').waitFor();
    // The workstation's notice names the VIP too (from the manager's list, asked again).
    await back.getByTestId('vip-arrival').filter({ hasText: '上*********' }).waitFor();
    await back.locator('button[data-tab="vips"]').click();
    const card = back.locator(`[data-testid="vip-card"][data-account="${VIP}"]`);
    await card.getByTestId('vip-tickets').filter({ hasText: again.ticket.number }).waitFor();
    await card.locator(`[data-testid="vip-case"][data-case="${opened.number}"]`).waitFor();
    await back.screenshot({ path: `${shots}vip-desk-arrival-and-panel.png` });

    // The same desk in English.
    await back.getByRole('button', { name: 'English' }).click();
    await back.locator('button[data-tab="vips"]').filter({ hasText: 'My VIPs' }).waitFor();
    await notice.filter({ hasText: 'VIP arrived' }).waitFor();
    expect(await notice.textContent()).toContain(
      `VIP 上********* (account ******0001) has arrived: ticket ${again.ticket.number}, waiting.`,
    );
    await back.screenshot({ path: `${shots}vip-desk-en.png` });
    await back.getByRole('button', { name: '中文' }).click();

    // Dismissed: the alert is acknowledged by the manager (the console sees it handled).
    await notice.getByRole('button', { name: '知道了' }).click();
    await notice.waitFor({ state: 'detached' });
    await expect
      .poll(() => world.store.alerts.current(0).filter((a) => a.kind === 'vip_arrived'))
      .toEqual([
        expect.objectContaining({
          staffId: 'stf-clerk-3',
          ticketId: again.ticket.id,
          acknowledgedBy: 'stf-clerk-3',
        }),
      ]);
    await back.context().close();
    await other.context().close();
  }, 240_000);
});
