import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  chromiumPath,
  cspViolations,
  launchChromium,
  pdfPageSizes,
  watchCsp,
} from '../test-support/print-pdf';
import { contentSecurityPolicy } from '../transport/http-server';
import { demoContext, weekReport } from './bulletin-fixture';
import { reportToBulletinHtml } from './bulletin';

// The weekly bulletin (周通报) printed as the hall prints it: Chromium, under the hall's CSP,
// to A4 pages. `BULLETIN_PNG=docs/screenshots/bulletin-a4.png` keeps page 1 as a picture.

const csp = Object.entries(contentSecurityPolicy)
  .map(([k, v]) => `${k} ${v.join(' ')}`)
  .join('; ');
const hasPdftoppm = existsSync('/usr/bin/pdftoppm');

describe('the weekly bulletin', () => {
  it('is plain HTML with its charts as inline SVG, names for ids, hours as spans', () => {
    const html = reportToBulletinHtml(weekReport, demoContext('zh'));
    expect(html).not.toMatch(/<script/i);
    expect(html.match(/<svg class="chart"/g)).toHaveLength(6);
    expect(html).toContain('故障报修与咨询');
    expect(html).toContain('10:00–11:00');
    expect(html).toContain('2026-11-23 (周一) – 2026-11-29 (周日)');
    expect(html).toContain('91.2%');
    expect(html).not.toMatch(/svc-|stf-|ct-/);
    expect(html).toMatch(/@page\s*{\s*size: A4;/);
    const en = reportToBulletinHtml(weekReport, demoContext('en'));
    expect(en).toContain('Faults and enquiries');
    expect(en).toContain('2026-11-23 (Mon) – 2026-11-29 (Sun)');
  });

  it('escapes names it did not write, in the page, the charts and the page footer', () => {
    const hostile = '</style><script>alert(1)</script>"\\';
    const report = {
      ...weekReport,
      clerks: weekReport.clerks.map((c, i) => (i === 0 ? { ...c, name: hostile } : c)),
    };
    const ctx = { ...demoContext('zh'), hallName: hostile };
    const html = reportToBulletinHtml(report, ctx);
    expect(html).not.toContain('<script');
    expect(html.match(/<\/style>/g)).toHaveLength(1);
  });

  it.skipIf(!existsSync(chromiumPath))(
    'prints to a few A4 pages in Chromium under the hall’s CSP, charts and all',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'onestop-bulletin-'));
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        await watchCsp(page);
        await page.route('http://hall.test/bulletin', (route) =>
          route.fulfill({
            contentType: 'text/html; charset=utf-8',
            headers: { 'content-security-policy': csp },
            body: reportToBulletinHtml(weekReport, demoContext('zh')),
          }),
        );
        await page.goto('http://hall.test/bulletin');
        expect(await page.locator('svg.chart').count()).toBe(6);
        expect(await page.locator('svg.chart rect').count()).toBeGreaterThan(30);
        expect(await page.locator('section.sheet').count()).toBe(3);
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
        const pages = pdfPageSizes(pdf);
        // the overview, services and cases, clerks, staffing: one page each
        expect(pages).toHaveLength(4);
        for (const p of pages) expect(p).toEqual({ widthMm: 210, heightMm: 297 });
        expect(await cspViolations(page)).toEqual([]);
        const file = join(dir, 'bulletin.pdf');
        writeFileSync(file, pdf);
        if (hasPdftoppm) {
          const out = process.env.BULLETIN_PNG ?? join(dir, 'page1.png');
          execFileSync('pdftoppm', [
            '-png',
            '-r',
            '110',
            '-f',
            '1',
            '-l',
            '1',
            '-singlefile',
            file,
            out.replace(/\.png$/, ''),
          ]);
          const png = readFileSync(out);
          const width = png.readUInt32BE(16);
          const height = png.readUInt32BE(20);
          expect(Math.abs(width / height - 210 / 297)).toBeLessThan(0.01);
        }
      } finally {
        await browser.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
