import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoServices } from '../app/demo-hall';
import { ok, send } from '../test-support/hall-harness';
import { namedExportHall } from '../test-support/hostile';
import { chromiumPath, cspViolations, launchChromium, watchCsp } from '../test-support/print-pdf';

// Names an admin typed flow into the weekly bulletin's HTML, its SVG charts and its page
// footer (a CSS string). Markup in a service, clerk or hall name stays text: nothing of it
// runs, closes the stylesheet or the <title>, and the bulletin prints as before.

const SERVICE = '</style><svg onload=alert(1)>';
const CLERK = '<img src=x onerror=alert(2)>';
const HALL = '</title><script>alert(3)</script>"\\';
const { exportUrl, headers } = namedExportHall({
  serviceId: 'svc-billing',
  async rename(admin) {
    const billing = demoServices.find((s) => s.id === 'svc-billing')!;
    ok(await send(admin, 'admin:save-service', { service: { ...billing, nameZh: SERVICE } }));
    ok(
      await send(admin, 'admin:save-staff', {
        staff: { id: 'stf-clerk-1', staffNo: '1001', name: CLERK, roles: ['clerk'] },
      }),
    );
    ok(await send(admin, 'admin:configure', { settings: { nameZh: HALL } }));
  },
  async finish(clerk, ticketId) {
    ok(await send(clerk, 'ticket:finish', { ticketId, outcome: 'completed' }));
  },
});

describe('markup in names on the bulletin', () => {
  it('is escaped in the HTML, the charts and the footer', async () => {
    const res = await fetch(exportUrl('format=html'), { headers: headers() });
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
        const page = await browser.newPage({ extraHTTPHeaders: headers() });
        const dialogs: string[] = [];
        page.on('dialog', (d) => {
          dialogs.push(d.message());
          void d.dismiss();
        });
        await watchCsp(page);
        await page.goto(exportUrl('format=html'));
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
