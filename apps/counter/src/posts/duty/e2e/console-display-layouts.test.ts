import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openScreen } from '../../../../test-support/browser';
import { adminConsoleHall, hasChromium } from './console-e2e';

// The admin's display layouts on the console (issue 19 item 3): the preview at scale follows
// the choice before it is saved (a frame of the display's sample page, no token), and saving
// changes the paired display at once, without a reload.

let admin: Page;
const world = adminConsoleHall((page) => (admin = page));

describe.skipIf(!hasChromium)('display layouts on the console', () => {
  it('previews a layout at scale before saving, and the display follows once saved', async () => {
    const display = await openScreen(world.browser, `${world.url}/display?token=demo-display-1`, {
      width: 1080,
      height: 1920,
    });
    await display.locator('[data-layout="calls_waiting"][data-orientation="landscape"]').waitFor();

    await admin.locator('button[data-section="displays"]').click();
    const card = admin.locator('[data-display="dev-display-1"]');
    await card.waitFor();
    const preview = card.frameLocator('[data-testid="display-preview"]');
    await preview.locator('[data-layout="calls_waiting"][data-orientation="landscape"]').waitFor();

    await card.getByLabel(/叫号、公告与媒体/).check();
    await card.getByLabel('竖屏').check();
    await preview
      .locator('[data-layout="calls_notices_media"][data-orientation="portrait"]')
      .waitFor();
    await preview.getByTestId('preview-banner').waitFor();
    const frame = await card.getByTestId('display-preview').boundingBox();
    expect([Math.round(frame!.width), Math.round(frame!.height)]).toEqual([259, 461]);
    // Not saved yet: the display still shows its layout.
    expect(world.store.displayLayouts.all()).toEqual([]);
    expect(await display.locator('[data-layout="calls_waiting"]').count()).toBe(1);
    if (process.env.FIT_SHOTS)
      await admin.screenshot({ path: `${process.env.FIT_SHOTS}/console-display-layouts.png` });

    await card.getByRole('button', { name: '保存' }).click();
    await display
      .locator('[data-layout="calls_notices_media"][data-orientation="portrait"]')
      .waitFor();
    await card.getByTestId('saved-layout').filter({ hasText: '叫号、公告与媒体 · 竖屏' }).waitFor();
    expect(world.store.displayLayouts.byDevice('dev-display-1')).toMatchObject({
      layout: 'calls_notices_media',
      orientation: 'portrait',
    });
    await display.context().close();
  });
});
