import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, send, type HallClient } from '@onestop/hall-server/test-support/hall-harness';
import { hasChromium, pressDigits } from '../../test-support/browser';
import { offScreenControls } from '../../test-support/fit';
import { useHallScene } from '../../test-support/scene';

// The kiosk fits its screen: at each of its three screens (portrait 1080×1920, landscape
// 1920×1080, a 1280×1024 box) and in normal and large text, every button, key and field of
// every step is on screen without scrolling: the service list, a service's details with a VIP
// greeted and the green channel chosen, appointment check-in with a refusal shown, the
// supervision box with its keyboard and candidates, the thanks, the ticket, the error, the
// hall closed, and the hall server lost.

const SCREENS = [
  { name: 'portrait 1080×1920', width: 1080, height: 1920 },
  { name: 'landscape 1920×1080', width: 1920, height: 1080 },
  { name: '1280×1024', width: 1280, height: 1024 },
] as const;
const TEXT = ['normal', 'large'] as const;
const LANGS = ['zh', 'en'] as const;

// A dozen kiosk pages through one device: without the per-device rate limits.
const scene = useHallScene({ server: { limits: false } });
let admin: HallClient;

beforeAll(async () => {
  if (hasChromium) admin = (await scene.admin()).socket;
});

afterAll(() => {
  admin?.disconnect();
});

const setHours = async (businessHours: { open: string; close: string } | null) =>
  ok(await send(admin, 'admin:configure', { settings: { businessHours } }));

async function openKiosk(screen: (typeof SCREENS)[number], text: (typeof TEXT)[number]) {
  const page = await scene.open('kiosk', { size: { width: screen.width, height: screen.height } });
  await page.getByRole('button', { name: /电费缴纳/ }).waitFor();
  if (text === 'large') await largeText(page);
  return page;
}

async function largeText(page: Page) {
  await page.getByRole('button', { name: '大字模式' }).tap();
  await page.locator('.kiosk.large-text').waitFor();
}

async function typeKeys(page: Page, letters: string) {
  for (const k of letters)
    await page.locator('.text-keyboard').getByRole('button', { name: k, exact: true }).tap();
}

describe.skipIf(!hasChromium)('the kiosk fits each of its screens', () => {
  for (const screen of SCREENS)
    for (const text of TEXT)
      it(`shows every control of every step on screen: ${screen.name}, ${text} text`, async () => {
        const page = await openKiosk(screen, text);
        const off: Record<string, string[]> = {};
        const look = async (step: string) => {
          off[step] = await offScreenControls(page);
          // FIT_SHOTS=dir keeps a picture of each step, to look at.
          const dir = process.env.FIT_SHOTS;
          if (dir)
            await page.screenshot({
              path: `${dir}/${screen.width}x${screen.height}-${text}-${step.replace(/\W+/g, '-')}.png`,
            });
        };

        await look('service list');
        await page.getByRole('button', { name: /电费缴纳/ }).tap();
        await page.getByRole('button', { name: '户号' }).tap();
        await pressDigits(page, '3100000001');
        await page.locator('.vip').waitFor();
        await page.getByRole('button', { name: '老年人' }).tap();
        await look('details, VIP greeted, green channel');
        await page.getByRole('button', { name: '返回' }).tap();

        await page.getByRole('button', { name: /预约签到/ }).tap();
        await pressDigits(page, '000000');
        await page.getByRole('button', { name: '签到取号' }).tap();
        await page.getByRole('alert').waitFor();
        await look('appointment check-in, refused');
        await page.getByRole('button', { name: '返回' }).tap();

        await page.getByRole('button', { name: /监督箱/ }).tap();
        await page.getByRole('button', { name: '等候时间太长' }).tap();
        await typeKeys(page, 'dianfei');
        await page.getByRole('button', { name: '电费', exact: true }).waitFor();
        await look('supervision box, typing pinyin');
        await page.getByTestId('callback-phone').tap();
        await pressDigits(page, '1370000');
        await page.getByText('手机号格式不正确').waitFor();
        await look('supervision box, callback phone');
        await pressDigits(page, '0002');
        await page.getByRole('button', { name: '返回文字输入' }).tap();
        await page.getByRole('button', { name: '提交' }).tap();
        await page.getByText('感谢您的意见,值班领导会尽快处理。').waitFor();
        await look('thanks');
        await page.getByRole('button', { name: '完成' }).tap();
        if (text === 'large') await largeText(page);

        await page.getByRole('button', { name: /电费缴纳/ }).tap();
        await page.getByRole('button', { name: '跳过,直接取号' }).tap();
        await page.getByTestId('ticket-number').waitFor();
        await look('ticket issued');
        await page.getByRole('button', { name: '完成' }).tap();
        // The next customer starts in normal text.
        if (text === 'large') await largeText(page);

        await page.getByRole('button', { name: /电费缴纳/ }).tap();
        await setHours({ open: '00:00', close: '00:01' });
        try {
          await page.getByRole('button', { name: '跳过,直接取号' }).tap();
          await page.locator('[data-step="error"]').waitFor();
          await look('error');
          await page.getByRole('button', { name: '返回' }).tap();
          await page.getByTestId('kiosk-closed').waitFor({ timeout: 40_000 });
          await look('hall closed');
        } finally {
          await setHours(null);
        }

        expect(off).toEqual(Object.fromEntries(Object.keys(off).map((k) => [k, []])));
        await page.context().close();
      }, 120_000);

  // A phone typed on a service's details: the "text me when my turn is near" choice shows
  // (and the priority channel's legend stays on one line, over its dashed border).
  for (const screen of SCREENS)
    for (const text of TEXT)
      for (const lang of LANGS)
        it(`fits the details step with a phone typed and the text-me choice: ${screen.name}, ${text} text, ${lang}`, async () => {
          const page = await scene.open('kiosk', {
            size: { width: screen.width, height: screen.height },
            lang,
          });
          await page.locator('.service-button').first().waitFor();
          if (text === 'large') {
            await page
              .getByRole('button', { name: lang === 'zh' ? '大字模式' : 'Large text' })
              .tap();
            await page.locator('.kiosk.large-text').waitFor();
          }
          await page
            .getByRole('button', { name: /电费缴纳|Bill payment/ })
            .first()
            .tap();
          await pressDigits(page, '13812349999');
          await page.locator('[data-testid="text-me"]:not([disabled])').waitFor();
          const dir = process.env.FIT_SHOTS;
          if (dir)
            await page.screenshot({
              path: `${dir}/${screen.width}x${screen.height}-${text}-${lang}-details-text-me.png`,
            });
          const legendLines = await page.locator('.priority legend').evaluate((el) => {
            const lh =
              parseFloat(getComputedStyle(el).lineHeight) ||
              1.2 * parseFloat(getComputedStyle(el).fontSize);
            return Math.round(el.getBoundingClientRect().height / lh);
          });
          expect({ off: await offScreenControls(page), legendLines }).toEqual({
            off: [],
            legendLines: 1,
          });
          await page.context().close();
        }, 60_000);

  it('shows every control on screen with the hall server lost, at each size and text', async () => {
    const pages = await Promise.all(
      SCREENS.flatMap((screen) => TEXT.map((text) => openKiosk(screen, text))),
    );
    await scene.hall.server.close();
    try {
      const off: Record<string, string[]> = {};
      for (const [i, page] of pages.entries()) {
        await page.locator('.banner-offline').waitFor({ timeout: 20_000 });
        const { width, height } = page.viewportSize()!;
        const large = (await page.locator('.kiosk.large-text').count()) > 0;
        off[`${width}×${height} ${large ? 'large' : 'normal'} #${i}`] =
          await offScreenControls(page);
      }
      expect(off).toEqual(Object.fromEntries(Object.keys(off).map((k) => [k, []])));
    } finally {
      await scene.hall.restart();
      for (const page of pages) await page.context().close();
    }
  }, 120_000);
});
