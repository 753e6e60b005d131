import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ok, send } from '@onestop/hall-server/test-support/hall-harness';
import {
  hasChromium,
  openScreen,
  pressDigits,
  printedCount,
  SIZES,
  unnamedButtons,
} from '../../test-support/browser';
import { signInGuide, useHallScene } from '../../test-support/scene';

// Every screen in every state a person meets: each button has an accessible name; an unpaired
// device pairs with a code from the console; inside the kiosk shell, tickets print through the
// shell's bridge and the hidden admin exit asks the shell to check the PIN.

const scene = useHallScene();

async function expectNamed(page: Page, where: string) {
  expect(await unnamedButtons(page), where).toEqual([]);
}

describe.skipIf(!hasChromium)('every screen', () => {
  it('names every button, on every kiosk screen, in both languages', async () => {
    const kiosk = await scene.open('kiosk');
    await kiosk.getByRole('button', { name: /电费缴纳/ }).waitFor();
    await expectNamed(kiosk, 'kiosk menu');
    await kiosk.getByRole('button', { name: /电费缴纳/ }).tap();
    await expectNamed(kiosk, 'kiosk details');
    await kiosk.getByRole('button', { name: '跳过,直接取号' }).tap();
    await kiosk.getByTestId('ticket-number').waitFor();
    await expectNamed(kiosk, 'kiosk issued');
    await kiosk.getByRole('button', { name: '完成' }).tap();
    await kiosk.getByRole('button', { name: /预约签到/ }).tap();
    await expectNamed(kiosk, 'kiosk appointment');
    await kiosk.getByRole('button', { name: '返回' }).tap();
    await kiosk.getByRole('button', { name: /监督箱/ }).tap();
    await expectNamed(kiosk, 'kiosk supervision box');
    await kiosk.getByRole('button', { name: '返回' }).tap();
    await kiosk.getByRole('button', { name: 'English' }).tap();
    await expectNamed(kiosk, 'kiosk menu in English');
    await kiosk.context().close();
  });

  it('names every button on the guide desk, the display and the phone page', async () => {
    const guide = await scene.open('guide');
    await guide.getByRole('button', { name: '登录' }).waitFor();
    await expectNamed(guide, 'guide sign-in');
    await signInGuide(guide);
    await guide.getByRole('heading', { name: '排队概况' }).waitFor();
    await guide.getByLabel('号码(如 A023)或手机号').fill('A001');
    await guide.getByRole('button', { name: '查询' }).click();
    await guide.locator('.results li').first().waitFor();
    await guide.getByRole('button', { name: '取消号码' }).click();
    await expectNamed(guide, 'guide desk');
    await guide.context().close();

    const display = await scene.open('display');
    await display.locator('.counter-tile').first().waitFor();
    await expectNamed(display, 'display');
    await display.context().close();

    const kiosk = await scene.kiosk();
    const issued = ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-invoice' }));
    kiosk.disconnect();
    const phone = await scene.phone(
      `${scene.url}/status?ticket=${issued.ticket.id}&token=${issued.statusToken}`,
    );
    await phone.getByTestId('status-state').waitFor();
    await expectNamed(phone, 'phone page');
    // Nothing about anyone else: this one ticket's number and no other.
    const numbers = (await phone.locator('body').innerText()).match(/[A-Z]\d{3}/g);
    expect(numbers).toEqual([issued.ticket.number]);
    await phone.getByRole('button', { name: 'English' }).tap();
    await phone.getByText('Waiting', { exact: true }).waitFor();
    await phone.context().close();

    const lost = await openScreen(scene.browser, `${scene.url}/status?ticket=x`, SIZES.phone);
    await lost.getByText('链接不完整,请重新扫描号票上的二维码。').waitFor();
    await lost.context().close();
  }, 120_000);

  it('pairs an unpaired display with a code from the console, and keeps its token', async () => {
    const display = await openScreen(scene.browser, `${scene.url}/display`, SIZES.display);
    await display.getByRole('heading', { name: '设备配对' }).waitFor();
    await display.getByText('本设备尚未与大厅配对').waitFor();
    await expectNamed(display, 'pairing screen');

    const leader = await scene.leader();
    const { code: pairingCode } = ok(
      await send(leader.socket, 'device:issue-pairing-code', {
        name: '二楼叫号屏',
        kind: 'display',
      }),
    );
    leader.socket.disconnect();

    await pressDigits(display, '000000', 'click');
    await display.getByRole('button', { name: '配对' }).click();
    await display.getByText('配对码错误或已过期。').waitFor();
    await display.getByRole('button', { name: '清除' }).click();
    await pressDigits(display, pairingCode, 'click');
    await display.getByRole('button', { name: '配对' }).click();
    await display.locator('.counter-tile').first().waitFor();
    expect(await display.evaluate(() => localStorage.getItem('onestop.deviceToken'))).toBeTruthy();
    await display.reload();
    await display.locator('.counter-tile').first().waitFor();
    await display.context().close();
  });

  it('inside the kiosk shell, prints through its bridge and leaves kiosk mode only with the admin PIN', async () => {
    const kiosk = await scene.open('kiosk', {
      beforeOpen: (page) =>
        page.addInitScript(() => {
          const calls: unknown[][] = [];
          (globalThis as unknown as Record<string, unknown>).__shellCalls = calls;
          (globalThis as unknown as Record<string, unknown>).onestopShell = {
            print: async (paper: number) => void calls.push(['print', paper]),
            identity: async () => ({
              serverUrl: location.origin,
              screen: '/kiosk',
              paper: 80,
              printerName: 'EPSON TM-T88',
            }),
            requestExit: async (pin: string) => {
              calls.push(['exit', pin]);
              return pin === '4321';
            },
          };
        }),
    });
    const shellCalls = () =>
      kiosk.evaluate(() => (globalThis as unknown as { __shellCalls: unknown[][] }).__shellCalls);
    await kiosk.getByRole('button', { name: /发票打印/ }).tap();
    await kiosk.getByRole('button', { name: '跳过,直接取号' }).tap();
    await kiosk.getByTestId('ticket-number').waitFor();
    await expect.poll(shellCalls).toEqual([['print', 80]]);
    expect(await printedCount(kiosk)).toBe(0); // no print dialog in the shell
    await kiosk.getByRole('button', { name: '完成' }).tap();

    const title = kiosk.getByRole('heading', { level: 1 });
    for (let i = 0; i < 5; i++) await title.tap();
    const dialog = kiosk.getByRole('dialog', { name: '管理员退出' });
    await dialog.waitFor();
    await expectNamed(kiosk, 'admin exit');
    await pressDigits(dialog, '1111');
    await dialog.getByRole('button', { name: '退出自助模式' }).tap();
    await dialog.getByText('密码不正确').waitFor();
    await pressDigits(dialog, '4321');
    await dialog.getByRole('button', { name: '退出自助模式' }).tap();
    await expect.poll(shellCalls).toEqual([
      ['print', 80],
      ['exit', '1111'],
      ['exit', '4321'],
    ]);
    await kiosk.context().close();
  });
});
