import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { businessDayOf } from '@onestop/hall-server';
import { startTestHall } from '@onestop/hall-server/test-support/hall-harness';
import { launchChromium, openScreen, signIn } from './browser';
import { buildCounterOnce } from './build-once';

// The reports tab at 1920×1080 into docs/screenshots/reports-*.png, over a simulated week of
// the demo hall ending yesterday (about two minutes to simulate):
// npm run screenshots:reports

const repoDir = fileURLToPath(new URL('../../..', import.meta.url));
const outDir = join(repoDir, 'docs/screenshots');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function shot(page: Page, name: string) {
  await sleep(400); // the charts draw on the next frames
  await page.screenshot({ path: join(outDir, `reports-${name}.png`) });
  console.log(`docs/screenshots/reports-${name}.png`);
}

async function section(page: Page, name: string) {
  await page.locator(`[data-section="${name}"]`).click();
  await page.locator(`[data-testid="section-${name}"]`).waitFor();
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  // The simulated week is kept in the temp folder for the day, copied for each run.
  const yesterday = businessDayOf(Date.now() - 86_400_000, 'Asia/Shanghai');
  const simulated = join(tmpdir(), `onestop-reports-week-${yesterday}`);
  if (!existsSync(join(simulated, 'done'))) {
    const args = ['--days', '7', '--date', yesterday, '--seed', '7', '--visits', '320'];
    execFileSync(
      'npx',
      ['tsx', 'scripts/simulate/simulate-day.ts', ...args, '--data-dir', simulated],
      {
        cwd: repoDir,
        stdio: 'inherit',
      },
    );
    mkdirSync(join(simulated, 'done'));
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'onestop-reports-shots-'));
  cpSync(simulated, dataDir, { recursive: true });
  await buildCounterOnce();
  const hall = await startTestHall({ dataDir });
  const browser = await launchChromium();
  try {
    const page = await openScreen(browser, `${hall.server.url}/console?token=demo-console`, {
      width: 1920,
      height: 1080,
    });
    await page.getByTestId('sign-in').waitFor();
    await signIn(page, '8001');
    await page.locator('[data-tab="reports"]').click();
    await page.getByTestId('reports-empty').waitFor(); // nothing yet today
    await page.locator('[data-preset="lastWeek"]').click();
    await page.locator('[data-testid="reports"][data-state="ready"]').waitFor();
    await shot(page, 'services');
    for (const name of ['clerks', 'hours', 'staffing', 'opinions', 'cases', 'estimates']) {
      await section(page, name);
      await shot(page, name);
    }
    await section(page, 'staffing');
    await page.getByTestId('staffing-scope').selectOption('svc-billing');
    await shot(page, 'staffing-service');

    // A long export on its way: the server's answer held back for a moment.
    await page.route('**/api/v1/report/export**', async (route) => {
      await sleep(2500);
      await route.continue().catch(() => undefined); // cancelled meanwhile
    });
    await section(page, 'services');
    await page.getByTestId('export-xlsx').click();
    await page.getByTestId('export-progress').waitFor();
    await sleep(1500);
    await shot(page, 'export-progress');
    await page.getByTestId('export-cancel').click();
    await page.locator('[data-testid="export-outcome"][data-result="cancelled"]').waitFor();
    await page.unroute('**/api/v1/report/export**');

    await page.getByTestId('range-from').fill('2020-01-01');
    await page.getByTestId('range-to').fill('2020-01-31');
    await page.getByTestId('reports-empty').waitFor();
    await shot(page, 'empty');

    await page.locator('[data-preset="thisMonth"]').click();
    await page.locator('[data-testid="reports"][data-state="ready"]').waitFor();
    await page.getByTestId('lang-toggle').click();
    await section(page, 'staffing');
    await shot(page, 'en-staffing');
    await section(page, 'clerks');
    await page.getByTestId('lang-toggle').click();

    await hall.server.close(); // the hall server goes away: figures stay, marked, exports wait
    await page.getByTestId('reports-stale').waitFor();
    await shot(page, 'offline');
    await page.locator('[data-preset="yesterday"]').click();
    await page.getByTestId('reports-offline').waitFor();
    await shot(page, 'offline-no-data');
  } finally {
    await browser.close();
    await hall.close().catch(() => undefined);
  }
}

await main();
process.exit(0);
