import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clerkAtCounter,
  ok,
  send,
  startTestHall,
  type TestHall,
} from '../../hall-server/src/test-support/hall-harness';

// The hall-facing screens in real Chromium against a real hall server: take a ticket by touch,
// see it called on the display and on the phone, print it, and survive a server restart.

const CHROMIUM = '/usr/bin/chromium';
const appDir = fileURLToPath(new URL('..', import.meta.url));

let hall: TestHall;
let browser: Browser;

beforeAll(async () => {
  await build({ root: appDir, configFile: `${appDir}/vite.config.ts`, logLevel: 'warn' });
  hall = await startTestHall();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await hall?.close();
});

async function openPage(path: string, size: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport: size });
  await page.addInitScript(() => {
    window.print = () => undefined; // the test reads the print layout itself
  });
  await page.goto(`${hall.server.url}${path}`);
  return page;
}

async function takeTicketByTouch(kiosk: Page, serviceName: string): Promise<string> {
  await kiosk.getByRole('button', { name: new RegExp(serviceName) }).click();
  await kiosk.getByRole('button', { name: '跳过,直接取号' }).click();
  const number = kiosk.getByTestId('ticket-number');
  await number.waitFor();
  return (await number.textContent())!.trim();
}

describe.skipIf(!existsSync(CHROMIUM))('kiosk, display and phone page', () => {
  it('a ticket taken by touch is announced on the display and turns the phone page to "your turn"', async () => {
    const kiosk = await openPage('/kiosk?token=demo-kiosk-1', { width: 1080, height: 1920 });
    const display = await openPage('/display?token=demo-display-1', { width: 1920, height: 1080 });
    await display.locator('.counter-tile').first().waitFor();

    const number = await takeTicketByTouch(kiosk, '电费缴纳');
    expect(number).toMatch(/^A\d{3}$/);

    // The customer's phone: the guide's search gives the token the QR code carries.
    const guide = await clerkAtCounter(hall.server.url, {
      deviceToken: 'demo-guide',
      staffNo: '7001',
      pin: '7001',
    });
    const found = ok(await send(guide.socket, 'ticket:find', { number })).results[0]!;
    const phone = await openPage(`/status?ticket=${found.ticket.id}&token=${found.statusToken}`, {
      width: 390,
      height: 844,
    });
    await expect.poll(() => phone.getByTestId('status-state').textContent()).toBe('等候中');

    const clerk = await clerkAtCounter(hall.server.url, {
      deviceToken: 'demo-desk-2',
      staffNo: '1002',
      pin: '1002',
      counterId: 'ctr-2',
    });
    ok(await send(clerk.socket, 'ticket:call', { ticketId: found.ticket.id }));

    const tile = display.locator('.counter-tile[data-counter="2"]');
    await expect.poll(() => tile.locator('.counter-ticket').textContent()).toBe(number);
    await expect.poll(() => tile.getAttribute('class')).toContain('fresh');
    await expect
      .poll(() =>
        display.evaluate(() =>
          (window as unknown as { __announcements: { zh: string }[] }).__announcements.map(
            (a) => a.zh,
          ),
        ),
      )
      .toContain(
        `请${number[0]}${[...number.slice(1)].map((d) => '零一二三四五六七八九'[Number(d)]).join('')}号到二号窗口办理`,
      );
    await expect
      .poll(() => phone.getByTestId('status-state').textContent(), { timeout: 10_000 })
      .toBe('轮到您了!请到 2号窗口');

    guide.socket.disconnect();
    clerk.socket.disconnect();
    for (const p of [kiosk, display, phone]) await p.close();
  }, 60_000);

  it('prints a ticket with the number, service, hall name and a QR code to the status page', async () => {
    const kiosk = await openPage('/kiosk?token=demo-kiosk-1', { width: 1080, height: 1920 });
    const number = await takeTicketByTouch(kiosk, '发票打印');
    await kiosk.emulateMedia({ media: 'print' });
    const ticket = kiosk.getByTestId('print-ticket');
    await expect.poll(() => ticket.isVisible()).toBe(true);
    const text = (await ticket.textContent()) ?? '';
    expect(text).toContain(number);
    expect(text).toContain('发票打印');
    expect(text).toContain('示范供电营业厅');
    expect(text).toContain('请留意叫号屏与语音提示');
    await expect
      .poll(() => ticket.locator('img.pt-qr').getAttribute('src'))
      .toMatch(/^data:image\/png/);
    const pdf = await kiosk.pdf({ width: '80mm', height: '120mm', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await kiosk.close();
  });

  it('every button on the kiosk, guide and display screens has an accessible name', async () => {
    for (const [path, size] of [
      ['/kiosk?token=demo-kiosk-1', { width: 1080, height: 1920 }],
      ['/guide?token=demo-guide', { width: 1280, height: 800 }],
      ['/display?token=demo-display-1', { width: 1920, height: 1080 }],
    ] as const) {
      const page = await openPage(path, size);
      await page.waitForLoadState('networkidle');
      const unnamed = await page.$$eval('button', (buttons) =>
        buttons
          .filter((b) => !(b.getAttribute('aria-label') ?? b.textContent ?? '').trim())
          .map((b) => b.outerHTML),
      );
      expect(unnamed, path).toEqual([]);
      await page.close();
    }
    const kiosk = await openPage('/kiosk?token=demo-kiosk-1', { width: 1080, height: 1920 });
    await kiosk.getByRole('button', { name: /电费缴纳/ }).click();
    const keypad = await kiosk.$$eval('.keypad button', (bs) =>
      bs.map((b) => b.getAttribute('aria-label')),
    );
    expect(keypad.every(Boolean)).toBe(true);
    await kiosk.close();
  });

  it('kiosk and display say they are offline while the server restarts, then recover with one ticket per request', async () => {
    const kiosk = await openPage('/kiosk?token=demo-kiosk-1', { width: 1080, height: 1920 });
    const display = await openPage('/display?token=demo-display-1', { width: 1920, height: 1080 });
    await display.locator('.counter-tile').first().waitFor();
    await kiosk.getByRole('button', { name: /故障报修/ }).waitFor();
    const before = (
      await hall.server.hall.store.tickets.visible(hall.server.hall.store.hall.state().businessDay)
    ).length;

    await hall.server.close();
    await expect
      .poll(() => kiosk.locator('.banner-offline').isVisible(), { timeout: 15_000 })
      .toBe(true);
    await hall.restart();
    await expect.poll(() => kiosk.locator('.banner').count(), { timeout: 15_000 }).toBe(0);

    const number = await takeTicketByTouch(kiosk, '故障报修');
    expect(number).toMatch(/^D\d{3}$/);
    const after = hall.server.hall.store.tickets.visible(
      hall.server.hall.store.hall.state().businessDay,
    );
    expect(after.length).toBe(before + 1);
    const serverSeq = hall.server.hall.store.hall.state().seq;
    await expect
      .poll(() => display.evaluate(() => document.querySelector('.display-notice') === null))
      .toBe(true);
    await expect.poll(() => display.locator('.banner').count(), { timeout: 15_000 }).toBe(0);
    expect(serverSeq).toBeGreaterThan(0);
    for (const p of [kiosk, display]) await p.close();
  }, 60_000);
});
