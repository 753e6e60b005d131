import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clerkAtCounter,
  connectClient,
  ok,
  send,
  type HallClient,
} from '@onestop/hall-server/test-support/hall-harness';
import {
  serveNext as serve,
  startNotifyHall,
  type NotifyHall,
} from '@onestop/hall-server/test-support/notify-hall';
import { hasChromium, pressDigits, SIZES } from '../../test-support/browser';
import { openDevice, useChromium } from '../../test-support/scene';

// "Text me when my turn is near" at the kiosk, in Chromium against a real hall whose texts go
// to a signed-webhook receiver on loopback (issue 18 item 3): the customer enters a phone,
// ticks the consent (unticked by default), takes a number; the slip and the screen say so; with
// turnNearAhead = 2, as the tickets ahead are called the customer is texted exactly once, when
// two are left ahead, then once more when called.

const PHONE = '13812340000';
const SHOTS = 'docs/screenshots';
const browser = useChromium();
let h: NotifyHall;
let kioskSocket: HallClient;
let clerk: HallClient;

beforeAll(async () => {
  if (!hasChromium) return;
  h = await startNotifyHall({ turnNearAhead: 2 });
  kioskSocket = await connectClient(h.server.url, { deviceToken: 'demo-kiosk-1' });
  clerk = (
    await clerkAtCounter(h.server.url, {
      deviceToken: 'demo-desk-1',
      staffNo: '1001',
      pin: '1001',
      counterId: 'ctr-1',
    })
  ).socket;
}, 120_000);
afterAll(async () => {
  kioskSocket?.disconnect();
  clerk?.disconnect();
  await h?.close();
});

const serveNext = (): Promise<string> => serve(clerk);

const turnNear = () => h.receiver.received.filter((r) => r.body.purpose === 'turn_near');

describe.skipIf(!hasChromium)('the kiosk: text me when my turn is near', () => {
  it('consent given at the kiosk; exactly one "turn near" at the configured distance', async () => {
    // Four customers ahead, without a phone.
    for (let i = 0; i < 4; i++)
      ok(await send(kioskSocket, 'ticket:issue', { serviceId: 'svc-billing' }));

    const kiosk = await openDevice(browser(), h.server.url, 'kiosk');
    await kiosk.getByRole('button', { name: /电费缴纳/ }).tap();
    const consent = kiosk.getByTestId('text-me');
    expect(await consent.isDisabled()).toBe(true); // no phone yet
    expect(await consent.getAttribute('aria-checked')).toBe('false');
    await pressDigits(kiosk, PHONE);
    expect(await consent.isDisabled()).toBe(false);
    expect(await consent.getAttribute('aria-checked')).toBe('false'); // unticked by default
    expect(await consent.textContent()).toContain('快到我时发短信提醒我');
    await consent.tap();
    expect(await consent.getAttribute('aria-checked')).toBe('true');
    await kiosk.screenshot({ path: `${SHOTS}/kiosk-text-me-portrait.png` });

    await kiosk.getByRole('button', { name: '取号', exact: true }).tap();
    await kiosk.getByTestId('ticket-number').waitFor();
    const number = (await kiosk.getByTestId('ticket-number').textContent())!.trim();
    expect(await kiosk.getByTestId('issued-text-me').textContent()).toBe(
      '快到您时,我们会发短信提醒您',
    );
    expect(await kiosk.getByTestId('print-text-me').textContent()).toBe('快到您时将短信提醒');
    await kiosk.screenshot({ path: `${SHOTS}/kiosk-text-me-issued.png` });

    // 4 ahead, then 3: nothing yet.
    await serveNext();
    await kiosk.waitForTimeout(400);
    expect(turnNear()).toHaveLength(0);
    // 2 ahead: told.
    await serveNext();
    const [near] = await h.receiver.waitFor(1);
    expect(near!.valid).toBe(true);
    expect(near!.body).toMatchObject({ purpose: 'turn_near', phone: PHONE });
    expect(near!.body.text).toContain(number);
    // 1 and 0 ahead: never told twice.
    await serveNext();
    await serveNext();
    await kiosk.waitForTimeout(400);
    expect(turnNear()).toHaveLength(1);
    // Called: told once more.
    expect(await serveNext()).toBe(number);
    const [, called] = await h.receiver.waitFor(2);
    expect(called!.body.purpose).toBe('called');
    expect(turnNear()).toHaveLength(1);
    await kiosk.context().close();
  }, 90_000);

  it('without the tick nothing is texted; landscape and English show the choice', async () => {
    const before = h.receiver.received.length;
    const kiosk = await openDevice(browser(), h.server.url, 'kiosk', {
      size: SIZES.display,
      lang: 'en',
    });
    await kiosk
      .getByRole('button', { name: /Electricity|Bill/i })
      .first()
      .tap();
    await pressDigits(kiosk, '13812349999');
    const consent = kiosk.getByTestId('text-me');
    expect(await consent.textContent()).toContain('Text me when my turn is near');
    expect(await consent.getAttribute('aria-checked')).toBe('false');
    await kiosk.screenshot({ path: `${SHOTS}/kiosk-text-me-landscape-en.png` });
    await kiosk.getByRole('button', { name: 'Take a ticket', exact: true }).tap();
    await kiosk.getByTestId('ticket-number').waitFor();
    expect(await kiosk.getByTestId('issued-text-me').count()).toBe(0);
    await serveNext(); // nobody else waits: it is called at once, and nobody is texted
    await kiosk.waitForTimeout(500);
    expect(h.receiver.received.length).toBe(before);
    await kiosk.context().close();
  }, 90_000);
});
