import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webApps } from '../server';
import { startTestHall, type TestHall } from '../test-support/hall-harness';
import { cspViolations, watchCsp } from '../test-support/print-pdf';

// The Content-Security-Policy must let every screen work: each one opens in Chromium with no
// policy violation reported and no console error about it. Needs `npm run build:web`.

const CHROMIUM = '/usr/bin/chromium';
const built = webApps.every((app) => existsSync(join(app.dir, 'index.html')));

const screens = [
  '/',
  '/kiosk?token=demo-kiosk-1',
  '/display?token=demo-display-1',
  '/display?preview=1&layout=calls_notices_media&orientation=portrait',
  '/status',
  '/guide?token=demo-guide',
  '/counter?token=demo-desk-1',
  '/pad?token=demo-pad-1&counter=1',
  '/backoffice?token=demo-backoffice',
  '/console?token=demo-console',
];

describe.skipIf(!existsSync(CHROMIUM) || !built)('every screen under the CSP', () => {
  let t: TestHall;
  let browser: Browser;
  beforeAll(async () => {
    t = await startTestHall();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--autoplay-policy=no-user-gesture-required',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it.each(screens)('%s loads with no policy violation', async (path) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (/content security policy|refused to/i.test(m.text())) problems.push(m.text());
    });
    await watchCsp(page);
    const res = await page.goto(`${t.server.url}${path}`);
    expect(res?.status()).toBe(200);
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await page.waitForTimeout(1500); // let the screen connect and draw (QR codes, charts)
    const violations = await cspViolations(page);
    expect([...violations, ...problems]).toEqual([]);
    await context.close();
  });
});
