import { existsSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { chromiumPath } from '@onestop/hall-server/test-support/print-pdf';

// Debian's Chromium, driven by Playwright, for the screen tests: launched as the hall's own
// tests launch it (`launchChromium(extraArgs)`).

export { launchChromium } from '@onestop/hall-server/test-support/print-pdf';
export const CHROMIUM = chromiumPath;
export const hasChromium = existsSync(CHROMIUM);

export const SIZES = {
  kiosk: { width: 1080, height: 1920 },
  display: { width: 1920, height: 1080 },
  guide: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

/**
 * A fresh browser profile (its own localStorage) at a screen size; touch for the kiosk. The
 * print dialog is replaced by a counter (`window.__printed`) so tests see each print.
 */
export async function openScreen(
  browser: Browser,
  url: string,
  size: { width: number; height: number },
  opts: { touch?: boolean; beforeOpen?: (page: Page) => Promise<unknown> } = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport: size, hasTouch: opts.touch ?? false });
  const page = await context.newPage();
  await opts.beforeOpen?.(page);
  await page.addInitScript(() => {
    const w = globalThis as unknown as { print: () => void; __printed: number };
    w.__printed = 0;
    w.print = () => {
      w.__printed++;
    };
  });
  await page.goto(url);
  return page;
}

export const printedCount = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { __printed: number }).__printed);

/** Presses a keypad's digit keys one by one: by touch, or by a click on a screen without one. */
export async function pressDigits(
  scope: Page | Locator,
  digits: string,
  by: 'tap' | 'click' = 'tap',
): Promise<void> {
  for (const d of digits) await scope.getByRole('button', { name: d, exact: true })[by]();
}

/**
 * Buttons on the page without an accessible name, by the browser's own accessibility tree
 * (the ARIA snapshot names each button as a screen reader would).
 */
export async function unnamedButtons(page: Page): Promise<string[]> {
  for (let attempt = 0; ; attempt++) {
    const total = await page.getByRole('button').count();
    const snapshot = await page.locator('body').ariaSnapshot();
    const buttons = snapshot.split('\n').filter((line) => /^\s*- '?button\b/.test(line));
    if (buttons.length === total && total === (await page.getByRole('button').count()))
      return buttons.filter((line) => !/^\s*- '?button "[^"]*\S[^"]*"/.test(line));
    // The screen changed between the two looks (a render); look again.
    if (attempt === 10)
      throw new Error(
        `aria snapshot lists ${buttons.length} buttons, the page has ${total}:\n${snapshot}`,
      );
    await page.waitForTimeout(100);
  }
}
