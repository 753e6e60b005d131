import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { chromiumPath } from '@onestop/hall-server/test-support/print-pdf';

// Chromium for the screen tests and the screenshot tour, launched as the hall's own tests
// launch it.

export { launchChromium } from '@onestop/hall-server/test-support/print-pdf';
export const CHROMIUM = chromiumPath;
export const hasChromium = existsSync(CHROMIUM);

export const sizes = {
  workstation: { width: 1366, height: 768 },
  pad: { width: 800, height: 480 },
  backoffice: { width: 1366, height: 768 },
} as const;

/**
 * A page in its own browser context (its own localStorage: its own device token). `beforeOpen`
 * runs before the first load (to route the page's socket, for instance).
 */
export async function openScreen(
  browser: Browser,
  url: string,
  size: { width: number; height: number },
  opts: { beforeOpen?: (page: Page) => Promise<unknown> } = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport: size, locale: 'zh-CN' });
  const page = await context.newPage();
  await opts.beforeOpen?.(page);
  await page.goto(url);
  return page;
}

/** Signs a staff member in on a desk screen that shows the sign-in form. */
export async function signIn(page: Page, staffNo: string, pin = staffNo): Promise<void> {
  await page.getByLabel('工号').fill(staffNo);
  await page.getByLabel('密码').fill(pin);
  await page.getByRole('button', { name: '登录' }).click();
}
