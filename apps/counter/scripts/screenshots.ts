import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { demoSeed } from '@onestop/hall-server';
import { ok, send, startTestHall } from '@onestop/hall-server/test-support/hall-harness';
import { visitWithCase } from '@onestop/hall-server/test-support/suite-hall';
import { launchChromium, openScreen, signIn, sizes } from '../test-support/browser';
import { buildCounterOnce } from '../test-support/build-once';
import { clerkAt, guideAt } from '../test-support/demo-staff';

// A tour of the staff desks at their real sizes, into docs/screenshots/counter-*.png:
// npm run screenshots:counter. The hall's clock starts three weeks back so that the clerk's
// cases are overdue, due today and later when the screens are taken.

const outDir = fileURLToPath(new URL('../../../docs/screenshots', import.meta.url));
const day = 86_400_000;
let offset = -20 * day;
const clock = () => Date.now() + offset;

async function shot(page: Page, name: string) {
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(outDir, `counter-${name}.png`) });
  console.log(`docs/screenshots/counter-${name}.png`);
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  await buildCounterOnce();
  const hall = await startTestHall({ clock, seed: demoSeed(clock()) });
  const url = hall.server.url;
  const browser = await launchChromium();
  try {
    // History: earlier visits of one customer with cases, three weeks and three days ago.
    const customer = { phone: '13912345678', accountNo: '3100000003', name: '孙女士' };
    // The clerk stays signed in between the two days: signing off would need a handover of the
    // cases just opened (the server refuses it), and those cases are the point here.
    const guide = await guideAt(url);
    const clerk = await clerkAt(url, 2, '1001');
    const serveOnce = async (serviceId: string, caseTypeId: string, summary: string) => {
      await visitWithCase(guide.socket, clerk.socket, { serviceId, customer, caseTypeId, summary });
      ok(
        await send(guide.socket, 'opinion:submit', {
          category: 'suggestion',
          text: '希望增加周末营业时间',
          contact: customer.phone,
        }),
      );
    };
    await serveOnce('svc-fault', 'ct-fault', '小区单相表箱跳闸报修');
    offset = -3 * day;
    await serveOnce('svc-account', 'ct-account', '更名过户:房屋买卖后过户至新业主');
    offset = 0;
    ok(await send(clerk.socket, 'counter:sign-out', {})); // the cases go along
    clerk.socket.disconnect();
    guide.socket.disconnect();

    // Today: a few waiting customers, one with the guide's note.
    const guideToday = await guideAt(url);
    const noted = ok(
      await send(guideToday.socket, 'ticket:issue', {
        serviceId: 'svc-billing',
        customer,
        note: '客户反映上月电费偏高,已带近三个月账单',
      }),
    );
    for (const serviceId of ['svc-billing', 'svc-billing', 'svc-fault', 'svc-fault', 'svc-billing'])
      ok(await send(guideToday.socket, 'ticket:issue', { serviceId }));

    // The pad before anyone is at counter 1.
    const pad = await openScreen(browser, `${url}/pad?token=demo-pad-1&counter=1`, sizes.pad);
    await pad.getByTestId('pad').waitFor();
    await shot(pad, 'pad-closed');

    const desk = await openScreen(browser, `${url}/counter?token=demo-desk-1`, sizes.workstation);
    await desk.getByTestId('sign-in').waitFor();
    await shot(desk, 'sign-in');
    await signIn(desk, '1001');
    await desk.getByTestId('counter-chooser').waitFor();
    await shot(desk, 'chooser');
    await desk.locator('button[data-counter="1"]').click();
    await desk.getByTestId('workstation').waitFor();
    await desk.locator('[data-action="openCounter"]').click();
    await desk.locator('[data-testid="counter-state"][data-state="open"]').waitFor();
    await shot(pad, 'pad-idle');

    // Call the noted customer by number, start, and look at the one-stop context.
    await desk.keyboard.press('Alt+KeyC');
    await desk.getByTestId('call-ticket-dialog').waitFor();
    await shot(desk, 'call-ticket');
    await desk
      .getByTestId('call-ticket-dialog')
      .locator('li', { hasText: noted.ticket.number })
      .getByRole('button')
      .click();
    await desk.getByTestId('call-ticket-dialog').waitFor({ state: 'detached' });
    await desk.getByTestId('current-number').filter({ hasText: noted.ticket.number }).waitFor();
    await desk.keyboard.press('F2');
    await desk.getByTestId('recall-count').filter({ hasText: '1/2' }).waitFor();
    await shot(desk, 'called');
    await desk.keyboard.press('F3');
    await desk.locator('[data-testid="current-state"]', { hasText: '办理中' }).waitFor();
    await desk.getByTestId('earlier-visits').locator('li').first().waitFor();
    await shot(desk, 'workstation');
    await desk.getByTestId('lang-toggle').click();
    await desk.getByRole('button', { name: 'Call next' }).waitFor();
    await shot(desk, 'workstation-en');
    await desk.getByTestId('lang-toggle').click();

    // A support task to the back office, answered.
    await desk.keyboard.press('Alt+KeyT');
    await desk.getByLabel('需要后台协助的内容').fill('请核对该户近三个月抄表数据是否异常');
    await desk.getByRole('button', { name: '发送' }).click();
    const back = await openScreen(
      browser,
      `${url}/backoffice?token=demo-backoffice`,
      sizes.backoffice,
    );
    await signIn(back, '6001');
    await back.getByTestId('backoffice').waitFor();
    await back.getByRole('button', { name: '受理' }).first().click();
    await back.getByTestId('accepted-tasks').getByRole('textbox').waitFor();
    await shot(back, 'backoffice');
    await back
      .getByTestId('accepted-tasks')
      .getByRole('textbox')
      .fill('抄表数据正常,电量增加系空调使用所致,已附用电明细');
    await back.getByRole('button', { name: '答复并办结' }).click();
    await back.getByTestId('answered-tasks').locator('li').first().waitFor();

    // The finish dialog with a case, then the pad's question.
    await desk.keyboard.press('F4');
    await desk.getByTestId('finish-dialog').waitFor();
    await desk.getByLabel('缴纳电费').check();
    await desk.getByLabel('账单解释').check();
    await shot(desk, 'finish');
    await desk.getByRole('button', { name: '办结', exact: true }).click();
    await pad.locator('[data-screen="ask"]').waitFor();
    await shot(pad, 'pad-ask');
    await pad.getByTestId('lang-toggle').click();
    await pad.getByRole('button', { name: 'Very satisfied' }).waitFor();
    await shot(pad, 'pad-ask-en');
    await pad.getByTestId('lang-toggle').click();
    await pad.getByRole('button', { name: '不满意' }).click();
    await pad.getByRole('button', { name: '等候时间' }).click();
    await shot(pad, 'pad-reasons');
    await pad.getByRole('button', { name: '提交评价' }).click();
    await pad.locator('[data-screen="thanks"]').waitFor();
    await shot(pad, 'pad-thanks');

    // Mine: the overdue fault case, the account case, the answered support task.
    await desk.locator('[data-tab="mine"]').click();
    await desk.getByTestId('task-result').waitFor();
    await shot(desk, 'mine');

    // Sign-off refused with open items; the handover form.
    await desk.getByTestId('sign-out').click();
    await desk.getByTestId('refusal').waitFor();
    await desk.getByTestId('new-handover').waitFor();
    await desk.getByLabel('移交给').selectOption({ label: '王值班 (8001) · 值班领导' });
    await desk.getByLabel('交接说明').fill('孙女士的过户工单待资料审核;报修工单已派单待回访');
    await shot(desk, 'handover');

    // Paused counter on the pad, and the offline workstation.
    await desk.keyboard.press('Alt+KeyP');
    await desk.getByRole('button', { name: '暂停', exact: true }).last().click();
    await pad.locator('[data-screen="paused"]').waitFor();
    await shot(pad, 'pad-paused');
    await desk.locator('[data-tab="customer"]').click();
    await hall.server.close();
    await desk.getByTestId('offline-banner').waitFor();
    await shot(desk, 'offline');

    // Back online: a device that lost its pairing. (The console has its own tour:
    // apps/counter/scripts/console-screenshots.ts.)
    await hall.restart({ clock });
    await desk.getByTestId('offline-banner').waitFor({ state: 'detached' });
    const unpaired = await openScreen(
      browser,
      `${url}/counter?token=no-such-token`,
      sizes.workstation,
    );
    await unpaired.getByTestId('pairing').waitFor();
    await shot(unpaired, 'pairing');
  } finally {
    await browser.close();
    await hall.close();
  }
}

await main();
