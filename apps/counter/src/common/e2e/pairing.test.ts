import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceKind } from '@onestop/shared';
import {
  clerkAtCounter,
  ok,
  send,
  startTestHall,
  type TestHall,
} from '@onestop/hall-server/test-support/hall-harness';
import { hasChromium, launchChromium, openScreen, sizes } from '../../../test-support/browser';
import { buildCounterOnce } from '../../../test-support/build-once';

// The desk's screens pair through the one pairing screen (@onestop/ui) and the one pairing call
// (@onestop/client): a wrong code is refused with the hall's reason, a lockout counts down, no
// answer says offline, and the console's code pairs the workstation (its own token) and the pad
// (its counter remembered). Screenshots of each state go to $SCREENSHOTS or the temp folder.

let hall: TestHall;
let browser: Browser;
const shots = process.env.SCREENSHOTS ?? join(tmpdir(), 'onestop-pairing');

beforeAll(async () => {
  await buildCounterOnce();
  hall = await startTestHall();
  browser = await launchChromium();
  mkdirSync(shots, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await hall?.close();
});

async function pairingCode(kind: DeviceKind, counterId: string | null = null): Promise<string> {
  const leader = await clerkAtCounter(hall.server.url, {
    deviceToken: 'demo-console',
    staffNo: '8001',
    pin: '8001',
  });
  const { code } = ok(
    await send(leader.socket, 'device:issue-pairing-code', {
      name: `new ${kind}`,
      kind,
      counterId,
    }),
  );
  leader.socket.disconnect();
  return code;
}

async function typeCode(page: Page, code: string) {
  await page.getByRole('textbox', { name: '六位配对码' }).fill(code);
  await page.getByRole('button', { name: '配对', exact: true }).click();
}

describe.skipIf(!hasChromium)('pairing a desk screen', () => {
  it('refuses a wrong code with the reason, then pairs the workstation with the console’s code', async () => {
    const desk = await openScreen(browser, `${hall.server.url}/counter`, sizes.workstation);
    await desk.getByRole('heading', { name: '设备配对' }).waitFor();
    await desk.getByText('本设备尚未与大厅配对。').waitFor();
    expect(await desk.getByRole('button', { name: '配对', exact: true }).isDisabled()).toBe(true);
    await desk.screenshot({ path: join(shots, 'desk-entering.png') });

    await typeCode(desk, '000000');
    await desk.getByText('配对码错误或已过期。').waitFor();
    await desk.screenshot({ path: join(shots, 'desk-refused.png') });

    // The keypad types too.
    await desk.getByRole('button', { name: '清除' }).click();
    for (const d of await pairingCode('desk'))
      await desk.getByRole('button', { name: d, exact: true }).click();
    await desk.getByRole('button', { name: '配对', exact: true }).click();
    await desk.getByRole('button', { name: '登录' }).waitFor();
    expect(
      await desk.evaluate(() => localStorage.getItem('onestop.counter.deviceToken')),
    ).toBeTruthy();
    await desk.context().close();
  });

  it('pairs a pad with its counter, kept for its first question', async () => {
    const counterId = hall.server.hall.store.counters.all()[0]!.id;
    const pad = await openScreen(browser, `${hall.server.url}/pad`, sizes.pad);
    await typeCode(pad, await pairingCode('pad', counterId));
    await expect
      .poll(() => pad.evaluate(() => localStorage.getItem('onestop.pad.counterId')))
      .toBe(counterId);
    expect(await pad.evaluate(() => localStorage.getItem('onestop.pad.deviceToken'))).toBeTruthy();
    await pad.context().close();
  });

  it('counts a lockout down and says offline when the hall does not answer', async () => {
    const desk = await openScreen(browser, `${hall.server.url}/backoffice`, sizes.backoffice, {
      beforeOpen: (page) =>
        page.route('**/api/v1/device/pair', (route) =>
          route.fulfill({
            status: 200,
            contentType: 'application/json',
            body: JSON.stringify({
              ok: false,
              code: 'pairing_throttled',
              message: 'Too many pairing attempts. Try again in 42 s.',
            }),
          }),
        ),
    });
    await typeCode(desk, '123456');
    await desk.getByText(/配对尝试次数过多,请 4\d 秒后再试。/).waitFor();
    expect(await desk.getByRole('button', { name: '配对', exact: true }).isDisabled()).toBe(true);
    await desk.screenshot({ path: join(shots, 'desk-locked.png') });
    await desk.context().close();

    const cut = await openScreen(browser, `${hall.server.url}/backoffice`, sizes.backoffice, {
      beforeOpen: (page) =>
        page.route('**/api/v1/device/pair', (route) => route.abort('internetdisconnected')),
    });
    await typeCode(cut, '123456');
    await cut.getByText('连不上大厅服务器,请检查网络后再试。').waitFor();
    await cut.screenshot({ path: join(shots, 'desk-offline.png') });
    await cut.context().close();
  });
});
