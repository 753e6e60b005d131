import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ok, send } from '@onestop/hall-server/test-support/hall-harness';
import { hasChromium } from '../../test-support/browser';
import { useHallScene } from '../../test-support/scene';

// Issue 15, item 1, as the customer sees it at a portrait kiosk (1080×1920) and on the phone:
// with nobody serving 业扩报装 the kiosk said "等候 0 人 · 即将叫号" and the ticket 马上就轮到您.
// Now the service button, the issued screen, the printed ticket and the phone page say no
// counter serves it; once a clerk opens a counter for it they show a range, without a reload.

const scene = useHallScene();
const SHOTS = process.env.WAIT_SHOTS; // a directory to leave screenshots in, when set

const serviceButton = (kiosk: Page) => kiosk.getByRole('button', { name: /业扩报装/ });
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
};

describe.skipIf(!hasChromium)('the wait a customer is told', () => {
  it('says no counter serves it, then a range once a counter opens', async () => {
    const kiosk = await scene.open('kiosk');
    await expect.poll(() => serviceButton(kiosk).textContent()).toContain('暂无窗口办理此业务');
    expect(await serviceButton(kiosk).textContent()).not.toContain('即将叫号');
    await shot(kiosk, 'wait-kiosk-no-counter');

    await serviceButton(kiosk).tap();
    await kiosk.getByRole('button', { name: '跳过,直接取号' }).tap();
    await kiosk.getByTestId('ticket-number').waitFor();
    const issuedWait = await kiosk.getByTestId('issued-wait').textContent();
    expect(issuedWait).toContain('暂无窗口办理此业务');
    expect(issuedWait).not.toContain('马上就轮到您');
    const printed = await kiosk.getByTestId('print-wait').textContent();
    expect(printed).toContain('暂无窗口办理此业务');
    await shot(kiosk, 'wait-issued-no-counter');

    const statusUrl = await kiosk.getByTestId('print-ticket').getAttribute('data-status-url');
    const phone = await scene.phone(statusUrl!);
    await expect
      .poll(() => phone.getByTestId('status-wait').textContent())
      .toContain('暂无窗口办理此业务');
    await shot(phone, 'wait-status-no-counter');
    await kiosk.getByRole('button', { name: '完成' }).tap();

    // A clerk opens counter 4 (业扩报装) and serves a walk-in: the wait becomes a range.
    const clerk = await scene.clerk(4);
    try {
      // A walk-in: the counter is taken, the kiosk's ticket waits behind the visit.
      ok(await send(clerk.socket, 'ticket:walk-in', { serviceId: 'svc-connection' }));

      const range = /约 \d+–\d+ 分钟/;
      await expect
        .poll(() => serviceButton(kiosk).textContent(), { timeout: 20_000 })
        .toMatch(range);
      expect(await serviceButton(kiosk).textContent()).not.toContain('暂无窗口');
      await shot(kiosk, 'wait-kiosk-range');
      await expect
        .poll(() => phone.getByTestId('status-wait').textContent(), { timeout: 20_000 })
        .toMatch(range);
      await shot(phone, 'wait-status-range');

      // The same in English.
      await phone.getByRole('button', { name: /English/ }).tap();
      await expect
        .poll(() => phone.getByTestId('status-wait').textContent())
        .toMatch(/about \d+–\d+ min/);
    } finally {
      clerk.socket.disconnect();
    }
  });
});
