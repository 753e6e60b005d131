// A screenshot tour of the hall-facing screens at their real sizes, into docs/screenshots/.
//   npm run screenshots            (builds the web apps first)
// Kiosk 1080x1920 portrait, display 1920x1080, guide tablet 1280x800, phone 390x844.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { chromium, type Page } from 'playwright-core';
import { io } from 'socket.io-client';
import { startHallServer } from '../apps/hall-server/src/server';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const out = join(repoRoot, 'docs/screenshots');
mkdirSync(out, { recursive: true });

const dataDir = mkdtempSync(join(tmpdir(), 'onestop-shots-'));
const server = await startHallServer({
  dataDir,
  port: 0,
  host: '127.0.0.1',
  demo: true,
  logger: pino({ level: 'warn' }),
});
const base = server.url;

async function command(token: string, name: string, payload: object, session?: string) {
  const socket = io(base, {
    auth: { deviceToken: token, sessionToken: session },
    transports: ['websocket'],
    forceNew: true,
  });
  const ack = (await socket.emitWithAck(name, { commandId: crypto.randomUUID(), ...payload })) as {
    ok: boolean;
    data: Record<string, unknown>;
  };
  socket.disconnect();
  return ack.data;
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
async function page(path: string, width: number, height: number): Promise<Page> {
  const p = await browser.newPage({ viewport: { width, height } });
  await p.addInitScript(() => {
    (globalThis as unknown as { print: () => void }).print = () => undefined;
  });
  await p.goto(`${base}${path}`);
  return p;
}
const shot = (p: Page, name: string) => p.screenshot({ path: join(out, `${name}.png`) });

try {
  // A few customers waiting, so the screens have something to show.
  for (const serviceId of [
    'svc-billing',
    'svc-billing',
    'svc-fault',
    'svc-connection',
    'svc-invoice',
  ]) {
    await command('demo-kiosk-1', 'ticket:issue', { serviceId });
  }
  const kiosk = await page('/kiosk?token=demo-kiosk-1', 1080, 1920);
  await kiosk.locator('.service-button').first().waitFor();
  await shot(kiosk, 'kiosk-menu');
  await kiosk.locator('.service-button').first().click();
  for (const d of '13812345678') await kiosk.click(`.keypad button[aria-label="${d}"]`);
  await kiosk.getByRole('button', { name: '老年人' }).click();
  await shot(kiosk, 'kiosk-details');
  await kiosk.locator('button.primary').click();
  await kiosk.getByTestId('ticket-number').waitFor();
  await shot(kiosk, 'kiosk-issued');
  await kiosk.getByRole('button', { name: '大字模式' }).click();
  await kiosk.getByRole('button', { name: '完成' }).click();
  await shot(kiosk, 'kiosk-large-text');

  const signedIn = await command('demo-desk-1', 'staff:sign-in', { staffNo: '1001', pin: '1001' });
  const session = signedIn.sessionToken as string;
  await command('demo-desk-1', 'counter:sign-in', { counterId: 'ctr-1' }, session);
  await command('demo-desk-1', 'counter:open', {}, session);
  const leader = await command('demo-console', 'staff:sign-in', { staffNo: '8001', pin: '8001' });
  await command(
    'demo-console',
    'hall:set-notice',
    { text: '今日16:00后暂停业扩报装受理,敬请谅解' },
    leader.sessionToken as string,
  );
  const display = await page('/display?token=demo-display-1', 1920, 1080);
  await display.locator('.counter-tile').first().waitFor();
  const called = await command('demo-desk-1', 'ticket:call-next', {}, session);
  const ticket = called.ticket as { id: string; number: string };
  await display.locator('.counter-tile.fresh').waitFor();
  await display.waitForTimeout(1500);
  await shot(display, 'display');

  const guide = await page('/guide?token=demo-guide', 1280, 800);
  await guide.getByLabel('工号').fill('7001');
  await guide.getByLabel('密码').fill('7001');
  await guide.getByRole('button', { name: '登录' }).click();
  await guide.getByRole('heading', { name: '排队概况' }).waitFor();
  await guide.waitForTimeout(800);
  await shot(guide, 'guide');

  const guideSession = await command('demo-backoffice', 'staff:sign-in', {
    staffNo: '7001',
    pin: '7001',
  });
  const result = (await command(
    'demo-backoffice',
    'ticket:find',
    { number: ticket.number },
    guideSession.sessionToken as string,
  )) as {
    results: { statusToken: string }[];
  };
  const phone = await page(
    `/status?ticket=${ticket.id}&token=${result.results[0]!.statusToken}`,
    390,
    844,
  );
  await phone.getByTestId('status-state').waitFor();
  await shot(phone, 'phone-status');
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
