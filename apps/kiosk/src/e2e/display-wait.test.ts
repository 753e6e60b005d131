import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoSeed } from '@onestop/hall-server';
import {
  ok,
  send,
  startTestHall,
  type TestHall,
} from '@onestop/hall-server/test-support/hall-harness';
import { hasChromium } from '../../test-support/browser';
import { demoStaff, openDevice, useChromium } from '../../test-support/scene';

// Issue 15, item 1, on the hall display (1920×1080): the side panel's waiting table showed "—"
// for a service no counter serves, as for one with nobody ahead. Now it says so in words —
// 暂无窗口办理 / No counter now, or when the hall opens (08:30 开始办理 / Opens at 08:30) —
// and gives the others a range of minutes, in a cell that fits its column.

const browser = useChromium();

/** Service name → what its row says under the estimate column. */
async function estimates(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('.queues tbody tr')].map((tr) => {
        const cells = tr.querySelectorAll('td');
        return [cells[0]!.textContent!.trim(), cells[2]!.textContent!.trim()];
      }),
    ),
  );
}

/** Every estimate cell on one line inside the table, and the table inside its panel. */
function cellsFit(page: Page) {
  return page.evaluate(() => {
    const table = document.querySelector('.queues')!;
    const panel = table.closest('section')!.getBoundingClientRect();
    const cells = [...table.querySelectorAll('tbody td:last-child')];
    const lineHeight = (el: Element) => parseFloat(getComputedStyle(el).lineHeight);
    return {
      tableInPanel: table.getBoundingClientRect().right <= panel.right,
      oneLine: cells.every((c) => {
        const inner = document.createRange();
        inner.selectNodeContents(c);
        return (
          inner.getClientRects().length === 1 ||
          inner.getBoundingClientRect().height <= lineHeight(c) * 1.2
        );
      }),
      pageScrolls: document.documentElement.scrollWidth > window.innerWidth,
    };
  });
}

async function openDisplay(hall: TestHall, lang: 'zh' | 'en'): Promise<Page> {
  const page = await openDevice(browser(), hall.server.url, 'display', { lang });
  await page.locator('.queues tbody tr').first().waitFor();
  return page;
}

describe.skipIf(!hasChromium)('the display’s waiting table', () => {
  it('says which services no counter serves now, and gives the others a range', async () => {
    const now = Date.UTC(2026, 10, 24, 1, 0); // 09:00 in Shanghai
    const hall = await startTestHall({ clock: () => now, seed: demoSeed(now) });
    try {
      // Counter 1 (电费缴纳, 发票打印) open with two waiting; nobody serves the others.
      const staff = demoStaff(hall.server.url);
      const clerk = await staff.clerk(1);
      const kiosk = await staff.kiosk();
      ok(await send(clerk.socket, 'ticket:walk-in', { serviceId: 'svc-billing' }));
      for (const serviceId of ['svc-billing', 'svc-billing', 'svc-connection'])
        ok(await send(kiosk, 'ticket:issue', { serviceId }));
      kiosk.disconnect();

      const zh = await openDisplay(hall, 'zh');
      await expect.poll(() => estimates(zh)).toMatchObject({ 'B 业扩报装': '暂无窗口办理' });
      const rows = await estimates(zh);
      expect(rows['A 电费缴纳']).toMatch(/^\d+–\d+ 分钟$/);
      expect(Object.values(rows)).not.toContain('—');
      expect(Object.values(rows).filter((t) => t === '暂无窗口办理')).toHaveLength(3);
      expect(await cellsFit(zh)).toEqual({ tableInPanel: true, oneLine: true, pageScrolls: false });

      const en = await openDisplay(hall, 'en');
      await expect
        .poll(() => estimates(en))
        .toMatchObject({ 'B New connection': 'No counter now' });
      expect((await estimates(en))['A Bill payment']).toMatch(/^\d+–\d+ min$/);
      if (process.env.WAIT_SHOTS)
        await en.screenshot({ path: `${process.env.WAIT_SHOTS}/display-wait-en.png` });
      expect(await cellsFit(en)).toEqual({ tableInPanel: true, oneLine: true, pageScrolls: false });
      clerk.socket.disconnect();
    } finally {
      await hall.close();
    }
  });

  it('outside business hours says when the hall opens', async () => {
    const now = Date.parse('2026-11-24T10:00:00.000Z'); // 18:00 in Shanghai
    const hall = await startTestHall({
      clock: () => now,
      seed: demoSeed(now, { businessHours: { open: '08:30', close: '17:30' } }),
    });
    try {
      const zh = await openDisplay(hall, 'zh');
      await expect.poll(() => estimates(zh)).toMatchObject({ 'A 电费缴纳': '08:30 开始办理' });
      expect(new Set(Object.values(await estimates(zh)))).toEqual(new Set(['08:30 开始办理']));
      const en = await openDisplay(hall, 'en');
      await expect.poll(() => estimates(en)).toMatchObject({ 'A Bill payment': 'Opens at 08:30' });
      expect(await cellsFit(en)).toEqual({ tableInPanel: true, oneLine: true, pageScrolls: false });
    } finally {
      await hall.close();
    }
  }, 120_000);
});
