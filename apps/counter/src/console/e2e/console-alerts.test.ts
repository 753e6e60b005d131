import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSeed } from '../../../../hall-server/src/app/seed';
import {
  connectClient,
  ok,
  send,
  startTestHall,
  type HallClient,
  type TestHall,
} from '../../../../hall-server/src/test-support/hall-harness';
import { hasChromium, launchChromium } from '../../../test-support/browser';
import { buildCounterOnce } from '../../../test-support/build-once';
import { clerkAt, openConsole, openTab } from '../../../test-support/console-hall';

// Issue 15 item 9 on the console at 1920×1080: alerts grouped by kind and counter (a group
// shows its count and newest time, and opens to its alerts); one click acknowledges a group,
// exactly its alerts.

const minute = 60_000;
let offset = 0;
const clock = () => Date.now() + offset;
const shots = fileURLToPath(new URL('../../../../../docs/screenshots/', import.meta.url));

let hall: TestHall;
let browser: Browser;
let page: Page;
const sockets: HallClient[] = [];

beforeAll(async () => {
  await buildCounterOnce();
  hall = await startTestHall({ clock, seed: demoSeed(clock()) });
  const url = hall.server.url;
  browser = await launchChromium();
  const kiosk = await connectClient(url, { deviceToken: 'demo-kiosk-1' });
  sockets.push(kiosk);
  // Counter 2 serves a fault report that runs long; six invoices wait with nobody to serve them.
  const clerk = (await clerkAt(url, 2)).socket;
  sockets.push(clerk);
  ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-fault' }));
  const called = ok(await send(clerk, 'ticket:call-next', {})).ticket;
  ok(await send(clerk, 'ticket:start', { ticketId: called.id }));
  for (let i = 0; i < 6; i++) ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-invoice' }));
  offset += 40 * minute;
  hall.server.alerts.runOnce();
  page = await openConsole(browser, url);
}, 180_000);

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await browser?.close();
  await hall?.close();
});

describe.skipIf(!hasChromium)('grouped alerts on the console', () => {
  it('lists alerts by kind and counter, and acknowledges a whole group with one click', async () => {
    await openTab(page, 'alerts');
    const groups = page.getByTestId('alert-group');
    const waits = groups.and(page.locator('[data-kind="wait_over_target"]'));
    await waits.waitFor();
    expect(await waits.getAttribute('data-count')).toBe('6');
    await expect.poll(() => groups.count()).toBe(3); // waits, invoices unstaffed, counter 2's handling
    const handling = groups.and(page.locator('[data-kind="handling_over_target"]'));
    expect(await handling.textContent()).toContain('2号窗口');
    expect(await waits.textContent()).toContain('全厅');
    expect(await waits.textContent()).toContain('6 条');
    expect(await waits.textContent()).toMatch(/最近 .*\d\d:\d\d/);
    expect(await page.getByTestId('alert').count()).toBe(0); // closed until opened

    await waits.getByRole('button', { name: '展开' }).click();
    await expect.poll(() => waits.getByTestId('alert').count()).toBe(6);
    await page.screenshot({ path: `${shots}console-alerts-grouped.png` });

    const before = hall.server.hall.store.hall.state().seq;
    await waits.getByLabel('处理说明(选填)').first().fill('已开6号窗口分流发票业务');
    await waits.getByRole('button', { name: '全部已知悉(6)' }).click();
    await waits.waitFor({ state: 'detached' });

    const alerts = hall.server.hall.store.alerts.current(0);
    const acked = alerts.filter((a) => a.acknowledgedAt !== null);
    expect(acked.map((a) => a.kind)).toEqual(Array(6).fill('wait_over_target'));
    for (const a of acked) expect(a.note).toBe('已开6号窗口分流发票业务');
    expect(
      alerts
        .filter((a) => a.acknowledgedAt === null)
        .map((a) => a.kind)
        .sort(),
    ).toEqual(['handling_over_target', 'service_unstaffed']);
    expect(hall.server.hall.store.hall.state().seq).toBe(before + 1); // one change
    expect(await groups.count()).toBe(2);
  });
});
