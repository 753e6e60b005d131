import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectClient,
  ok,
  send,
  type HallClient,
} from '@onestop/hall-server/test-support/hall-harness';
import { startNotifyHall, type NotifyHall } from '@onestop/hall-server/test-support/notify-hall';
import { hasChromium, launchChromium } from '../../test-support/browser';
import { buildCounterOnce } from '../../test-support/build-once';
import { openConsole, openTab } from '../../test-support/console-hall';
import { button, callAndStart, finishVisit, openDesk } from '../../test-support/scene';

// Customer notifications at the desk, in Chromium against a real hall whose texts go to a
// signed-webhook receiver on loopback (issue 18 item 3): the workstation's customer panel shows
// the current customer's texts (purpose, time, state) and their consent, records the customer's
// standing consent, sends a failed text again; the owner re-sets a promise with "notify" and the
// receiver gets the signed promise_changed text; the admin edits the templates with a preview
// and sees a bad placeholder refused. Screenshots in docs/screenshots.

const PHONE = '13955556666';
let h: NotifyHall;
let browser: Browser;
let kiosk: HallClient;
let desk: Page;

beforeAll(async () => {
  if (!hasChromium) return;
  await buildCounterOnce();
  h = await startNotifyHall({ turnNearAhead: 2 });
  browser = await launchChromium();
  kiosk = await connectClient(h.server.url, { deviceToken: 'demo-kiosk-1' });
}, 180_000);
afterAll(async () => {
  kiosk?.disconnect();
  await browser?.close();
  await h?.close();
});

const rows = (page: Page) => page.getByTestId('notification-log').locator('li');

describe.skipIf(!hasChromium)('notifications at the desk', () => {
  it("the customer panel shows the customer's texts and consent; a failed one is sent again", async () => {
    const { ticket } = ok(
      await send(kiosk, 'ticket:issue', {
        serviceId: 'svc-billing',
        customer: { phone: PHONE, accountNo: null, name: null },
        notifyConsent: true,
      }),
    );
    await h.receiver.waitFor(1); // nobody ahead: "turn near" at once
    h.receiver.answers.push(400); // the platform refuses the "called" text
    desk = await openDesk(browser, h.server.url, 1, '1001', { open: true });
    await callAndStart(desk, ticket.number);

    const log = desk.getByTestId('notification-log');
    await log.waitFor();
    await expect.poll(async () => (await rows(desk).all()).length, { timeout: 15_000 }).toBe(2);
    await expect
      .poll(
        () =>
          desk
            .locator('[data-testid="notification-log"] li[data-purpose="called"]')
            .getAttribute('data-state'),
        { timeout: 15_000 },
      )
      .toBe('failed');
    expect(await log.innerText()).toContain('139****6666');
    expect(await log.innerText()).not.toContain(PHONE);
    expect(await desk.getByTestId('notify-consent').innerText()).toContain('仅限本次排队');
    await desk.screenshot({ path: 'docs/screenshots/notification-log-failed.png' });

    // The clerk serves the visit: theirs to send again.
    const called = log.locator('li[data-purpose="called"]');
    await called.getByRole('button', { name: '重发' }).click();
    await expect.poll(() => called.getAttribute('data-state'), { timeout: 15_000 }).toBe('sent');
    const again = h.receiver.received.filter((r) => r.body.purpose === 'called');
    expect(again).toHaveLength(2);
    expect(again[0]!.body.id).toBe(again[1]!.body.id);

    // The customer agrees at the counter: a standing consent.
    await desk.getByTestId('notify-record').click();
    await expect
      .poll(() => desk.getByTestId('notify-consent').innerText())
      .toContain('已同意接收短信(柜台');
  }, 120_000);

  it('the owner re-sets a promise with "notify": the receiver gets the signed promise_changed text', async () => {
    await button(desk, 'openCase').click();
    const open = desk.getByTestId('open-case-dialog');
    await open.getByRole('combobox', { name: '工单类型' }).selectOption('ct-fault');
    await open.getByRole('textbox', { name: '事项摘要' }).fill('表箱烧损,需派员');
    await open.getByRole('button', { name: '开立工单' }).click();
    const receipt = desk.getByTestId('case-receipt-dialog');
    await receipt.waitFor();
    await receipt.getByRole('button', { name: '取消' }).click();
    await finishVisit(desk);

    await desk.locator('[data-tab="mine"]').click();
    const row = desk.getByTestId('promise-row').first();
    await row.waitFor();
    await row.getByRole('button', { name: '改约' }).click();
    const dialog = desk.getByTestId('reset-promise-dialog');
    expect(await dialog.getByRole('radio', { name: '发送通知' }).isChecked()).toBe(true);
    await dialog.getByRole('textbox', { name: '改约原因' }).fill('备件在途,改约明日');
    const before = h.receiver.received.length;
    await dialog.getByRole('button', { name: '改约' }).click();
    await dialog.waitFor({ state: 'detached' });

    const [text] = (await h.receiver.waitFor(before + 1)).slice(before);
    expect(text!.valid).toBe(true);
    expect(text!.body).toMatchObject({ purpose: 'promise_changed', phone: PHONE, lang: 'zh' });
    expect(text!.body.text).toContain('备件在途,改约明日');
    const caseNumber = h.server.hall.store.cases.openOwnedBy(
      h.server.hall.store.staff.credentials('1001')!.staff.id,
    )[0]!.number;
    expect(text!.body.text).toContain(caseNumber);
  }, 120_000);

  it('the admin edits the templates with a preview; an unknown placeholder is shown and refused', async () => {
    const page = await openConsole(browser, h.server.url, '9000');
    await openTab(page, 'admin');
    await page.locator('button[data-section="settings"]').click();
    const settings = page.getByTestId('admin-settings');
    const section = page.getByTestId('notification-settings');
    await section.waitFor();
    const zh = section.getByRole('textbox', { name: '即将轮到(中文)' });
    await zh.fill('【{hall}】{number}号前还有{ahead}位,请回大厅');
    expect(await section.getByTestId('preview-turn_near-zh').innerText()).toContain(
      'A012号前还有2位',
    );
    await section.getByRole('spinbutton', { name: '前面还剩几人时提醒' }).fill('4');
    await section.screenshot({ path: 'docs/screenshots/notification-settings.png' });
    await settings.getByRole('button', { name: /保存 1 项修改/ }).click();
    await settings.getByRole('button', { name: /保存 0 项修改/ }).waitFor();
    await expect
      .poll(() => h.server.hall.store.hall.state().config.notifications?.turnNearAhead)
      .toBe(4);
    expect(h.server.hall.store.hall.state().config.notifications?.templates.turn_near.zh).toBe(
      '【{hall}】{number}号前还有{ahead}位,请回大厅',
    );

    await zh.fill('{number}号,回复{phone}');
    await section.getByRole('alert').filter({ hasText: 'unknown placeholder {phone}' }).waitFor();
    await settings.getByRole('button', { name: /保存 1 项修改/ }).click();
    await settings.getByTestId('server-refusal').filter({ hasText: 'notifications' }).waitFor();
    expect(h.server.hall.store.hall.state().config.notifications?.templates.turn_near.zh).toBe(
      '【{hall}】{number}号前还有{ahead}位,请回大厅',
    );
    await page.context().close();
  }, 120_000);
});
