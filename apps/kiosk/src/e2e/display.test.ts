import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ok, send } from '@onestop/hall-server/test-support/hall-harness';
import { soundWithoutTouch } from '../../electron/policy';
import { hasChromium, launchChromium } from '../../test-support/browser';
import { useHallScene } from '../../test-support/scene';

// The hall display at 1920×1080: with the duty leader's longest notice and a full board, the
// notice is whole and the waiting table's last row is on screen, inside its panel, above the
// announcement bar. In a browser that holds sound back until a tap, the display says so in
// both languages until someone taps; with the kiosk shell's autoplay policy it never asks.

const scene = useHallScene({ server: { limits: false } });

// The longest notice the contract allows (120 characters).
const NOTICE = (
  '今日下午 14:00–16:00 系统升级,电费缴纳与发票打印暂停办理,请到引导台登记后改日办理;' +
  '停电报修请拨打 95598。给您带来不便,敬请谅解。感谢您的理解与支持!'
).padEnd(120, '。');

beforeAll(async () => {
  if (!hasChromium) return;
  const leader = await scene.leader();
  ok(await send(leader.socket, 'hall:set-notice', { text: NOTICE }));
  leader.socket.disconnect();
  // Every service waiting, and six recent calls.
  const kiosk = await scene.kiosk();
  for (const serviceId of ['svc-billing', 'svc-connection', 'svc-account', 'svc-fault']) {
    for (let i = 0; i < 3; i++) ok(await send(kiosk, 'ticket:issue', { serviceId }));
  }
  for (let i = 0; i < 8; i++) ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-invoice' }));
  kiosk.disconnect();
  const clerk = await scene.clerk(1);
  for (let i = 0; i < 6; i++) {
    const { ticket } = ok(await send(clerk.socket, 'ticket:call-next', {}));
    if (i === 5) break;
    ok(await send(clerk.socket, 'ticket:start', { ticketId: ticket.id }));
    ok(await send(clerk.socket, 'ticket:finish', { ticketId: ticket.id, outcome: 'completed' }));
  }
  clerk.socket.disconnect();
}, 120_000);

/**
 * A browser that holds sound back until a tap, as desktop Chrome does by default (headless
 * Chromium lets Web Audio play whatever its autoplay switch says): every AudioContext starts
 * suspended and resumes only when asked from a tap.
 */
function holdSoundBack(page: Page) {
  // Plain JavaScript inside: the function is sent to the page as its source text.
  return page.addInitScript(() => {
    const Real = window.AudioContext;
    const held = new WeakSet<AudioContext>();
    class HeldBack extends Real {
      constructor(options?: AudioContextOptions) {
        super(options);
        held.add(this);
        void super.suspend();
      }
      override get state(): AudioContextState {
        return held.has(this) ? 'suspended' : super.state;
      }
      override resume(): Promise<void> {
        // Only from inside a touch (window.event: the event being handled; Playwright's
        // navigation counts as an activation, so userActivation cannot tell); otherwise the
        // promise waits, as Chromium's does.
        const during = (window as { event?: Event }).event?.type ?? '';
        if (!['pointerup', 'click', 'touchend'].includes(during))
          return new Promise<void>(() => undefined);
        held.delete(this);
        return super.resume().then(() => {
          this.dispatchEvent(new Event('statechange'));
        });
      }
    }
    window.AudioContext = HeldBack;
  });
}

async function openDisplay(browser = scene.browser, heldBack = false): Promise<Page> {
  const page = await scene.open('display', {
    browser,
    touch: true,
    ...(heldBack ? { beforeOpen: holdSoundBack } : {}),
  });
  await page.locator('.queues tbody tr').first().waitFor();
  return page;
}

describe.skipIf(!hasChromium)('the hall display', () => {
  it('shows a long notice whole and the waiting table to its last row', async () => {
    const page = await openDisplay();
    try {
      await page.locator('.display-notice').waitFor();
      await expect.poll(() => page.locator('.recent li').count()).toBeGreaterThanOrEqual(1);
      const fit = await page.evaluate(() => {
        const rect = (el: Element | null) => el!.getBoundingClientRect();
        const notice = document.querySelector<HTMLElement>('.display-notice')!;
        const rows = document.querySelectorAll('.queues tbody tr');
        const last = rect(rows[rows.length - 1]!);
        const panel = rect(document.querySelector('.queues')!.closest('section'));
        const bar = rect(document.querySelector('[data-testid="announcing"]'));
        return {
          rows: rows.length,
          noticeText: notice.textContent,
          noticeWhole:
            notice.scrollWidth <= notice.clientWidth && notice.scrollHeight <= notice.clientHeight,
          lastRowOnScreen: last.bottom <= window.innerHeight,
          lastRowInPanel: last.bottom <= panel.bottom && last.top >= panel.top,
          lastRowAboveBar: last.bottom <= bar.top,
          pageScrolls: document.documentElement.scrollHeight > window.innerHeight,
        };
      });
      expect(fit).toEqual({
        rows: 5,
        noticeText: NOTICE,
        noticeWhole: true,
        lastRowOnScreen: true,
        lastRowInPanel: true,
        lastRowAboveBar: true,
        pageScrolls: false,
      });
      if (process.env.FIT_SHOTS)
        await page.screenshot({ path: `${process.env.FIT_SHOTS}/display-notice.png` });
    } finally {
      await page.context().close();
    }
  });

  it('asks for a tap in both languages while the browser holds sound back, and not after it', async () => {
    const page = await openDisplay(scene.browser, true);
    try {
      const ask = page.locator('.enable-sound');
      await ask.waitFor({ timeout: 10_000 });
      expect(await ask.innerText()).toMatch(/点击开启语音播报\s*Tap to enable sound/);
      // A tap anywhere on the board is enough.
      await page.locator('.display-header').tap();
      await ask.waitFor({ state: 'detached', timeout: 10_000 });
    } finally {
      await page.context().close();
    }
  });

  it("never asks under the kiosk shell's autoplay policy", async () => {
    const browser = await launchChromium([`--autoplay-policy=${soundWithoutTouch.autoplayPolicy}`]);
    try {
      const page = await openDisplay(browser);
      // Past the display's grace for a new audio context to start (1.5 s).
      await page.waitForTimeout(3000);
      expect(await page.evaluate(() => new AudioContext().state)).toBe('running');
      expect(await page.locator('.enable-sound').count()).toBe(0);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
