import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { demoSeed } from '@onestop/hall-server';
import type { CommandPayload } from '@onestop/shared';
import {
  clerkAtCounter,
  connectClient,
  ok,
  send,
  startTestHall,
  type HallClient,
} from '@onestop/hall-server/test-support/hall-harness';
import { visitWithCase } from '@onestop/hall-server/test-support/suite-hall';
import { launchChromium } from '../test-support/browser';
import { buildCounterOnce } from '../test-support/build-once';
import { clerkAt, openConsole, openTab, serveAndRate } from '../test-support/console-hall';

// The duty-leader console's tabs at 1920x1080 (and the live hall at 1366x768), into
// docs/screenshots/console-*.png:  npm run screenshots:console
// The hall's clock starts 50 minutes back so that the morning's tickets have waited past their
// targets and the alert sweep has something to say when the screens are taken.

const outDir =
  process.env.SHOTS_DIR ?? fileURLToPath(new URL('../../../docs/screenshots', import.meta.url));
const minute = 60_000;
let offset = -100 * minute;
const clock = () => Date.now() + offset;

async function shot(page: Page, name: string) {
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(outDir, `console-${name}.png`) });
  console.log(`docs/screenshots/console-${name}.png`);
}

/** A morning in the demo hall: five clerks at work, queues, ratings, opinions, alerts. */
async function morning(url: string) {
  const kiosk = await connectClient(url, { deviceToken: 'demo-kiosk-1' });
  // The hall's other devices stay connected all morning (so none is reported offline).
  const devices: HallClient[] = [];
  for (const token of ['demo-display-1', ...[1, 2, 3, 4, 5, 6].map((n) => `demo-pad-${n}`)])
    devices.push(await connectClient(url, { deviceToken: token }));
  const issue = async (serviceId: string, customer?: { phone: string }) =>
    ok(await send(kiosk, 'ticket:issue', { serviceId, ...(customer ? { customer } : {}) })).ticket;
  const clerks: HallClient[] = [];
  for (const n of [1, 2, 3, 5]) clerks.push((await clerkAt(url, n)).socket);
  const fourth = await clerkAt(url, 4);
  // Served and rated visits five minutes apart, one of them 不满意.
  const visits: Omit<Parameters<typeof serveAndRate>[1], 'clerk'>[] = [
    { counter: 1, serviceId: 'svc-billing', score: 'very_satisfied' },
    { counter: 2, serviceId: 'svc-fault', score: 'satisfied' },
    { counter: 1, serviceId: 'svc-invoice', score: 'satisfied' },
    {
      counter: 2,
      serviceId: 'svc-billing',
      score: 'dissatisfied',
      reasons: ['waiting', 'attitude'],
    },
    { counter: 3, serviceId: 'svc-account', score: 'very_satisfied' },
    { counter: 5, serviceId: 'svc-fault', score: 'neutral' },
  ];
  const clerkOf = new Map([1, 2, 3, 5].map((n, i) => [n, clerks[i]!]));
  for (const visit of visits) {
    offset += 5 * minute;
    await serveAndRate(url, { ...visit, clerk: clerkOf.get(visit.counter)! });
  }
  // The queues of the morning: a ticket every three minutes over the last hour.
  offset = -62 * minute;
  const plan = [
    'svc-billing',
    'svc-billing',
    'svc-fault',
    'svc-connection',
    'svc-billing',
    'svc-account',
    'svc-invoice',
    'svc-billing',
    'svc-fault',
    'svc-connection',
    'svc-billing',
    'svc-fault',
    'svc-billing',
    'svc-invoice',
    'svc-connection',
    'svc-billing',
    'svc-account',
    'svc-fault',
  ];
  const issued = [];
  for (const serviceId of plan) {
    issued.push(await issue(serviceId));
    offset += 3 * minute;
  }
  // In service now at counters 1, 3 and 5 (since 9, 5 and 2 minutes); 2 has just called one.
  for (const [socket, since] of [
    [clerks[0]!, 9],
    [clerks[2]!, 5],
    [clerks[3]!, 2],
  ] as const) {
    offset = -since * minute;
    const t = ok(await send(socket, 'ticket:call-next', {})).ticket;
    ok(await send(socket, 'ticket:start', { ticketId: t.id }));
  }
  offset = -1 * minute;
  ok(await send(clerks[1]!, 'ticket:call-next', {}));
  ok(await send(fourth.socket, 'counter:pause', { reason: 'break' }));
  // Opinions from the supervision box; the same phone twice is a repeated opinion.
  const opinions: CommandPayload<'opinion:submit'>[] = [
    {
      category: 'complaint',
      text: '上午排队时间太长,缴费窗口只开了两个,希望高峰时段多开窗口。',
      contact: '13812345678',
    },
    { category: 'suggestion', text: '建议在等候区增加充电插座和饮水机。', contact: '13987654321' },
    {
      category: 'complaint',
      text: '上周反映的电费异常问题至今没有人回复。',
      contact: '13812345678',
    },
    { category: 'praise', text: '3号窗口陈刚师傅讲解非常耐心,点赞!' },
  ];
  for (const opinion of opinions) ok(await send(kiosk, 'opinion:submit', opinion));
  await casesKeptOverSignOff(url, kiosk);
  return { clerks, fourth: fourth.socket, issued, devices: [...devices, kiosk] };
}

/** 吴敏 (counter 6) opens two cases, not yet due, and signs off keeping them. */
async function casesKeptOverSignOff(url: string, kiosk: HallClient) {
  const { socket: clerk } = await clerkAt(url, 6);
  const cases = [
    {
      serviceId: 'svc-connection',
      caseTypeId: 'ct-connection',
      summary: '新装 10kV 专变用电,待现场勘查',
      customer: { phone: '13912345678', name: '张建华' },
    },
    {
      serviceId: 'svc-account',
      caseTypeId: 'ct-account',
      summary: '居民户更名过户,待审核房产证明',
      customer: { phone: '13698765432', name: '林晓梅', accountNo: '3100456789' },
    },
  ];
  for (const c of cases) await visitWithCase(kiosk, clerk, c);
  ok(await send(clerk, 'staff:sign-out', {}));
  clerk.disconnect();
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  await buildCounterOnce();
  // Limits off: the morning's kiosk issues faster than a customer could. The clerks' sessions
  // outlast the simulated morning (the clock moves on faster than their commands do).
  const seed = demoSeed(clock());
  const hall = await startTestHall({
    clock,
    seed: { ...seed, config: { ...seed.config, sessionIdleMin: 480 } },
    server: { limits: false },
  });
  const url = hall.server.url;
  const browser = await launchChromium();
  try {
    const day = await morning(url);
    // Now: the sweep finds the waits and services past their targets.
    offset = 0;
    hall.server.alerts.runOnce();

    const page = await openConsole(browser, url, '8001');
    // The duty leader's own interventions of the morning, each with a reason.
    const leader = await clerkAtCounter(url, {
      deviceToken: 'demo-guide',
      staffNo: '8001',
      pin: '8001',
    });
    const waiting = day.issued.filter((t) => t.serviceId === 'svc-connection');
    ok(
      await send(leader.socket, 'override:ticket-priority', {
        ticketId: waiting[1]!.id,
        to: 'front',
        reason: '客户为八旬老人,陪同家属反映身体不适',
      }),
    );
    ok(
      await send(leader.socket, 'hall:set-notice', {
        text: '今日10:00-11:00系统升级,缴费业务请至自助终端办理',
      }),
    );
    const store = hall.server.hall.store;
    const waitAlerts = store.alerts
      .current(0)
      .filter((a) => a.kind === 'wait_over_target')
      .slice(0, 2);
    for (const a of waitAlerts)
      ok(
        await send(leader.socket, 'alert:acknowledge', {
          alertId: a.id,
          note: '已安排6号绿色通道窗口协助分流',
        }),
      );
    const repeated = store.opinions.current(0).find((o) => o.repeated);
    if (repeated)
      ok(
        await send(leader.socket, 'opinion:assign', {
          opinionId: repeated.id,
          handlerStaffId: 'stf-clerk-2',
        }),
      );
    const invoice = day.issued.find((t) => t.serviceId === 'svc-invoice')!;
    ok(
      await send(leader.socket, 'ticket:cancel', {
        ticketId: invoice.id,
        reason: '客户改为网上营业厅自助打印发票',
      }),
    );
    // The duty desk's items stay on the desk: the leader is still on the console.
    ok(await send(leader.socket, 'staff:sign-out', { reason: '值班台上继续处理' }));
    leader.socket.disconnect();

    await page.getByTestId('counter-card').first().waitFor();
    await shot(page, 'hall');

    await openTab(page, 'alerts');
    await page.getByTestId('alert-group').first().waitFor();
    await page.getByTestId('alert-group').getByRole('button', { name: '展开' }).first().click();
    await shot(page, 'alerts');

    await openTab(page, 'tickets');
    await shot(page, 'tickets');
    await page.locator('tr[data-ticket] button[data-action="counter"]').first().click();
    await page.getByTestId('ticket-dialog').waitFor();
    await shot(page, 'override-dialog');
    await page.keyboard.press('Escape');

    await openTab(page, 'opinions');
    await page.getByTestId('opinion').first().waitFor();
    await page.getByTestId('kept-case').first().waitFor();
    await shot(page, 'opinions');
    await page.getByTestId('kept-cases').scrollIntoViewIfNeeded();
    await shot(page, 'kept-cases');

    await openTab(page, 'shift');
    await page.getByTestId('shift-log').locator('tbody tr').first().waitFor();
    await shot(page, 'shift');

    await openTab(page, 'sync');
    await page.getByTestId('sync-state').waitFor();
    await shot(page, 'sync');

    await openTab(page, 'reports');
    await shot(page, 'reports');

    await page.getByTestId('lang-toggle').click();
    await openTab(page, 'hall');
    await shot(page, 'hall-en');
    await page.getByTestId('lang-toggle').click();

    const admin = await openConsole(browser, url, '9000', undefined, 'demo-backoffice');
    await admin.getByTestId('admin-services').waitFor();
    await shot(admin, 'admin-services');
    await admin.locator('button[data-section="settings"]').click();
    await admin.getByTestId('admin-settings').waitFor();
    await shot(admin, 'admin-settings');
    await admin.locator('button[data-section="devices"]').click();
    await admin.getByTestId('admin-devices').waitFor();
    await shot(admin, 'admin-devices');

    const small = await openConsole(
      browser,
      url,
      '8001',
      { width: 1366, height: 768 },
      'demo-guide',
    );
    await small.getByTestId('counter-card').first().waitFor();
    await shot(small, 'hall-1366');
    await openTab(small, 'tickets');
    await small.locator('[data-testid="calling-queue"][data-state="ready"]').waitFor();
    await shot(small, 'calling-order');
    // The admin steps in on the duty leader's console: both are shown, each since when.
    await small.getByTestId('step-in').click();
    const stepIn = small.getByTestId('step-in-dialog');
    await stepIn.getByLabel('工号').fill('9000');
    await stepIn.getByLabel('密码').fill('9000');
    await stepIn.getByRole('button', { name: '介入值班台' }).click();
    await small.locator('[data-testid="occupant"][data-role="stepped-in"]').waitFor();
    await openTab(small, 'hall');
    await shot(small, 'step-in');

    // Offline: the hall server goes away; the console keeps the last state, marked stale.
    // (Not awaited: the server's close waits for the browsers' idle HTTP connections.)
    for (const socket of [...day.devices, ...day.clerks, day.fourth]) socket.disconnect();
    void hall.server.close();
    await page.getByTestId('offline-banner').waitFor();
    await shot(page, 'offline');
  } finally {
    await browser.close();
    rmSync(hall.dataDir, { recursive: true, force: true });
  }
}

await main();
process.exit(0);
