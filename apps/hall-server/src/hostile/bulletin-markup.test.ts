import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoServices } from '../app/demo-hall';
import {
  clerkAtCounter,
  connectClient,
  ok,
  send,
  startTestHall,
  type TestHall,
} from '../test-support/hall-harness';
import { chromiumPath, cspViolations, launchChromium, watchCsp } from '../test-support/print-pdf';

// Names an admin typed flow into the weekly bulletin's HTML, its SVG charts and its page
// footer (a CSS string). Markup in a service, clerk or hall name stays text: nothing of it
// runs, closes the stylesheet or the <title>, and the bulletin prints as before.

const SERVICE = '</style><svg onload=alert(1)>';
const CLERK = '<img src=x onerror=alert(2)>';
const HALL = '</title><script>alert(3)</script>"\\';
let hall: TestHall;
let session: string;
let today: string;

beforeAll(async () => {
  hall = await startTestHall();
  const url = hall.server.url;
  const admin = await clerkAtCounter(url, {
    deviceToken: 'demo-console',
    staffNo: '9000',
    pin: '9000',
  });
  session = admin.sessionToken;
  const billing = demoServices.find((s) => s.id === 'svc-billing')!;
  ok(await send(admin.socket, 'admin:save-service', { service: { ...billing, nameZh: SERVICE } }));
  ok(
    await send(admin.socket, 'admin:save-staff', {
      staff: { id: 'stf-clerk-1', staffNo: '1001', name: CLERK, roles: ['clerk'] },
    }),
  );
  ok(await send(admin.socket, 'admin:configure', { settings: { nameZh: HALL } }));
  const kiosk = await connectClient(url, { deviceToken: 'demo-kiosk-1' });
  const clerk = await clerkAtCounter(url, {
    deviceToken: 'demo-desk-1',
    staffNo: '1001',
    pin: '1001',
    counterId: 'ctr-1',
  });
  const ticket = ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-billing' })).ticket;
  ok(await send(clerk.socket, 'ticket:call', { ticketId: ticket.id }));
  ok(await send(clerk.socket, 'ticket:start', { ticketId: ticket.id }));
  ok(await send(clerk.socket, 'ticket:finish', { ticketId: ticket.id, outcome: 'completed' }));
  today = ok(await send(kiosk, 'hall:snapshot', {})).businessDay;
  for (const s of [kiosk, clerk.socket, admin.socket]) s.disconnect();
});

afterAll(async () => {
  await hall.close();
});

describe('markup in names on the bulletin', () => {
  it('is escaped in the HTML, the charts and the footer', async () => {
    const res = await fetch(
      `${hall.server.url}/api/v1/report/export?from=${today}&to=${today}&format=html`,
      { headers: { authorization: 'Bearer demo-console', 'x-staff-session': session } },
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toMatch(/<script|<img|<svg onload/i); // the words stay, as text
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    // the page's <title> and each chart's: none closed early
    expect(html.match(/<\/title>/g)?.length).toBe(html.match(/<title>/g)?.length);
  });

  it.skipIf(!existsSync(chromiumPath))(
    'shows them as text in Chromium and runs nothing',
    async () => {
      const browser = await launchChromium();
      try {
        const page = await browser.newPage({
          extraHTTPHeaders: { authorization: 'Bearer demo-console', 'x-staff-session': session },
        });
        const dialogs: string[] = [];
        page.on('dialog', (d) => {
          dialogs.push(d.message());
          void d.dismiss();
        });
        await watchCsp(page);
        await page.goto(
          `${hall.server.url}/api/v1/report/export?from=${today}&to=${today}&format=html`,
        );
        expect(await page.locator('h1').textContent()).toContain('服务通报');
        expect(await page.locator('.masthead .hall').textContent()).toBe(HALL);
        expect(await page.locator('table').first().locator('tbody td').first().textContent()).toBe(
          SERVICE,
        );
        expect(await page.locator('img, script, svg:not(.chart)').count()).toBe(0);
        await page.pdf({ preferCSSPageSize: true }); // the footer's CSS string holds the hall name
        expect(dialogs).toEqual([]);
        expect(await cspViolations(page)).toEqual([]);
      } finally {
        await browser.close();
      }
    },
  );
});
