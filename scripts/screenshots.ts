// A screenshot tour of the hall-facing screens at their real sizes, into docs/screenshots/.
//   npm run screenshots            (builds the web apps first)
// Kiosk 1080x1920 portrait, display 1920x1080, guide tablet 1280x800, phone 390x844.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import {
  clerkAtCounter,
  connectClient,
  ok,
  send,
  startTestHall,
} from '@onestop/hall-server/test-support/hall-harness';
import { launchChromium } from '@onestop/hall-server/test-support/print-pdf';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const out = join(repoRoot, 'docs/screenshots');
mkdirSync(out, { recursive: true });

// The demo hall, its staff signed in on their own desks' sockets.
const hall = await startTestHall();
const base = hall.server.url;
const staffAt = (desk: string, staffNo: string, counter?: number) =>
  clerkAtCounter(base, {
    deviceToken: `demo-${desk}`,
    staffNo,
    pin: staffNo,
    ...(counter ? { counterId: `ctr-${counter}` } : {}),
  });

const browser = await launchChromium();
async function page(path: string, width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, hasTouch: true });
  const p = await context.newPage();
  await p.addInitScript('window.print = () => undefined'); // no print dialog in the tour
  await p.goto(`${base}${path}`);
  return p;
}
const shot = (p: Page, name: string) => p.screenshot({ path: join(out, `${name}.png`) });

try {
  // Customers waiting and a few served, so the screens have something to show.
  const kioskSocket = await connectClient(base, { deviceToken: 'demo-kiosk-1' });
  for (const serviceId of [
    'svc-billing',
    'svc-billing',
    'svc-fault',
    'svc-connection',
    'svc-billing',
    'svc-invoice',
    'svc-account',
    'svc-fault',
  ])
    ok(await send(kioskSocket, 'ticket:issue', { serviceId }));
  const [one, two, four] = await Promise.all(
    [1, 2, 4].map(async (n) => (await staffAt(`desk-${n}`, `100${n}`, n)).socket),
  );
  const leader = (await staffAt('console', '8001')).socket;
  ok(
    await send(leader, 'hall:set-notice', {
      text: '今日16:00后暂停业扩报装受理,敬请谅解 · New connections are not taken after 16:00 today',
    }),
  );

  const kiosk = await page('/kiosk?token=demo-kiosk-1', 1080, 1920);
  await kiosk.locator('.service-button').first().waitFor();
  await kiosk.getByText('等候 3 人').waitFor();
  await shot(kiosk, 'kiosk-menu');
  await kiosk.locator('.service-button').first().tap();
  await kiosk.getByRole('button', { name: '户号' }).tap();
  for (const d of '3100000001') await kiosk.getByRole('button', { name: d, exact: true }).tap();
  await kiosk.locator('.vip').waitFor();
  await kiosk.getByRole('button', { name: '老年人' }).tap();
  await shot(kiosk, 'kiosk-details');
  await kiosk.getByRole('button', { name: '取号', exact: true }).tap();
  await kiosk.getByTestId('ticket-number').waitFor();
  await shot(kiosk, 'kiosk-issued');
  // The printed ticket as the printer gets it (print stylesheet), at four dots per millimetre.
  await kiosk.emulateMedia({ media: 'print' });
  await kiosk.getByTestId('print-ticket').screenshot({ path: join(out, 'ticket-80mm.png') });
  await kiosk.emulateMedia({ media: 'screen' });
  await kiosk.getByRole('button', { name: '完成' }).tap();
  await kiosk.getByRole('button', { name: '大字模式' }).tap();
  await shot(kiosk, 'kiosk-large-text');
  await kiosk.getByRole('button', { name: '标准字体' }).tap();
  await kiosk.getByRole('button', { name: 'English' }).tap();
  await shot(kiosk, 'kiosk-english');
  await kiosk.getByRole('button', { name: '中文' }).tap();
  await kiosk.getByRole('button', { name: /监督箱/ }).tap();
  await kiosk.getByLabel('请写下您的意见').fill('等候区的座位不够,建议高峰时段增加座椅。');
  await shot(kiosk, 'kiosk-opinion');
  await kiosk.getByRole('button', { name: '返回' }).tap();

  const display = await page('/display?token=demo-display-1', 1920, 1080);
  await display.locator('.counter-tile').first().waitFor();
  ok(await send(two!, 'ticket:call-next', {}));
  const first = ok(await send(one!, 'ticket:call-next', {})).ticket;
  ok(await send(one!, 'ticket:start', { ticketId: first.id }));
  await display.waitForTimeout(300);
  const ticket = ok(await send(four!, 'ticket:call-next', {})).ticket;
  await display.locator('.counter-tile.fresh').first().waitFor();
  await display.getByTestId('announcing').getByText(/请/).waitFor();
  await shot(display, 'display');

  const guide = await page('/guide?token=demo-guide', 1280, 800);
  await guide.getByLabel('工号').fill('7001');
  await guide.getByLabel('密码').fill('7001');
  await guide.getByRole('button', { name: '登录' }).click();
  await guide.getByRole('heading', { name: '排队概况' }).waitFor();
  await guide.getByLabel('号码(如 A023)或手机号').fill(first.number);
  await guide.getByRole('button', { name: '查询' }).click();
  await guide.locator('.results li').first().waitFor();
  await guide.waitForTimeout(500);
  await shot(guide, 'guide');

  const finder = (await staffAt('backoffice', '7001')).socket;
  const found = ok(await send(finder, 'ticket:find', { number: ticket.number }));
  const phone = await page(
    `/status?ticket=${ticket.id}&token=${found.results[0]!.statusToken}`,
    390,
    844,
  );
  await phone.getByTestId('status-state').waitFor();
  await shot(phone, 'phone-called');
  const waiting = ok(await send(kioskSocket, 'ticket:issue', { serviceId: 'svc-billing' }));
  await phone.goto(`${base}/status?ticket=${waiting.ticket.id}&token=${waiting.statusToken}`);
  await phone.getByTestId('people-ahead').waitFor();
  await shot(phone, 'phone-waiting');

  const unpaired = await page('/display?token=not-a-token', 1920, 1080);
  await unpaired.getByRole('heading', { name: '设备配对' }).waitFor();
  await shot(unpaired, 'pairing');

  await hall.server.close();
  await kiosk.locator('.banner-offline').waitFor({ timeout: 20_000 });
  await shot(kiosk, 'kiosk-offline');
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  await hall.close();
}
process.exit(0);
